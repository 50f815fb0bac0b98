/**
 * Helpers for the CLI tests (test/cli-*.test.ts): run `bin/thincall.js` as a child process, wait
 * for conditions with a deadline, temp files, and device records (the fake console over TCP is
 * test/fake-espruino-server.ts).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sharedBuildCache } from "./shared-build-cache.ts";

/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** How a CLI run ended. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the run, ms. */
  ms: number;
  /** When the child exited (Date.now()). */
  endedAt: number;
}

/** A running CLI child. */
export interface CliChild {
  child: ChildProcess;
  /** Everything printed so far. */
  readonly stdout: string;
  readonly stderr: string;
  /** Resolves when the child has exited (killed with SIGKILL after `timeoutMs`, then rejects). */
  result: Promise<CliResult>;
}

/**
 * The run's build cache: a bundle is built once per test run, in a `before` hook
 * ({@link warmBuildCache}), and every CLI run reuses it, so no test's deadline includes a build.
 */
export const BUILD_CACHE = sharedBuildCache();

/**
 * Builds `entry` (as the CLI is given it; the bench when left out) for `boardId` into
 * {@link BUILD_CACHE}, in this process, for a `before` hook; for the bench, the core too.
 */
export async function warmBuildCache(boardId: string, entry?: string): Promise<void> {
  const { loadBoard } = await import("../../scripts/boards/profile.ts");
  const { buildBundle, coreBytes, firmwareEntries } = await import("../../scripts/bundle/build.ts");
  const { cachedBuild } = await import("../../scripts/bundle/build-cache.ts");
  const board = loadBoard(boardId);
  const env = { ...process.env, THINCALL_BUILD_CACHE: BUILD_CACHE };
  const bench = firmwareEntries().find((f) => /\/bench\.ts$/.test(f))!;
  // The key is the one buildBundle(entry, board) uses in the CLI (scripts/bundle/build.ts), which runs in ROOT.
  await cachedBuild(["bundle", entry ?? bench, board, undefined, {}], () => buildBundle(resolve(ROOT, entry ?? bench), board), env);
  if (entry === undefined) await cachedBuild(["core", board, false], () => coreBytes(board), env);
}

/** Environment for the CLI: no $ESPRUINO_PORT, $ESPRUINO_BOARD or emulator from the caller's shell, no debug stacks. */
export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, THINCALL_BUILD_CACHE: BUILD_CACHE, ...extra };
  delete env.ESPRUINO_PORT;
  delete env.ESPRUINO_BOARD;
  delete env.THINCALL_DEBUG;
  if (!("THINCALL_REPLY_TIMEOUT_MS" in extra)) delete env.THINCALL_REPLY_TIMEOUT_MS;
  // Nor the caller's Espruino emulator: without a board, `bench` would pick it (scripts/emu/default-port.ts).
  if (!("ESPRUINO_EMU" in extra)) delete env.ESPRUINO_EMU;
  if (!("XDG_CACHE_HOME" in extra)) env.XDG_CACHE_HOME = join(tmpdir(), "thincall-test-no-cache");
  return env;
}

const running = new Set<ChildProcess>();

/** How to run the CLI: extra environment, hang deadline (ms), working folder (@default the repository root). */
export interface CliOptions {
  env?: Record<string, string>;
  timeoutMs?: number;
  cwd?: string;
  /** Text piped into the CLI's stdin (then closed). @default no stdin (/dev/null) */
  input?: string;
}

/**
 * Starts `thincall <args>`; the child is killed if it outlives `timeoutMs`, which only catches a
 * hang: the deadlines a test checks are the CLI's own. @default 600000
 */
export function startCli(args: string[], options: CliOptions = {}): CliChild {
  const timeoutMs = options.timeoutMs ?? 600000;
  const t0 = Date.now();
  const child = spawn(process.execPath, [join(ROOT, "bin", "thincall.js"), ...args], {
    cwd: options.cwd ?? ROOT,
    env: cliEnv(options.env),
    stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
  });
  if (options.input !== undefined) child.stdin!.end(options.input);
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const result = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`thincall ${args.join(" ")} still running after ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      running.delete(child);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - t0, endedAt: Date.now() });
    });
  });
  return {
    child,
    get stdout() {
      return stdout;
    },
    get stderr() {
      return stderr;
    },
    result,
  };
}

/** Runs `thincall <args>` to its end. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).result;
}

/** Kills every CLI child still running (for `after` hooks: a failed test must not leave one). */
export function killAllCli(): void {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

/** Waits until `condition()` holds, checking every few ms, or fails after `ms` with `what`. */
export async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A fresh temp folder in os.tmpdir(), and its removal. */
export function tempDir(): { dir: string; path: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "thincall-cli-"));
  return { dir, path: (name) => join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The lines of stderr that are not progress output (progress rewrites one line with `\r`). */
export function errorLines(stderr: string): string[] {
  return stderr
    .split("\n")
    .map((l) => l.split("\r").at(-1)!.trim())
    .filter((l) => l !== "" && !/^(bench|upload\b)/.test(l));
}

/**
 * Realistic device records, from a run of the bench on Espruino built for Linux (2v29), with the
 * board id set to esp32 (the fake console stands for an ESP32 in these tests).
 */
export const RECORDS = {
  hello: { t: "hello", r: "f1", board: "esp32", engine: "espruino", version: "2v29", blocksize: 27, free: 7143, total: 8192, mode: "ram", quick: false, styles: 14, runs: 1, sizes: [32, 257] },
  results: [
    { t: "result", r: "f1", id: "baseline.inline", run: 0, n: 257, forOfUs: 4.04, indexUs: 26.45, growUs: 10.39, hoistedUs: null, buildUs: 39.07, varsPerObject: 5.02, fixedVars: 1, objectsFit: 1420, sum: 3058.5 },
    { t: "result", r: "f1", id: "floor.local-call", run: 0, n: 257, forOfUs: 8.28, indexUs: 18.21, growUs: 12.1, hoistedUs: 8.3, buildUs: 25.33, varsPerObject: 5.02, fixedVars: 1, objectsFit: 1420, sum: 3058.5 },
    { t: "result", r: "f1", id: "js.class", run: 0, n: 257, forOfUs: 6.08, indexUs: 13.45, growUs: 9.8, hoistedUs: 7.1, buildUs: 43.81, varsPerObject: 6.02, fixedVars: 1, objectsFit: 1186, sum: 3058.5 },
  ],
} as const;
