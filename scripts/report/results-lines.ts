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

/** The run id a line carries (`runId` on a host line, `r` on the others), if any. */
function runIdOf(line: ResultsLine): string | undefined {
  if (line.t === "host") return "runId" in line && typeof line.runId === "string" ? line.runId : undefined;
  return "r" in line && typeof line.r === "string" ? line.r : undefined;
}

/**
 * Splits one file's lines into runs, by run id: two runs written to one file at once interleave
 * their lines, and each still gets all of its own. A `host` line starts a run (the newest run of
 * an id takes its lines); a line with no run id, or an id no run has, goes to the current run,
 * and a `hello` starts a new one when its run already has one (files without host lines).
 * Linear in the lines.
 */
export function splitRuns(lines: ResultsLine[]): ResultsLine[][] {
  const runs: ResultsLine[][] = [];
  const byId = new Map<string, ResultsLine[]>();
  const withHello = new Set<ResultsLine[]>();
  let current: ResultsLine[] | undefined;
  const start = (id: string | undefined) => {
    current = [];
    runs.push(current);
    if (id !== undefined) byId.set(id, current);
    return current;
  };
  for (const line of lines) {
    const id = runIdOf(line);
    let run = line.t === "host" ? start(id) : id !== undefined ? byId.get(id) : undefined;
    // A second hello of one id is a run of its own (the same id reused in a file without host lines).
    if (run && line.t === "hello" && withHello.has(run)) run = start(id);
    if (!run) run = !current || (line.t === "hello" && withHello.has(current)) ? start(id) : current;
    if (line.t === "hello") withHello.add(run);
    run.push(line);
  }
  // A lone host line (device never answered) is not a run worth a table column.
  return runs.filter((run) => run.some((l) => l.t === "hello" || l.t === "result"));
}
