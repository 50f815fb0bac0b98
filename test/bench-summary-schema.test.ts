import assert from "node:assert/strict";
import { test } from "node:test";
import * as v from "valibot";
import { hostRecord } from "../scripts/bench/host-record.ts";
import { HostSchema } from "../scripts/bench/schema.ts";
import { summarize, summarizeRuns, type ResultsLine } from "../scripts/bench/summary.ts";
import { BenchSummarySchema, SUMMARY_SCHEMA, checkedSummary } from "../scripts/bench/summary-schema.ts";
import { parseResultsText } from "../scripts/report/results-lines.ts";
import { runLines, type RunOptions } from "./support/report-fixtures.ts";
import { legacyRunLines } from "./support/report-fixtures-v1.ts";

test("a summary, of a /2 run or a /1 file, fits its schema and carries its version", () => {
  const s = summarize(runLines({ runs: 3, jitter: [1, 1.2, 1.1], errors: { "js.bind": "Out of memory" } }));
  assert.equal(s.schema, SUMMARY_SCHEMA);
  assert.equal(SUMMARY_SCHEMA, "thincall.summary/1");
  assert.deepEqual(checkedSummary(s), s);
  const legacy = parseResultsText(legacyRunLines().map((l) => JSON.stringify(l)).join("\n")).lines;
  assert.equal(checkedSummary(summarize(legacy)).source, 1);
});

test("the schema rejects a malformed summary, naming the field", () => {
  const good = summarize(runLines());
  const bad = (change: (s: Record<string, unknown>) => void) => {
    const s = structuredClone(good) as unknown as Record<string, unknown>;
    change(s);
    return () => checkedSummary(s);
  };
  assert.throws(bad((s) => (s.schema = "thincall.bench/2")), /does not match thincall\.summary\/1: schema: /);
  assert.throws(bad((s) => delete s.sweep), /: sweep: /);
  assert.throws(bad((s) => (s.extra = 1)), /: extra: /, "no field beyond the documented ones");
  assert.throws(bad((s) => ((s.styles as Record<string, unknown>[])[2].forOfUs = "fast")), /: styles\.2\.forOfUs: /);
  assert.throws(bad((s) => ((s.styles as { vsClass: Record<string, unknown> }[])[3].vsClass.grow = Number.NaN)), /styles\.3\.vsClass\.grow/);
  assert.throws(bad((s) => (s.engine = "v8")), /: engine: /);
  assert.equal(v.safeParse(BenchSummarySchema, good).success, true);
});

/** The runs of a `--n 40,150` sweep: one upload per N, one sweep id. */
function sweepRuns(sweep: string | undefined, figures?: RunOptions["figures"]): ResultsLine[][] {
  return [40, 150].map((n, i) =>
    runLines({ runId: `r${i}`, n, figures }).map((l) => (l.t === "host" ? { ...l, ...(sweep ? { sweep } : {}) } : l)),
  );
}

test("a sweep over N is one summary: headline at the named N (else the last), one point per N with ratios and RAM", () => {
  // The packed store's per-object cost stays, its fixed cost weighs less at the larger N.
  const [s, ...more] = summarizeRuns(sweepRuns("s1"));
  assert.equal(more.length, 0, "the runs of one sweep are one summary");
  assert.equal(s.n, 150);
  assert.deepEqual(s.sweep.map((p) => p.n), [40, 150]);
  const packed = s.sweep.map((p) => p.styles.find((x) => x.id === "thin.packed")!);
  assert.deepEqual(packed.map((x) => x.totalBytes), [Math.round((40 + 0.7 * 40) * 13), Math.round((40 + 0.7 * 150) * 13)]);
  assert.equal(packed[0].bytesPerObject, packed[1].bytesPerObject);
  assert.deepEqual(checkedSummary(s), s);
  // The host lines may name the headline N (the first the user listed).
  const named = sweepRuns("s3").map((run) => run.map((l) => (l.t === "host" ? { ...l, headline: 40 } : l)));
  assert.equal(summarizeRuns(named)[0].n, 40);
  assert.deepEqual(summarizeRuns(named)[0].sweep.map((p) => p.n), [40, 150]);
  // Runs without a sweep id stay apart.
  assert.equal(summarizeRuns(sweepRuns(undefined)).length, 2);
  // A problem says at which N it arose.
  const runs = sweepRuns("s2");
  const result = runs[0].find((l) => l.t === "result" && l.id === "thin.table");
  if (result?.t === "result") result.sum = 7;
  assert.match(summarizeRuns(runs)[0].problems[0], /^at N=40: checksum of thin\.table/);
});

test("the host line has one maker, for the CLI and the page: it fits the schema", () => {
  const line = hostRecord({ board: "linux", port: "tcp://127.0.0.1:2323", coreBytes: 1312, mode: "ram", command: "thincall bench", runId: "abcd", sweep: "ef01" });
  assert.equal(v.safeParse(HostSchema, line).success, true);
  assert.equal(line.sweep, "ef01");
  assert.ok(!("sweep" in hostRecord({ board: "b", port: "p", coreBytes: 1, mode: "ram", command: "c", runId: "r" })));
});
