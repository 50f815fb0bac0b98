/**
 * Report test data at scale: one `/2` run of 100k result lines, the most its end line can count,
 * in the two shapes the schema allows: 100k styles once each, or 1,000 styles (the most a hello
 * announces) over 100 runs (the most `--runs` takes). Shared by the scale tests and by hand:
 *
 *   node --import tsx -e 'import("./test/support/report-scale-fixtures.ts").then((m) => m.writeBigRun("/tmp/big.jsonl", 100_000))'
 *   node --import tsx -e 'import("./test/support/report-scale-fixtures.ts").then((m) => m.writeBigRun("/tmp/runs.jsonl", 100_000, 100))'
 *
 * and the other way to be large: thousands of whole runs in one file ({@link writeManyRuns}):
 *
 *   node --import tsx -e 'import("./test/support/report-scale-fixtures.ts").then((m) => m.writeManyRuns("/tmp/3000.jsonl", 3000))'
 */
import { writeFileSync } from "node:fs";
import { STYLE_IDS, type EndRecord } from "../../scripts/bench/schema.ts";
import type { ResultsLine } from "../../scripts/bench/summary.ts";
import { toResultsText } from "../../scripts/report/results-lines.ts";
import { runLines } from "./report-fixtures.ts";

/** Id of the i-th generated style: valid for the schema, sorted like its number. */
export const generatedId = (i: number) => `gen.s${String(i).padStart(6, "0")}`;

/**
 * The Pico run of {@link runLines} with `extra` more styles, `runs` result lines each (run k's
 * times a few percent apart). Figures vary deterministically (no two neighbours alike); every
 * 97th style fails and every 89th has no count of objects that fit, so the charts' "left out"
 * and "no figure" notes have work to do.
 */
export function bigRunLines(extra: number, runs = 1, runId = "r1"): ResultsLine[] {
  const base = runLines({ runId, runs });
  const end = base.pop() as EndRecord;
  const results: ResultsLine[] = [];
  for (let run = 0; run < runs; run++) {
    const k = 1 + (run % 7) / 100;
    for (let i = 0; i < extra; i++) {
      const id = generatedId(i);
      // Multiplicative hashing spreads the figures over their range without a random generator.
      const a = ((i * 7919) % 1000) / 1000;
      const b = ((i * 104729) % 1000) / 1000;
      if (i % 97 === 96) {
        results.push({ t: "result", r: runId, id, run, n: 150, error: "Out of memory" });
        continue;
      }
      results.push({
        t: "result", r: runId, id, run, n: 150,
        forOfUs: Number(((6 + 20 * a) * k).toFixed(3)), indexUs: i % 5 === 0 ? null : Number(((14 + 20 * b) * k).toFixed(3)),
        growUs: null, hoistedUs: null, buildUs: 30, varsPerObject: Number((1 + 10 * b).toFixed(3)), fixedVars: 0,
        objectsFit: i % 89 === 88 ? null : Math.floor(4800 / (1 + 10 * b)), sum: 1000,
      });
    }
  }
  const ran = results.filter((r) => r.t === "result" && !r.error).length;
  // The end line's count is capped at 100k by the schema: a larger run is a file with a bad last line.
  return [...base, ...results, { ...end, count: end.count + results.length, checksum: end.checksum + 1000 * ran }];
}

/** Writes {@link bigRunLines} as a results file of about `lines` lines over `runs` runs; returns the path. */
export function writeBigRun(path: string, lines: number, runs = 1): string {
  // Host, hello, sizes and end: every line of the fixture but its results.
  const header = runLines().length - STYLE_IDS.length;
  const extra = Math.max(0, Math.floor((lines - header) / runs) - STYLE_IDS.length);
  writeFileSync(path, toResultsText(bigRunLines(extra, runs)));
  return path;
}

/** `runs` whole runs of {@link runLines} one after the other, run ids `r0`, `r1`, …, as results-file text. */
export function manyRunsText(runs: number): string {
  const parts: string[] = [];
  for (let i = 0; i < runs; i++) parts.push(toResultsText(runLines({ runId: `r${i}` })));
  return parts.join("");
}

/** Writes {@link manyRunsText} (3,000 runs: 99,000 lines, 14 MB); returns the path. */
export function writeManyRuns(path: string, runs: number): string {
  writeFileSync(path, manyRunsText(runs));
  return path;
}
