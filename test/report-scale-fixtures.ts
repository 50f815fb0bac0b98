/**
 * Report test data at scale: one `/2` run with thousands of styles, as one results file of about
 * `styles` lines would hold it. Shared by the scale tests and by hand measurements:
 *
 *   node --import tsx -e 'import("./test/report-scale-fixtures.ts").then((m) => m.writeBigRun("/tmp/big.jsonl", 100_000))'
 */
import { writeFileSync } from "node:fs";
import type { EndRecord } from "../scripts/bench/schema.ts";
import type { ResultsLine } from "../scripts/bench/summary.ts";
import { toResultsText } from "../scripts/report/results-lines.ts";
import { runLines } from "./report-fixtures.ts";

/** Id of the i-th generated style: valid for the schema, sorted like its number. */
export const generatedId = (i: number) => `gen.s${String(i).padStart(6, "0")}`;

/**
 * The Pico run of {@link runLines} with `extra` more styles, one result line each. Figures vary
 * deterministically (no two neighbours alike); every 97th style fails and every 89th has no
 * count of objects that fit, so the charts' "left out" and "no figure" notes have work to do.
 */
export function bigRunLines(extra: number, runId = "r1"): ResultsLine[] {
  const base = runLines({ runId });
  const end = base.pop() as EndRecord;
  const results: ResultsLine[] = [];
  for (let i = 0; i < extra; i++) {
    const id = generatedId(i);
    // Multiplicative hashing spreads the figures over their range without a random generator.
    const a = ((i * 7919) % 1000) / 1000;
    const b = ((i * 104729) % 1000) / 1000;
    if (i % 97 === 96) {
      results.push({ t: "result", r: runId, id, run: 0, n: 150, error: "Out of memory" });
      continue;
    }
    results.push({
      t: "result", r: runId, id, run: 0, n: 150,
      forOfUs: Number((6 + 20 * a).toFixed(3)), indexUs: i % 5 === 0 ? null : Number((14 + 20 * b).toFixed(3)),
      growUs: null, hoistedUs: null, buildUs: 30, varsPerObject: Number((1 + 10 * b).toFixed(3)), fixedVars: 0,
      objectsFit: i % 89 === 88 ? null : Math.floor(4800 / (1 + 10 * b)), sum: 1000,
    });
  }
  const ran = results.filter((r) => r.t === "result" && !r.error).length;
  // The end line's count is capped at 100k by the schema: a larger run is a file with a bad last line.
  return [...base, ...results, { ...end, count: end.count + results.length, checksum: end.checksum + 1000 * ran }];
}

/** Writes {@link bigRunLines} as a results file of about `lines` lines; returns the path. */
export function writeBigRun(path: string, lines: number): string {
  const header = runLines().length;
  writeFileSync(path, toResultsText(bigRunLines(Math.max(0, lines - header))));
  return path;
}
