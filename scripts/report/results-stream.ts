/**
 * Summaries of a results file read as a stream, twice, so memory holds the summaries and the
 * lines of the runs still open, never the whole file: a file of 3,000 runs once held every
 * record and its text at once. The first pass finds where each run's last line is (runs are split
 * by run id, and an interleaved run may end anywhere); the second summarizes each run at its last
 * line and lets its records go. No file system here: the source reads.
 */
import { combineRuns, summarizeOneRun, type ResultsLine, type SummarizedRun } from "../bench/summary.ts";
import type { BenchSummary } from "../bench/schema.ts";
import { createLineReader } from "./results-lines.ts";
import { createRunRouter } from "./run-router.ts";

/**
 * Reads a results source from its start, handing each usable record to `visit` in order; returns
 * how many non-empty lines were not usable records. Called once per pass: it must read the same
 * text each time (a file source checks that it did).
 */
export type RecordSource = (visit: (line: ResultsLine) => void) => number;

/** What {@link summarizeSource} found. */
export interface StreamedSummaries {
  /** One per run (the runs of a sweep as one), in the order the runs start. */
  summaries: BenchSummary[];
  /** Usable records. */
  lines: number;
  /** Non-empty lines that were not usable records. */
  skipped: number;
  /** The most records held at once: one run's worth when runs follow each other, however many there are. */
  mostHeld: number;
}

/**
 * Summarizes every run of `read` like `summarizeRuns(splitRuns(lines))`, with each run's records
 * released at its last line.
 */
export function summarizeSource(read: RecordSource): StreamedSummaries {
  const lastLine: number[] = [];
  let lines = 0;
  const first = createRunRouter();
  const skipped = read((line) => {
    lastLine[first.route(line)] = lines++;
  });
  if (lines === 0) return { summaries: [], lines, skipped, mostHeld: 0 };
  // The second pass routes the same lines the same way: its run numbers are the first's.
  const router = createRunRouter();
  const open = new Map<number, ResultsLine[]>();
  const done: SummarizedRun[] = [];
  let at = 0;
  let held = 0;
  let mostHeld = 0;
  read((line) => {
    const run = router.route(line);
    let mine = open.get(run);
    if (!mine) open.set(run, (mine = []));
    mine.push(line);
    mostHeld = Math.max(mostHeld, ++held);
    if (at++ === lastLine[run]) {
      open.delete(run);
      held -= mine.length;
      // Runs are numbered as they start: the summaries come out in file order whatever order runs end in.
      if (router.counts(run)) done[run] = summarizeOneRun(mine);
    }
  });
  return { summaries: combineRuns(done.filter((r) => r !== undefined)), lines, skipped, mostHeld };
}

/** A {@link RecordSource} over text in memory (the web page's files, tests). */
export function textSource(text: string): RecordSource {
  return (visit) => {
    const reader = createLineReader(visit);
    reader.push(text);
    reader.end();
    return reader.skipped;
  };
}
