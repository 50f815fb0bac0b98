/**
 * Results (JSONL) text to records and runs, with no file system: shared by `report` (through
 * results-file.ts) and the web page, which opens files the browser hands it.
 */
import { parseResultsLine } from "../bench/records.ts";
import type { ResultsLine } from "../bench/summary.ts";
import { createRunRouter } from "./run-router.ts";

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

/** Cuts JSONL text handed over in pieces (a file read in chunks) into records, counting the rows that are none. */
export interface LineReader {
  /** The next piece of text; a row may continue in the next piece. */
  push(text: string): void;
  /** The text has ended: reads its last row. */
  end(): void;
  /** Non-empty rows so far that were not JSON or not a known record. */
  readonly skipped: number;
}

/**
 * The longest line read as a record: a bench line is under a kilobyte. A longer line is counted as
 * skipped and not held, so a file of one endless line neither fills memory nor passes V8's longest string.
 */
export const LONGEST_LINE = 1 << 24;

/** A {@link LineReader} that hands each usable record to `visit`, in order, and keeps none. */
export function createLineReader(visit: (line: ResultsLine) => void): LineReader {
  let pending = "";
  /** Whether the row being read passed {@link LONGEST_LINE}: its rest is dropped up to its line end. */
  let overlong = false;
  let first = true;
  let skipped = 0;
  const row = (text: string) => {
    if (text.trim() === "") return;
    const line = text.length > LONGEST_LINE ? undefined : parseLine(text);
    if (line) visit(line);
    else skipped++;
  };
  return {
    push(text) {
      // Editors on Windows save UTF-8 with a byte order mark; it is not part of the first line.
      if (first && text.length > 0) {
        first = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      // Only the new text is searched: a line longer than many pieces stays linear to read.
      const rows = text.split("\n");
      rows[0] = pending + rows[0];
      pending = rows.pop()!;
      rows.forEach((r, i) => {
        if (i === 0 && overlong) {
          overlong = false;
          skipped++;
        } else row(r.endsWith("\r") ? r.slice(0, -1) : r);
      });
      if (pending.length > LONGEST_LINE) {
        overlong = true;
        pending = "";
      }
    },
    end() {
      if (overlong) skipped++;
      else row(pending);
      overlong = false;
      pending = "";
    },
    get skipped() {
      return skipped;
    },
  };
}

/** Parses JSONL text, skipping and counting lines that are not usable records. */
export function parseResultsText(text: string): ResultsFile {
  const lines: ResultsLine[] = [];
  const reader = createLineReader((line) => lines.push(line));
  reader.push(text);
  reader.end();
  return { lines, skipped: reader.skipped };
}

/** Records as JSONL text, one per line, as the CLI's results writer writes them. */
export function toResultsText(lines: readonly ResultsLine[]): string {
  return lines.map((l) => JSON.stringify(l) + "\n").join("");
}

/**
 * Splits one file's lines into runs by run id ({@link createRunRouter} says how); a lone host line
 * (the device never answered) is no run. Linear in the lines.
 */
export function splitRuns(lines: ResultsLine[]): ResultsLine[][] {
  const router = createRunRouter();
  const runs: ResultsLine[][] = [];
  for (const line of lines) (runs[router.route(line)] ??= []).push(line);
  return runs.filter((_, run) => router.counts(run));
}
