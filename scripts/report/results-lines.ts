/**
 * Results (JSONL) text to records and runs, with no file system: shared by `report` (through
 * results-file.ts) and the web page, which opens files the browser hands it.
 */
import { parseResultsLine } from "../bench/records.ts";
import type { ResultsLine } from "../bench/summary.ts";

/** What {@link parseResultsText} found. */
export interface ResultsFile {
  /** Usable records, in file order. */
  lines: ResultsLine[];
  /** Non-empty lines that were not JSON or not a known record. */
  skipped: number;
}

function parseLine(text: string): ResultsLine | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return parseResultsLine(value) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Parses JSONL text, skipping and counting lines that are not usable records. */
export function parseResultsText(text: string): ResultsFile {
  const lines: ResultsLine[] = [];
  let skipped = 0;
  // Editors on Windows save UTF-8 with a byte order mark; it is not part of the first line.
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const row of content.split(/\r?\n/)) {
    if (row.trim() === "") continue;
    const line = parseLine(row);
    if (line) lines.push(line);
    else skipped++;
  }
  return { lines, skipped };
}

/** Records as JSONL text, one per line, as the CLI's results writer writes them. */
export function toResultsText(lines: readonly ResultsLine[]): string {
  return lines.map((l) => JSON.stringify(l) + "\n").join("");
}

/**
 * Splits one file's lines into runs. A run starts at a `host` record, or at a `hello`
 * record when the current run already has one (runs written without host lines).
 */
export function splitRuns(lines: ResultsLine[]): ResultsLine[][] {
  const runs: ResultsLine[][] = [];
  let current: ResultsLine[] = [];
  for (const line of lines) {
    const starts = line.t === "host" || (line.t === "hello" && current.some((l) => l.t === "hello"));
    if (starts && current.length > 0) {
      runs.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) runs.push(current);
  // A lone host line (device never answered) is not a run worth a table column.
  return runs.filter((run) => run.some((l) => l.t === "hello" || l.t === "result"));
}
