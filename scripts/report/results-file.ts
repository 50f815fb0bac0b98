/**
 * Results files: one JSON record per line (JSONL), as the host wrote them during a run.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { isResultsLine, parseResultsLine } from "../bench/records.ts";
import { dirname } from "node:path";
import type { ResultsLine } from "../bench/summary.ts";
import { UserError } from "../errors.ts";

/** What {@link readResultsFile} found. */
export interface ResultsFile {
  /** Usable records, in file order. */
  lines: ResultsLine[];
  /** Non-empty lines that were not JSON or not a known record. */
  skipped: number;
}

/** Appends records to a results file. */
export interface ResultsWriter {
  readonly path: string;
  /** Appends one record as one line, synchronously. */
  write(record: ResultsLine): void;
}

export { isResultsLine };

function parseLine(text: string): ResultsLine | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return parseResultsLine(value) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a JSONL results file, skipping and counting lines that are not usable records
 * (a run cut short by a crash or a reset leaves half-written or foreign lines behind).
 *
 * @throws UserError when the file does not exist or holds no usable line.
 */
export function readResultsFile(path: string): ResultsFile {
  if (!existsSync(path)) throw new UserError(`results file not found: ${path}`);
  const lines: ResultsLine[] = [];
  let skipped = 0;
  for (const text of readFileSync(path, "utf8").split(/\r?\n/)) {
    if (text.trim() === "") continue;
    const line = parseLine(text);
    if (line) lines.push(line);
    else skipped++;
  }
  if (lines.length === 0) {
    throw new UserError(`no usable lines in results file ${path} (skipped ${skipped} bad line(s))`);
  }
  return { lines, skipped };
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

/**
 * Opens a results file for appending, creating its folder. Each record is written with a
 * synchronous append, so every line is on disk as soon as it arrives and a crash loses nothing.
 */
export function openResultsWriter(path: string): ResultsWriter {
  mkdirSync(dirname(path), { recursive: true });
  return {
    path,
    write(record) {
      appendFileSync(path, JSON.stringify(record) + "\n");
    },
  };
}
