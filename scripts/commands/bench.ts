import { budgetNote, resolveRunTarget } from "../boards/budget.ts";
import type { BoardProfile } from "../boards/profile.ts";
import { versionWarning } from "../boards/version.ts";
import { buildBundle, coreBytes, firmwareEntries } from "../bundle/build.ts";
import { RunAbortedError, startCollecting, uploadWhileCollecting } from "../bench/collect.ts";
import { hostRecord } from "../bench/host-record.ts";
import { fitsInRam, storageNote } from "../bench/fit.ts";
import { benchProgram, benchRunSettings, newRunId } from "../bench/program.ts";
import { RECORD_TEXT_LIMIT, STYLE_IDS, type BenchSummary, type DeviceRecord } from "../bench/schema.ts";
import { summarize, summarizeRuns, type ResultsLine } from "../bench/summary.ts";
import { checkedSummary } from "../bench/summary-schema.ts";
import { describePort, withBoardConsole } from "../console/connect.ts";
import { defaultPort } from "../emu/default-port.ts";
import { createProgress } from "../terminal/progress.ts";
import { reserveFreeJsVars } from "../console/reserve.ts";
import { uploadProgram } from "../console/upload.ts";
import { parsePort } from "../transport/open-port.ts";
import { UserError } from "../errors.ts";
import { checkNotAnInput } from "../report/file-identity.ts";
import { checkOutputPath, openResultsWriter, splitRuns } from "../report/results-file.ts";
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
  /** Port: serial path, tcp://host[:port], emu or virtual; @default the rule of scripts/emu/default-port.ts */
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
  /**
   * Objects per container; several sizes run one after another (one upload each, the board reset
   * between them), and the summary shows how each figure moves with N.
   * @default chosen from free memory (at most 257, not a power of two)
   */
  n?: number | number[];
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
  // Results appended to the workload's own file would ruin it: refused before it is even read.
  if (options.workload && options.out !== undefined) checkNotAnInput(options.out, [options.workload], "workload");
  const workload = options.workload || options.show ? await loadWorkload(options.workload ?? BUILTIN_WORKLOAD) : undefined;
  if (options.show) {
    stdout.write(await showStyle(workload!, options.show));
    return undefined;
  }
  // Without a port: the one default-port rule (scripts/emu/default-port.ts), which says where it runs.
  const named = options.port;
  options = { ...options, port: defaultPort(options.port, options.board, (line) => stderr.write(`${line}\n`)) };
  const { board, budget } = resolveRunTarget(options.board, options.port);
  if (budget) stderr.write(`${budgetNote(board, budget)}; the bench sizes its containers from that free memory\n`);
  const engineNote = named === undefined && options.port === "virtual" ? engineSizing(board) : undefined;
  if (engineNote) stderr.write(`${engineNote}\n`);
  const envTimeout = Number(process.env.THINCALL_REPLY_TIMEOUT_MS) || undefined;
  const replyTimeoutMs = options.replyTimeoutMs ?? envTimeout ?? 10000;
  let mode = options.to ?? board.flash.default;
  if (mode === "flash" && !board.flash.storage) throw new UserError(`${board.id} has no Storage; use --to ram`);
  const ns = options.n === undefined ? [undefined] : typeof options.n === "number" ? [options.n] : options.n;
  // Settings first: an unknown style id fails before any work. A fresh run id per N.
  // Smallest first: after running out of memory, a board (the emulator, measured) may not even load
  // the program again, so the size most likely to fail goes last. The first size listed is the headline.
  const order = [...ns].sort((a, b) => (a ?? 0) - (b ?? 0));
  const settings = order.map((n) => benchRunSettings(board, { mode, quick: options.quick, runs: options.runs, n: n ?? workload?.n, styles: options.styles }));
  const sweep = ns.length > 1 ? newRunId() : undefined;
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
  // A bench that would not load in the board's free RAM runs from Storage, and says so (real Espruino only).
  const sized = budget ?? board;
  if (options.to === undefined && mode === "ram" && board.flash.storage && parsePort(options.port, board).kind !== "virtual" &&
    !fitsInRam(bundle.bytes, sized.freeAtBoot.jsvars, sized.bytesPerVar)) {
    stderr.write(`${storageNote(sized.id, bundle.bytes, sized.freeAtBoot.jsvars, sized.bytesPerVar)}\n`);
    mode = "flash";
    for (const run of settings) run.mode = mode;
  }
  const writer = openResultsWriter(file);
  const lines: ResultsLine[] = [];
  const keep = (line: ResultsLine) => {
    lines.push(line);
    writer.write(line);
  };
  /** The run being collected (one per N): an incomplete mark names it. */
  let current = settings[0];
  /** Marks the file as a run cut short, once (Ctrl-C also ends the collector). */
  const markIncomplete = (reason: string) => {
    if (!lines.some((l) => l.t === "incomplete")) keep({ t: "incomplete", r: current.r, reason: reason.slice(0, RECORD_TEXT_LIMIT) });
  };
  /** The device's lines kept so far (not the host's own, nor the incomplete mark). */
  const kept = () => `${lines.filter((l) => l.t !== "host" && l.t !== "incomplete").length} line(s) kept in ${file}`;

  const runs = settings[0].runs;
  const styleCount = options.styles?.length || (generated ? generated.styles.length : STYLE_IDS.length);
  const progress = createProgress("bench", ns.length * runs * styleCount, stderr);
  const command =
    `thincall bench --board ${budget?.id ?? board.id} --port PORT --to ${mode}` +
    (options.quick ? " --quick" : "") + (options.runs ? ` --runs ${runs}` : "") + (options.n !== undefined ? ` --n ${ns.join(",")}` : "") +
    (options.styles?.length ? ` --styles ${options.styles.join(",")}` : "") +
    (options.workload ? ` --workload ${options.workload}` : "");
  try {
    await withBoardConsole(
      board,
      options.port,
      async (session, spec) => {
        let done = 0;
        for (const run of settings) {
          current = run;
          keep(hostRecord({ board: board.id, port: describePort(spec), coreBytes: core, mode, command: command.replace("PORT", describePort(spec)), runId: run.r, sweep, headline: ns[0] }));
          const collector = startCollecting(session, {
            runId: run.r,
            helloTimeoutMs: options.helloTimeoutMs,
            idleTimeoutMs: options.idleTimeoutMs,
            onRecord: (r: DeviceRecord) => {
              keep(r);
              const old = r.t === "hello" ? versionWarning(board, r.version) : undefined;
              if (old) stderr.write(`${old}\n`);
              const at = sweep && r.t !== "end" && r.t !== "hello" && r.t !== "size" && "run" in r ? `N=${run.n} ` : "";
              const pass = (i: number) => at + (runs > 1 ? `run ${i + 1}/${runs} ` : "");
              if (r.t === "progress") progress.update(done, `running ${pass(r.run)}${r.id}`);
              if (r.t === "result") {
                done++;
                progress.update(done, r.error ? `failed ${pass(r.run)}${r.id}: ${r.error}` : `done ${pass(r.run)}${r.id}`);
              }
            },
            // Nothing received is lost: a refused line is filed too, and the summary names it as a problem.
            onRefused: (refused) => keep({ t: "invalid", r: run.r, ...refused }),
          });
          const upload = createProgress(`upload ${bundle.bytes} B`, 100, stderr, { percent: true });
          try {
            await uploadWhileCollecting(
              collector,
              uploadProgram(session, benchProgram(bundle.code, run), {
                board,
                mode,
                ...(budget ? { prelude: reserveFreeJsVars(budget.freeAtBoot.jsvars) } : {}),
                timeoutMs: replyTimeoutMs,
                onProgress: (sent, total) => upload.update(Math.round((sent / total) * 100)),
              }),
            );
          } catch (e) {
            // A program that failed on its way (out of memory while it loaded) leaves a run cut
            // short: the file says so, and the error says what was kept.
            if (!(e instanceof UserError)) throw e;
            markIncomplete(e.message);
            throw new UserError(`${e.message}; ${kept()}`, e.exitCode);
          } finally {
            // A failed upload's error starts on a line of its own, not after the bar.
            upload.done();
          }
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
          if (collector.foreign > 0) stderr.write(`ignored ${collector.foreign} line(s) of another run still talking on the board\n`);
          if (collector.rejected.length > 0) {
            stderr.write(`rejected ${collector.rejected.length} out-of-range figure(s): ${[...new Set(collector.rejected)].join(", ")}\n`);
          }
        }
        progress.done();
      },
      () => `interrupted; ${kept()}`,
      // Ctrl-C or SIGTERM on the host: the file says at once that the run is cut short, so no report
      // takes it as whole, whatever happens while the board is stopped.
      { onSignal: (signal) => markIncomplete(signal === "SIGINT" ? "interrupted on the host" : `stopped on the host (${signal})`) },
    );
  } finally {
    // Releases the file's lock too: another run may write it now.
    writer.close();
  }
  // The file's runs, the sweep's taken together; checked against the documented shape before printing.
  const summary = checkedSummary(summarizeRuns(splitRuns(lines))[0] ?? summarize(lines));
  if (options.json) {
    stdout.write(JSON.stringify(summary, null, 2) + "\n");
  } else {
    // With an emulated budget the bench program's own JsVars are not the emulator's free less its free at start: nothing is deducted.
    stdout.write(renderTable([summary], false, budget ? undefined : "bench") + "\n");
    stderr.write(`results: ${file}\n`);
  }
  if (summary.problems.length > 0) {
    throw new UserError(`the figures are not trustworthy: ${summary.problems.join("; ")}; ${kept()}`);
  }
  return summary;
}

/**
 * Which engine runs a bench on a board profile when no port was named, and how it is sized:
 * QuickJS on the virtual board, with the profile's JsVar budget; undefined when a port was named.
 */
export function engineSizing(board: BoardProfile): string | undefined {
  if (board.id === "virtual") return undefined;
  return `no --port: the bench runs on the virtual board (QuickJS, not Espruino's figures), sized to ${board.id}'s ${board.jsvars} JsVars; ` +
    `\`--port emu\` runs real Espruino with ${board.id}'s free memory (thincall emu install), --port <device> the board itself`;
}
