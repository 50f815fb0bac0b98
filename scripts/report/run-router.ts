/**
 * Which run each line of a results file belongs to, decided line by line as the file is read,
 * without keeping the lines: shared by {@link splitRuns} (lines in memory) and the streaming
 * reader (results-stream.ts), so both split a file the same way.
 */
import type { ResultsLine } from "../bench/records.ts";

/** The run id a line carries (`runId` on a host line, `r` on the others), if any. */
function runIdOf(line: ResultsLine): string | undefined {
  if (line.t === "host") return "runId" in line && typeof line.runId === "string" ? line.runId : undefined;
  return "r" in line && typeof line.r === "string" ? line.r : undefined;
}

/** Routes lines to runs; runs are numbered from 0 in the order they start. */
export interface RunRouter {
  /** The number of the run `line` belongs to (a new number when it starts a run). */
  route(line: ResultsLine): number;
  /**
   * Whether run `run` is worth a report column: it has a hello or a result line (a lone host line,
   * a device that never answered, is not).
   */
  counts(run: number): boolean;
}

/**
 * Splits by run id: two runs written to one file at once interleave their lines, and each still
 * gets all of its own. A `host` line starts a run (the newest run of an id takes its lines); a
 * line with no run id, or an id no run has, goes to the current run, and a `hello` starts a new
 * one when its run already has one (files without host lines). Constant work per line.
 */
export function createRunRouter(): RunRouter {
  const byId = new Map<string, number>();
  const withHello = new Set<number>();
  const answered = new Set<number>();
  let runs = 0;
  let current: number | undefined;
  const start = (id: string | undefined) => {
    current = runs++;
    if (id !== undefined) byId.set(id, current);
    return current;
  };
  return {
    route(line) {
      const id = runIdOf(line);
      let run = line.t === "host" ? start(id) : id !== undefined ? byId.get(id) : undefined;
      // A second hello of one id is a run of its own (the same id reused in a file without host lines).
      if (run !== undefined && line.t === "hello" && withHello.has(run)) run = start(id);
      if (run === undefined) run = current === undefined || (line.t === "hello" && withHello.has(current)) ? start(id) : current;
      if (line.t === "hello") withHello.add(run);
      if (line.t === "hello" || line.t === "result") answered.add(run);
      return run;
    },
    counts: (run) => answered.has(run),
  };
}
