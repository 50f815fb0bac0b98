/**
 * `thincall results` (`npm run results`): regenerates every published figure from fresh runs: the
 * bench on Espruino built for Linux (`$ESPRUINO_BIN`, started here) and on the emulator
 * (`$ESPRUINO_EMU` or `thincall emu install`), then the files in docs/results/ and the README's
 * figures block (scripts/report/published.ts). Nothing is written until both runs have succeeded.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { Writable } from "node:stream";
import type { BenchSummary } from "../bench/schema.ts";
import { summarizeRuns } from "../bench/summary.ts";
import { requireEmulator } from "../emu/locate.ts";
import { UserError } from "../errors.ts";
import { fileError } from "../report/file-errors.ts";
import { readResultsFile, splitRuns } from "../report/results-file.ts";
import { renderHtml } from "../report/html.ts";
import { emuPage, readmeBlock, withReadmeBlock, type PublishedRun } from "../report/published.ts";
import { runBench } from "./bench.ts";
import { withLinuxInterpreter } from "./linux-interpreter.ts";

/** Options of {@link runResults}. */
export interface ResultsOptions {
  /** Fewer timing rounds and one run per size: to try the command, not to publish. @default false */
  quick?: boolean;
  /** Where the results files go. @default "docs/results" */
  dir?: string;
  /** The README whose figures block is rewritten. @default "README.md" */
  readme?: string;
  /** The sizes per engine: the first is the headline, the others show how the figures move with N. @default PUBLISHED_N */
  n?: { linux: number[]; emu: number[] };
  /** Rewrite the pages from the published results files, without a run (after a change of the report). @default false */
  fromFiles?: boolean;
  /** Progress lines. @default process.stderr */
  stderr?: NodeJS.WriteStream;
}

/**
 * The published sizes: 257 objects (the headline), and 100 and 1000 to show the trend. The
 * emulator's 12000 JsVars hold 1000 objects of the hungriest styles in no style (20 JsVars each):
 * there, a style ran out of memory in a way the run could not recover from, so it stops at 257.
 */
export const PUBLISHED_N = { linux: [257, 100, 1000], emu: [257, 100] };

/** "2v29" of "2v29.74": file names keep the release, not the build. */
const release = (version: string) => /^\d+v\d+/.exec(version)?.[0] ?? version.replace(/[^\w.-]/g, "_");

const discard = () => new Writable({ write: (_c, _e, done) => done() });

/** One engine's run: its summary, its results file's text, its wall time (null when read back). */
interface Run {
  summary: BenchSummary;
  text: string;
  seconds: number | null;
}

/** One bench run into a scratch file. */
async function benchInto(file: string, args: { board?: string; port: string }, options: ResultsOptions, ns: number[]): Promise<Run> {
  // One size is a plain run, as a reader would make it.
  const n = ns.length === 1 ? ns[0] : ns;
  const started = Date.now();
  const summary = await runBench({ ...args, quick: options.quick, n, out: file, json: true, stdout: discard(), stderr: options.stderr });
  if (!summary) throw new UserError(`the bench on ${args.port} gave no summary`);
  return { summary, text: readFileSync(file, "utf8"), seconds: (Date.now() - started) / 1000 };
}

/** A published results file read back, to rewrite the pages from it without a run. */
function readBack(dir: string, board: string): Run {
  const file = readdirSync(dir).find((f) => f.startsWith(`${board}-`) && f.endsWith(".bench2.jsonl"));
  if (!file) throw new UserError(`no ${board}-*.bench2.jsonl in ${dir} to read back`);
  const { lines } = readResultsFile(join(dir, file));
  const [summary] = summarizeRuns(splitRuns(lines));
  return { summary, text: readFileSync(join(dir, file), "utf8"), seconds: null };
}

/** The command that made a run, from its host line: what a reader types to make it again. */
function commandOf(text: string, jsonl: string): string {
  const host = JSON.parse(text.slice(0, text.indexOf("\n"))) as { command?: string };
  return `npx ${host.command ?? "thincall bench"} --out ${jsonl}`;
}

/**
 * Runs both benches (or, with `fromFiles`, reads the published results back), then writes
 * docs/results/ and the README's block. Returns the files written.
 */
export async function runResults(options: ResultsOptions = {}): Promise<string[]> {
  const dir = options.dir ?? "docs/results";
  const readme = options.readme ?? "README.md";
  const ns = options.n ?? PUBLISHED_N;
  const stderr = options.stderr ?? process.stderr;
  // A README missing, or without its markers, fails now, not after minutes of runs.
  const readText = (file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch (e) {
      throw fileError(e, "read", file);
    }
  };
  withReadmeBlock(readText(readme), "");
  let linux: Run;
  let emu: Run;
  if (options.fromFiles) {
    linux = readBack(dir, "linux");
    emu = readBack(dir, "emu");
  } else {
    requireEmulator();
    // Scratch files first: a run that fails leaves the published ones as they were.
    const scratch = mkdtempSync(join(tmpdir(), "thincall-results-"));
    try {
      linux = await withLinuxInterpreter(process.env.ESPRUINO_BIN, (port) => benchInto(join(scratch, "linux.jsonl"), { board: "linux", port }, options, ns.linux));
      stderr.write(`linux: ${linux.summary.styles.length} styles in ${Math.round(linux.seconds!)} s\n`);
      emu = await benchInto(join(scratch, "emu.jsonl"), { port: "emu" }, options, ns.emu);
      stderr.write(`emu: ${emu.summary.styles.length} styles in ${Math.round(emu.seconds!)} s\n`);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  const published = (run: Run): PublishedRun => {
    const base = join(dir, `${run.summary.board}-${release(run.summary.version)}.bench2`);
    const jsonl = relative(".", `${base}.jsonl`);
    return { summary: run.summary, jsonl, html: relative(".", `${base}.html`), command: commandOf(run.text, jsonl) };
  };
  const l = published(linux);
  const e = published(emu);
  const written: string[] = [];
  const write = (file: string, text: string) => {
    writeFileSync(file, text);
    written.push(file);
  };
  for (const [run, pub] of [[linux, l], [emu, e]] as const) {
    if (!options.fromFiles) write(pub.jsonl, run.text);
    write(pub.html, renderHtml([pub.summary]));
  }
  write(e.jsonl.replace(/\.jsonl$/, ".md"), emuPage(e, l, emu.seconds));
  write(readme, withReadmeBlock(readText(readme), readmeBlock(l, e)));
  return written;
}
