import { resolveBoard } from "../boards/profile.ts";
import { versionWarning } from "../boards/version.ts";
import { buildBundle, coreBytes, firmwareEntries } from "../bundle/build.ts";
import { RunAbortedError, startCollecting, uploadWhileCollecting } from "../bench/collect.ts";
import { benchProgram, benchRunSettings } from "../bench/program.ts";
import { RECORD_TEXT_LIMIT, STYLE_IDS, type BenchSummary, type DeviceRecord } from "../bench/schema.ts";
import { summarize, type HostRecord, type ResultsLine } from "../bench/summary.ts";
import { describePort, withBoardConsole } from "../console/connect.ts";
import { benchPort } from "../emu/default-port.ts";
import { createProgress } from "../terminal/progress.ts";
import { uploadProgram } from "../console/upload.ts";
import { UserError } from "../errors.ts";
import { checkOutputPath, openResultsWriter } from "../report/results-file.ts";
import { renderTable } from "../report/table.ts";
import { BUILTIN_WORKLOAD } from "../workload/builtin.ts";
import { writeWorkloadEntry } from "../workload/entry.ts";
import { generateStyles, showStyle } from "../workload/generate.ts";
import { loadWorkload } from "../workload/load.ts";
import { dirname, join } from "node:path";

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
  /** Fewer timing rounds, one run. @default false */
  quick?: boolean;
  /** Fresh repetitions of the whole measurement. @default 3, or 1 with quick */
  runs?: number;
  /** Objects per container; @default chosen from free memory (at most 257, not a power of two) */
  n?: number;
  /** Style ids to run. @default all */
  styles?: string[];
  /** A workload file (docs/workloads.md): measure its types rather than the built-in rects and triangles. @default the built-in workload */
  workload?: string;
  /** Print this style's generated code for the workload and run nothing. @default run the bench */
  show?: string;
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
export async function runBench(options: BenchOptions): Promise<BenchSummary | undefined> {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const workload = options.workload || options.show ? await loadWorkload(options.workload ?? BUILTIN_WORKLOAD) : undefined;
  if (options.show) {
    stdout.write(await showStyle(workload!, options.show));
    return undefined;
  }
  // Without a board: the emulator when installed, else QuickJS with a hint (scripts/emu/default-port.ts).
  options = { ...options, port: benchPort(options.port, options.board, (line) => stderr.write(`${line}\n`)) };
  const board = resolveBoard(options.board, options.port);
  const envTimeout = Number(process.env.THINCALL_REPLY_TIMEOUT_MS) || undefined;
  const replyTimeoutMs = options.replyTimeoutMs ?? envTimeout ?? 10000;
  const mode = options.to ?? board.flash.default;
  if (mode === "flash" && !board.flash.storage) throw new UserError(`${board.id} has no Storage; use --to ram`);
  // Settings first: an unknown style id fails before any work.
  const run = benchRunSettings(board, { mode, quick: options.quick, runs: options.runs, n: options.n ?? workload?.n, styles: options.styles });
  const file = options.out ?? `results/${board.id}-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`;
  // A path that cannot be written fails now, not after a build and an upload.
  checkOutputPath(file);
  // A workload's styles are generated code: checked for Espruino by the build, not type-checked.
  const generated = workload && writeWorkloadEntry(workload);
  const missing = generated ? (options.styles ?? []).filter((id) => !generated.styles.some((g) => g.id === id)) : [];
  if (missing.length) {
    const why = generateStyles(workload!).skipped.find((x) => x.id === missing[0]);
    throw new UserError(`${missing[0]} does not apply to ${options.workload}${why ? `: ${why.reason}` : ""}; styles: ${generated!.styles.map((g) => g.id).join(", ")}`);
  }
  const entry = generated ? generated.entry : firmwareEntries().find((f) => /\/bench\.ts$/.test(f))!;
  const bundle = generated ? await buildBundle(entry, board, join(dirname(entry), "dist"), { typeCheck: false }) : await buildBundle(entry, board);
  const core = await coreBytes(board);
  const writer = openResultsWriter(file);
  const lines: ResultsLine[] = [];
  const keep = (line: ResultsLine) => {
    lines.push(line);
    writer.write(line);
  };
  /** Marks the file as a run cut short, once (Ctrl-C also ends the collector). */
  const markIncomplete = (reason: string) => {
    if (!lines.some((l) => l.t === "incomplete")) keep({ t: "incomplete", reason: reason.slice(0, RECORD_TEXT_LIMIT) });
  };
  /** The device's lines kept so far (not the host's own, nor the incomplete mark). */
  const kept = () => `${lines.filter((l) => l.t !== "host" && l.t !== "incomplete").length} line(s) kept in ${file}`;

  const { runs, r: runId } = run;
  const styleCount = options.styles?.length || (generated ? generated.styles.length : STYLE_IDS.length);
  const progress = createProgress("bench", runs * styleCount, stderr);
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
        command:
          `thincall bench --board ${board.id} --port ${describePort(spec)} --to ${mode}` +
          (options.quick ? " --quick" : "") + (options.runs ? ` --runs ${runs}` : "") + (options.n ? ` --n ${options.n}` : "") +
          (options.styles?.length ? ` --styles ${options.styles.join(",")}` : "") +
          (options.workload ? ` --workload ${options.workload}` : ""),
        runId,
      };
      keep(host);
      let done = 0;
      const collector = startCollecting(session, {
        runId,
        helloTimeoutMs: options.helloTimeoutMs,
        idleTimeoutMs: options.idleTimeoutMs,
        onRecord: (r: DeviceRecord) => {
          keep(r);
          const old = r.t === "hello" ? versionWarning(board, r.version) : undefined;
          if (old) stderr.write(`${old}\n`);
          const pass = (i: number) => (runs > 1 ? `run ${i + 1}/${runs} ` : "");
          if (r.t === "progress") progress.update(done, `running ${pass(r.run)}${r.id}`);
          if (r.t === "result") {
            done++;
            progress.update(done, r.error ? `failed ${pass(r.run)}${r.id}: ${r.error}` : `done ${pass(r.run)}${r.id}`);
          }
        },
      });
      const upload = createProgress(`upload ${bundle.bytes} B`, 100, stderr, { percent: true });
      await uploadWhileCollecting(
        collector,
        uploadProgram(session, benchProgram(bundle.code, run), {
          board,
          mode,
          timeoutMs: replyTimeoutMs,
          onProgress: (sent, total) => upload.update(Math.round((sent / total) * 100)),
        }),
      );
      upload.done();
      try {
        await collector.finished();
      } catch (e) {
        progress.done();
        if (e instanceof RunAbortedError) {
          markIncomplete(e.message);
          throw new UserError(`${e.message}; ${kept()}`);
        }
        throw e;
      }
      progress.done();
      if (collector.foreign > 0) stderr.write(`ignored ${collector.foreign} line(s) of another run still talking on the board\n`);
      if (collector.rejected.length > 0) {
        stderr.write(`rejected ${collector.rejected.length} out-of-range figure(s): ${[...new Set(collector.rejected)].join(", ")}\n`);
      }
    },
    () => {
      // Ctrl-C on the host: the file says the run is cut short, so no report takes it as whole.
      markIncomplete("interrupted on the host");
      return `interrupted; ${kept()}`;
    },
  );
  const summary = summarize(lines);
  if (options.json) {
    stdout.write(JSON.stringify(summary, null, 2) + "\n");
  } else {
    stdout.write(renderTable([summary]) + "\n");
    stderr.write(`results: ${file}\n`);
  }
  if (summary.problems.length > 0) {
    throw new UserError(`the figures are not trustworthy: ${summary.problems.join("; ")}; ${kept()}`);
  }
  return summary;
}
