import { resolveBoard } from "../boards/profile.ts";
import { versionWarning } from "../boards/version.ts";
import { buildBundle, coreBytes, firmwareEntries } from "../build/build.ts";
import { RunAbortedError, startCollecting } from "../bench/collect.ts";
import { STYLE_IDS, type BenchSummary, type DeviceRecord } from "../bench/schema.ts";
import { summarize, type HostRecord, type ResultsLine } from "../bench/summary.ts";
import { describePort, withBoardConsole } from "../console/connect.ts";
import { benchPort } from "../emu/default-port.ts";
import { createProgress } from "../console/progress.ts";
import { uploadProgram } from "../console/upload.ts";
import { UserError } from "../errors.ts";
import { openResultsWriter } from "../report/results-file.ts";
import { renderTable } from "../report/table.ts";

/** Options of `thincall bench`. */
export interface BenchOptions {
  /** Board profile id; @default "virtual" on the virtual port, required otherwise */
  board?: string;
  /** Port: serial path, tcp://host[:port] or virtual; @default $ESPRUINO_PORT, else virtual */
  port?: string;
  /** Where the program runs from; @default "ram" */
  to?: "ram" | "flash";
  /** JSONL results file; @default results/<board>-<timestamp>.jsonl */
  out?: string;
  /** Print only the summary JSON on stdout. @default false */
  json?: boolean;
  /** Fewer repetitions. @default false */
  quick?: boolean;
  /** Deadline for each round trip during upload, ms. @default $THINCALL_REPLY_TIMEOUT_MS, else 10000 */
  replyTimeoutMs?: number;
  /** Deadline for the first record, ms. @default 30000 */
  helloTimeoutMs?: number;
  /** Deadline between records, ms. @default 120000 */
  idleTimeoutMs?: number;
  stdout?: NodeJS.WritableStream;
  stderr?: NodeJS.WriteStream;
}

/** Builds the bench for the board, runs it on the port, writes every line as it arrives. */
export async function runBench(options: BenchOptions): Promise<BenchSummary> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  // Without a board: the emulator when installed, else QuickJS with a hint (scripts/emu/default-port.ts).
  options = { ...options, port: benchPort(options.port, options.board, (line) => stderr.write(`${line}\n`)) };
  const board = resolveBoard(options.board, options.port);
  const envTimeout = Number(process.env.THINCALL_REPLY_TIMEOUT_MS) || undefined;
  const replyTimeoutMs = options.replyTimeoutMs ?? envTimeout ?? 10000;
  const mode = options.to ?? board.flash.default;
  if (mode === "flash" && !board.flash.storage) throw new UserError(`${board.id} has no Storage; use --to ram`);
  const entry = firmwareEntries().find((f) => /\/bench\.ts$/.test(f))!;
  const bundle = await buildBundle(entry, board);
  const core = await coreBytes(board);
  const file = options.out ?? `results/${board.id}-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`;
  const writer = openResultsWriter(file);
  const lines: ResultsLine[] = [];
  const keep = (line: ResultsLine) => {
    lines.push(line);
    writer.write(line);
  };
  const kept = () => `${lines.length - 1} line(s) kept in ${file}`;

  const header = `var THINCALL_RUN={mode:${JSON.stringify(mode)},quick:${options.quick ? 1 : 0}};\n`;
  const progress = createProgress("bench", STYLE_IDS.length, stderr);
  await withBoardConsole(
    board,
    options.port,
    async (session, spec) => {
      const host: HostRecord = {
        t: "host",
        board: board.id,
        port: describePort(spec),
        coreBytes: core,
        mode,
        startedAt: new Date().toISOString(),
        command: `thincall bench --board ${board.id} --port ${describePort(spec)} --to ${mode}${options.quick ? " --quick" : ""}`,
      };
      keep(host);
      const done = new Set<string>();
      const collector = startCollecting(session, {
        helloTimeoutMs: options.helloTimeoutMs,
        idleTimeoutMs: options.idleTimeoutMs,
        onRecord: (r: DeviceRecord) => {
          keep(r);
          const old = r.t === "hello" ? versionWarning(board, r.version) : undefined;
          if (old) stderr.write(`${old}\n`);
          if (r.t === "progress") progress.update(done.size, r.id);
          if (r.t === "result") {
            done.add(r.id);
            progress.update(done.size, r.error ? `${r.id}: ${r.error}` : r.id);
          }
        },
      });
      const upload = createProgress(`upload ${bundle.bytes} B`, 100, stderr);
      await uploadProgram(session, header + bundle.code, {
        board,
        mode,
        timeoutMs: replyTimeoutMs,
        onProgress: (sent, total) => upload.update(Math.round((sent / total) * 100), "%"),
      });
      upload.done();
      try {
        await collector.finished();
      } catch (e) {
        progress.done();
        if (e instanceof RunAbortedError) throw new UserError(`${e.message}; ${kept()}`);
        throw e;
      }
      progress.done();
    },
    () => `interrupted; ${kept()}`,
  );
  const summary = summarize(lines);
  if (options.json) {
    stdout.write(JSON.stringify(summary, null, 2) + "\n");
  } else {
    stdout.write(renderTable([summary]) + "\n");
    stderr.write(`results: ${file}\n`);
  }
  return summary;
}
