/**
 * `thincall report`: results files in, terminal table (and optionally an HTML page) out.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { BenchSummary } from "../bench/schema.ts";
import { summarize } from "../bench/summary.ts";
import { UserError } from "../errors.ts";
import { renderHtml } from "./html.ts";
import { readResultsFile, splitRuns } from "./results-file.ts";
import { renderTable } from "./table.ts";
import { capacityText } from "./capacity-section.ts";

/** Options of {@link runReport}. */
export interface ReportOptions {
  /** Where to write the HTML report; none when absent. */
  html?: string;
  /** Table and `wrote` lines. @default process.stdout */
  out?: NodeJS.WritableStream;
  /** Warnings about skipped lines. @default process.stderr */
  err?: NodeJS.WritableStream;
}

/** One-line usage, shown when no file is given. */
export const REPORT_USAGE = "usage: thincall report <results.jsonl>... [--html <report.html>]";

/**
 * Reads each results file (several runs in one file are split at their host/hello records),
 * prints the table of all runs side by side and, with `html`, writes the HTML report.
 *
 * @throws UserError with usage when no file is given, or from {@link readResultsFile}.
 */
export async function runReport(files: string[], options: ReportOptions = {}): Promise<void> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  if (files.length === 0) throw new UserError(`no results file given; ${REPORT_USAGE}`);
  const summaries: BenchSummary[] = [];
  for (const file of files) {
    const { lines, skipped } = readResultsFile(file);
    if (skipped > 0) err.write(`skipped ${skipped} bad line(s) in ${file}\n`);
    summaries.push(...splitRuns(lines).map(summarize));
  }
  out.write(renderTable(summaries) + capacityText(summaries));
  if (options.html) {
    await mkdir(dirname(options.html), { recursive: true });
    await writeFile(options.html, renderHtml(summaries));
    out.write(`wrote ${options.html}\n`);
  }
}
