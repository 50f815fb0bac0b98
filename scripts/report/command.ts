/**
 * `thincall report`: results files in, terminal table (and optionally an HTML page) out.
 */
import { mkdir, open } from "node:fs/promises";
import { fileError } from "./file-errors.ts";
import { dirname } from "node:path";
import type { BenchSummary } from "../bench/schema.ts";
import { UserError } from "../errors.ts";
import { renderHtmlParts } from "./html.ts";
import { checkNotAnInput } from "./file-identity.ts";
import { checkOutputPath, lockOutput, summarizeResultsFile } from "./results-file.ts";
import { renderTableParts } from "./table.ts";
import { streamWrite, writeParts } from "./write-parts.ts";
import { TABLE_STYLE_LIMIT } from "./table-limit.ts";

/** Options of {@link runReport}. */
export interface ReportOptions {
  /** Where to write the HTML report; none when absent. */
  html?: string;
  /** List every style in the tables, not the first {@link TABLE_STYLE_LIMIT}. @default false */
  all?: boolean;
  /** Your program's JsVars (`thincall mem`'s "your program"), deducted in the capacity projection. @default nothing deducted */
  programJsVars?: number;
  /** Table and `wrote` lines. @default process.stdout */
  out?: NodeJS.WritableStream;
  /** Warnings about skipped lines. @default process.stderr */
  err?: NodeJS.WritableStream;
}

/** One-line usage, shown when no file is given. */
export const REPORT_USAGE = "usage: thincall report <results.jsonl>... [--html <report.html>] [--all] [--program <JsVars>]";

/**
 * Reads each results file (several runs in one file are split at their host/hello records),
 * prints the table of all runs side by side and, with `html`, writes the HTML report. Tables
 * list the first {@link TABLE_STYLE_LIMIT} styles unless `all`; charts draw the best and worst.
 *
 * @throws UserError with usage when no file is given, or from {@link summarizeResultsFile}; and,
 * once everything is written, when a run is incomplete or has problems: its figures are shown
 * (marked), but the exit code must not say they can be trusted.
 */
export async function runReport(files: string[], options: ReportOptions = {}): Promise<void> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  if (files.length === 0) throw new UserError(`no results file given; ${REPORT_USAGE}`);
  // A bad --html path fails before any file is read; one that is an input fails before anything is written.
  if (options.html) {
    checkOutputPath(options.html);
    checkNotAnInput(options.html, files);
  }
  // A results file a bench is writing is no page to write over: its lock says so, before any work.
  const lock = options.html ? lockOutput(options.html) : undefined;
  try {
    await reportTo(files, options, out, err);
  } finally {
    lock?.release();
  }
}

async function reportTo(files: string[], options: ReportOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<void> {
  const summaries: BenchSummary[] = [];
  for (const file of files) {
    // Run by run: a file of thousands of runs is never in memory whole.
    const read = summarizeResultsFile(file);
    if (read.skipped > 0) err.write(`skipped ${read.skipped} bad line(s) in ${file}\n`);
    for (const summary of read.summaries) summaries.push(summary);
  }
  const program = options.programJsVars !== undefined ? { jsvars: options.programJsVars, whose: "your program's" } : undefined;
  await writeParts(renderTableParts(summaries, options.all, program), streamWrite(out));
  if (options.html) {
    try {
      await mkdir(dirname(options.html), { recursive: true });
      const file = await open(options.html, "w");
      try {
        await writeParts(renderHtmlParts(summaries, options.all, program), (text) => file.write(text));
      } finally {
        await file.close();
      }
    } catch (e) {
      throw fileError(e, "write", options.html);
    }
    out.write(`wrote ${options.html}\n`);
  }
  const untrusted = summaries.filter((s) => !s.complete || s.problems.length > 0).length;
  if (untrusted > 0) {
    throw new UserError(`${untrusted} of ${summaries.length} run(s) are incomplete or have problems (marked above): their figures are not to be trusted`);
  }
}
