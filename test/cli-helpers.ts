/**
 * Helpers for the CLI tests (test/cli-*.test.ts): run `bin/thincall.js` as a child process, wait
 * for conditions with a deadline, temp files, and a fake Espruino console over TCP.
 */
import { parse } from "acorn";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { syncAnswer, syncRequestNumber } from "../scripts/console/sync-token.ts";

/** Repository root. */
export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

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
 * One build cache per test process: the first bench of a test file builds the bundle, the others
 * reuse it (see scripts/build/build-cache.ts), so no test's deadline includes a build.
 */
export const BUILD_CACHE = process.env.THINCALL_BUILD_CACHE ?? mkdtempSync(join(tmpdir(), "thincall-build-cache-"));

/** Builds the bench bundle and the core for `boardId` into {@link BUILD_CACHE}, in this process (for a `before` hook). */
export async function warmBuildCache(boardId: string): Promise<void> {
  const { loadBoard } = await import("../scripts/boards/profile.ts");
  const { buildBundle, coreBytes, firmwareEntries } = await import("../scripts/build/build.ts");
  const board = loadBoard(boardId);
  const env = { ...process.env, THINCALL_BUILD_CACHE: BUILD_CACHE };
  const { cachedBuild } = await import("../scripts/build/build-cache.ts");
  const entry = firmwareEntries().find((f) => /\/bench\.ts$/.test(f))!;
  await cachedBuild(["bundle", entry, board, undefined, {}], () => buildBundle(entry, board), env);
  await cachedBuild(["core", board], () => coreBytes(board), env);
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

/**
 * Starts `thincall <args>`; the child is killed if it outlives `timeoutMs`, which only catches a
 * hang: the deadlines a test checks are the CLI's own. @default 600000
 */
export function startCli(args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): CliChild {
  const timeoutMs = options.timeoutMs ?? 600000;
  const t0 = Date.now();
  const child = spawn(process.execPath, ["bin/thincall.js", ...args], {
    cwd: ROOT,
    env: cliEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
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
export function runCli(args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<CliResult> {
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

/** What a test script can do to the host once the (fake) bench has started. */
export interface BoardSide {
  /** Prints one protocol record (`@tc2 {...}` with the upload's run id), as timer output, split over two writes. */
  record(record: object): void;
  /** Prints raw console text (an error, a banner), as it is. */
  raw(text: string): void;
  /** Ends the connection cleanly (FIN): the board went away. */
  close(): void;
  /** Drops the connection (RST): the board reset. */
  reset(): void;
}

/**
 * A fake Espruino console on 127.0.0.1, enough to pass thincall's upload (see
 * scripts/console/upload.ts) and then play a script.
 *
 * Input is buffered until `\n`, since TCP may split or merge the host's writes anywhere. Each line
 * has its leading control bytes (DLE = echo off, the Ctrl-C the host sends first) dropped. A sync
 * line `print("TC"+"SYNC<n>")` is answered with `TCSYNC<n>` and a prompt, as Espruino would;
 * every other line is code, kept from the `reset()` line on.
 *
 * When does the bench start? On a board, the program runs statement by statement as it arrives,
 * and the bench's last top-level statement is `setTimeout(start, 0)`. The host sends code in
 * complete statements and syncs after each piece, so at each sync the code received so far parses;
 * the fake starts the script at the first sync where the last top-level statement received is a
 * call to `setTimeout` (after minification too: terser may fold it into a sequence `a(),setTimeout(…)`
 * or inline `start`, but keeps the global call). Earlier `setTimeout` calls in the bench sit inside
 * functions, so they never match. Unlike a byte count or a sync count, this does not depend on the
 * bundle's size or on how it is cut into pieces; unlike a quiet period, it needs no timer.
 * Like a real board, the bench then prints at once: if the host still synced after that statement
 * (an empty trailing piece did so at commit ca158dd), a board lost right then fails the upload.
 */
export class FakeEspruino {
  /** Number of syncs answered. */
  syncs = 0;
  /** Bytes of code received (after `reset()`). */
  codeBytes = 0;
  /** Ctrl-C bytes received (the host stops a running program with them). */
  ctrlCs = 0;
  /** Every line received, control bytes dropped, in order (code, syncs, `reset();`). */
  readonly received: string[] = [];
  /** Whether the script has started (the upload is over). */
  started = false;
  /** When the script started (Date.now()). */
  startedAt = 0;
  private code: string[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly script: (board: BoardSide) => void | Promise<void>,
  ) {}

  /** Listens on 127.0.0.1 (a free port); `script` runs once the bench has been uploaded. */
  static async start(script: (board: BoardSide) => void | Promise<void>): Promise<FakeEspruino> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const port = (server.address() as { port: number }).port;
    const fake = new FakeEspruino(server, port, script);
    server.on("connection", (socket) => fake.serve(socket));
    return fake;
  }

  /** `tcp://127.0.0.1:<port>` */
  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  /** Stops listening and drops every connection. */
  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serve(socket: Socket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("error", () => {});
    socket.setNoDelay(true);
    socket.write("\r\n>");
    let rest = "";
    socket.on("data", (chunk: Buffer) => {
      const text = rest + chunk.toString("latin1");
      this.ctrlCs += chunk.toString("latin1").split("\x03").length - 1;
      const lines = text.split("\n");
      rest = lines.pop()!;
      for (const raw of lines) this.line(socket, raw.replace(/\r$/, "").replace(/^[\x00-\x1f]+/, ""));
    });
  }

  private line(socket: Socket, line: string): void {
    this.received.push(line);
    const sync = syncRequestNumber(line);
    if (sync === null) {
      if (line === "reset();") this.code = [];
      else this.code.push(line);
      this.codeBytes += line.length + 1;
      return;
    }
    this.syncs++;
    socket.write(`${syncAnswer(sync)}\r\n>`);
    if (!this.started && this.benchStarted()) {
      this.started = true;
      this.startedAt = Date.now();
      const side: BoardSide = {
        record: (r) => {
          // Every line carries the run id the host put in the program's first line, as the bench does.
          const settings = this.code.find((l) => l.startsWith("var THINCALL_RUN="));
          const id = settings ? (JSON.parse(settings.slice("var THINCALL_RUN=".length).replace(/;$/, "")) as { r: string }).r : "";
          const text = `\r\x1b[J@tc2 ${JSON.stringify({ ...r, r: id })}\r\n>`;
          const cut = text.length >> 1;
          socket.write(text.slice(0, cut));
          socket.write(text.slice(cut));
        },
        raw: (text) => socket.write(Buffer.from(text, "latin1")),
        close: () => socket.end(),
        reset: () => socket.resetAndDestroy(),
      };
      void Promise.resolve(this.script(side)).catch(() => socket.destroy());
    }
  }

  /** Whether the last top-level statement received so far calls `setTimeout` (see the class doc). */
  private benchStarted(): boolean {
    let program;
    try {
      program = parse(this.code.join("\n"), { ecmaVersion: "latest" });
    } catch {
      return false;
    }
    const last = program.body.at(-1);
    if (!last || last.type !== "ExpressionStatement") return false;
    let expr = last.expression;
    if (expr.type === "SequenceExpression") expr = expr.expressions.at(-1)!;
    return expr.type === "CallExpression" && expr.callee.type === "Identifier" && expr.callee.name === "setTimeout";
  }
}
