/**
 * Starts the emulator in a process of its own under Node's permission model: it may read its
 * code and the emulator files, and nothing more (no writes, no child processes, no workers, no
 * native addons). An emulator file is code fetched from the web; even one that found its way out
 * of its V8 context (runtime.ts) could then neither touch the file system nor spawn a program.
 * The entry is TypeScript, and the loader that runs TypeScript spawns a compiler, which the
 * permission model forbids: so the two files are transpiled once per host process, into a
 * private temporary folder.
 */
import { fork, spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";

/** The flag of Node's permission model: `--permission` from Node 22, experimental before. */
export function permissionFlag(flags: ReadonlySet<string> = process.allowedNodeEnvironmentFlags): string {
  return flags.has("--permission") ? "--permission" : "--experimental-permission";
}

const SOURCES = ["runtime.ts", "process-main.ts"];
let compiled: string | undefined;

/** The transpiled entry, in a folder of its own (made once per host process). */
function entry(): { dir: string; main: string } {
  if (!compiled) {
    const dir = mkdtempSync(join(tmpdir(), "thincall-emu-"));
    writeFileSync(join(dir, "package.json"), '{"type":"module"}\n');
    for (const name of SOURCES) {
      const source = readFileSync(new URL(`./${name}`, import.meta.url), "utf8");
      const { outputText } = ts.transpileModule(source, {
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, rewriteRelativeImportExtensions: true },
      });
      writeFileSync(join(dir, name.replace(/\.ts$/, ".js")), outputText);
    }
    compiled = dir;
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return { dir: compiled, main: join(compiled, "process-main.js") };
}

/** A fresh folder for one emulator's Ctrl-C count, which the host writes and the emulator reads. */
export function ctrlCCounter(): { path: string; set(count: number): void } {
  const path = join(mkdtempSync(join(tmpdir(), "thincall-emu-ctrlc-")), "count");
  writeFileSync(path, "0");
  return { path, set: (count) => writeFileSync(path, String(count)) };
}

/**
 * Node's flags for a process that may read `readable` (a folder with a trailing `/*`) and do
 * nothing else the permission model guards: one flag per path (a comma-separated list is no longer
 * read as several).
 */
export function sandboxExecArgv(readable: readonly string[]): string[] {
  return [permissionFlag(), ...readable.map((path) => `--allow-fs-read=${path}`), "--disable-warning=ExperimentalWarning"];
}

/**
 * Forks the emulator process for `files`, reading Ctrl-C counts from `ctrlCPath`.
 * Its stderr is piped (for the first line of a crash); stdout is ignored.
 */
export function startEmulatorProcess(files: readonly string[], ctrlCPath: string, deathSignal = parentDeathLauncher()): ChildProcess {
  const { dir, main } = entry();
  const execArgv = sandboxExecArgv([`${dir}/*`, ctrlCPath, ...files]);
  const env = { THINCALL_EMU_FILES: JSON.stringify(files), THINCALL_EMU_CTRLC: ctrlCPath };
  const stdio: StdioOptions = ["ignore", "ignore", "pipe", "ipc"];
  // Busy code never reads the "disconnect" that a host's exit sends: where the system can, the
  // process is told to die with its host (killed, crashed), or it would spin at full CPU forever.
  if (deathSignal) return spawn(deathSignal, ["--pdeathsig", "KILL", process.execPath, ...execArgv, main], { env, stdio });
  return fork(main, [], { execArgv, env, stdio });
}

/**
 * util-linux's `setpriv`, which sets the parent-death signal (Linux's PR_SET_PDEATHSIG) and runs
 * the emulator in its place (the same pid), or undefined where there is none.
 */
export function parentDeathLauncher(): string | undefined {
  if (process.platform !== "linux") return undefined;
  return ["/usr/bin/setpriv", "/bin/setpriv"].find((p) => existsSync(p));
}
