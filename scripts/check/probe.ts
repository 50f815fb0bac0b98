/**
 * Runs every snippet from `features.ts`, and `typeof` of every member of every standard built-in
 * (`probe-members.ts`), on the real Espruino interpreter and writes `scripts/check/probe-results.json`:
 * the one result both the check's rules and the device typings (`types/espruino-lib.d.ts`) are
 * derived from. Re-run it after an Espruino release; it regenerates those files and `docs/compat.md`.
 * It records the exact build (`process.env.VERSION` with its build number, `GIT_COMMIT`, `BOARD`,
 * `MODULES`, and which board classes it defines); `probe-emu.ts` does the same for the emulator.
 *
 *   ESPRUINO_BIN=/path/to/espruino npx thincall probe
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BOARD_GLOBALS } from "../boards/firmware-modules.ts";
import { UserError } from "../errors.ts";
import { FEATURES, type Feature } from "./features.ts";
import { RESULTS_FILE, type ProbeBuild, type ProbeFile, type ProbeResult } from "./probe-file.ts";
import { probeMembers } from "./probe-members.ts";

// The marker is printed only after the feature ran and gave the right answer.
const PRELUDE = 'function __ok(c,v){console.log(c?"@@OK":"@@WRONG "+v)}\n';
const TIMEOUT_MS = 3000;

/**
 * Runs one script file on the interpreter at `bin` and returns its console output once it printed
 * a `@@` marker or an uncaught error, or the time ran out. Stdin stays open so that timers and promises get to run (Espruino
 * exits at end of input); the process ignores SIGTERM, so it is stopped with SIGKILL.
 */
export function runScript(bin: string, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [file], { cwd: dirname(file), stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let timer: NodeJS.Timeout | undefined;
    const finish = (delay: number) => {
      clearTimeout(timer);
      // A short grace period lets the rest of an error message arrive.
      timer = setTimeout(() => child.kill("SIGKILL"), delay);
    };
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (/@@|Uncaught /.test(out)) finish(100);
    });
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      resolve(out);
    });
    finish(TIMEOUT_MS);
  });
}

/** Reads the verdict out of the interpreter's output. */
function verdict(out: string): { runs: boolean; error?: string } {
  const ok = out.indexOf("@@OK");
  const uncaught = /Uncaught (.*)/.exec(out);
  if (ok >= 0 && (!uncaught || uncaught.index > ok)) return { runs: true };
  if (uncaught) return { runs: false, error: uncaught[1].trim() };
  const wrong = /@@WRONG (.*)/.exec(out);
  if (wrong) return { runs: false, error: `wrong result: ${wrong[1].trim()}` };
  return { runs: false, error: "no result (timed out without output)" };
}

/** Runs one feature's snippet on the interpreter at `bin`. */
export async function probeFeature(bin: string, feature: Feature, dir: string, version: string): Promise<ProbeResult> {
  const file = join(dir, `${feature.id.replace(/[^\w.-]/g, "_")}.js`);
  writeFileSync(file, PRELUDE + feature.code + "\n");
  return { feature: feature.name, ...verdict(await runScript(bin, file)), espruinoVersion: version, snippet: feature.code };
}

/** The script that prints the build's own description (`process.env`). */
export const BUILD_SCRIPT = `var e=process.env,G=${JSON.stringify(BOARD_GLOBALS)},g=[];`
  + 'G.forEach(function(n){try{if(eval("typeof "+n)!="undefined")g.push(n)}catch(x){}});'
  + 'console.log("@@BUILD "+JSON.stringify({version:e.VERSION||process.version,commit:e.GIT_COMMIT,date:e.BUILD_DATE,board:e.BOARD,modules:e.MODULES,globals:g}))\n';

/** Reads the build's description out of {@link BUILD_SCRIPT}'s output. */
export function parseBuild(out: string): ProbeBuild | undefined {
  const m = /@@BUILD (\{.*\})/.exec(out);
  if (!m) return undefined;
  const raw = JSON.parse(m[1]) as { version?: string; commit?: string; date?: string; board?: string; modules?: string; globals?: string[] };
  if (!raw.version) return undefined;
  const build: ProbeBuild = { version: raw.version };
  if (raw.commit) build.commit = raw.commit;
  if (raw.date) build.date = raw.date;
  if (raw.board) build.board = raw.board;
  if (raw.modules) build.modules = raw.modules.split(",");
  if (raw.globals) build.globals = raw.globals;
  return build;
}

/** Asks the interpreter at `bin` which build it is. */
export async function probeBuild(bin: string, dir: string): Promise<ProbeBuild> {
  const file = join(dir, "build.js");
  writeFileSync(file, BUILD_SCRIPT);
  const build = parseBuild(await runScript(bin, file));
  if (!build) throw new UserError(`${bin} did not report an Espruino version`);
  return build;
}

/** Runs every probe (a few at a time) and returns feature id → result. */
export async function runProbe(bin: string): Promise<Record<string, ProbeResult>> {
  const dir = mkdtempSync(join(tmpdir(), "thincall-probe-"));
  try {
    const version = (await probeBuild(bin, dir)).version;
    const results: Record<string, ProbeResult> = {};
    const queue = [...FEATURES];
    const worker = async () => {
      for (let ft = queue.shift(); ft; ft = queue.shift()) results[ft.id] = await probeFeature(bin, ft, dir, version);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    // Keep the file in feature order so diffs stay readable.
    return Object.fromEntries(FEATURES.map((ft) => [ft.id, results[ft.id]]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Probes everything on the interpreter at `bin`. */
export async function probeAll(bin: string): Promise<ProbeFile> {
  const dir = mkdtempSync(join(tmpdir(), "thincall-build-"));
  let build: ProbeBuild;
  try {
    build = await probeBuild(bin, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const features = await runProbe(bin);
  const { results } = await probeMembers(bin);
  return { espruinoVersion: build.version, build, features, members: results };
}

/** `thincall probe`: probes, writes the result, then regenerates the typings and the compatibility doc. */
export async function runProbeCommand(out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const bin = process.env.ESPRUINO_BIN;
  if (!bin) throw new UserError("ESPRUINO_BIN is not set: point it at an Espruino interpreter built for Linux");
  const result = await probeAll(bin);
  writeFileSync(RESULTS_FILE, JSON.stringify(result, null, 2) + "\n");
  const failed = Object.entries(result.features).filter(([, r]) => !r.runs);
  for (const [id, r] of failed) out.write(`fails  ${id}: ${r.error}\n`);
  const members = Object.values(result.members);
  const missing = members.filter((m) => m.typeof === "undefined" || m.typeof === "throws").length;
  out.write(`${Object.keys(result.features).length - failed.length} features run, ${failed.length} fail; `
    + `${members.length - missing} of ${members.length} built-in members exist; wrote ${RESULTS_FILE}\n`);
  const { DEVICE_LIB_FILE, renderDeviceLib } = await import("./device-lib.ts");
  writeFileSync(DEVICE_LIB_FILE, renderDeviceLib(result));
  out.write(`wrote ${fileURLToPath(DEVICE_LIB_FILE)}\n`);
  // The rule table is read when its module loads, so the document is rendered by a fresh process.
  const { execFileSync } = await import("node:child_process");
  const root = join(dirname(RESULTS_FILE), "..", "..");
  execFileSync(process.execPath, ["--import", "tsx", join(dirname(RESULTS_FILE), "compat-doc.ts")], { cwd: root, stdio: "inherit" });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runProbeCommand().catch((e: unknown) => {
    console.error(e instanceof UserError ? e.message : e);
    process.exitCode = 1;
  });
}
