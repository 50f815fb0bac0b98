/**
 * No silent wrong figure: a corrupted, missing or stray line is counted and named, a run without its
 * hello, end or every result is incomplete, and the end checksum and calibration readings are checked.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { calibrationOutliers } from "../scripts/bench/calibration.ts";
import { STYLE_IDS, type ResultRecord } from "../scripts/bench/schema.ts";
import { summarize, type ResultsLine } from "../scripts/bench/summary.ts";
import { parseResultsText, splitRuns, toResultsText } from "../scripts/report/results-lines.ts";
import { picksFor } from "../scripts/report/picks.ts";
import { collectPrinted as collect } from "./support/collect-printed.ts";
import { runLines } from "./support/report-fixtures.ts";

/** Styles in a fixture run: one result each. */
const N = STYLE_IDS.length;
const results = (lines: ResultsLine[]) => lines.filter((l): l is ResultRecord => l.t === "result");

const asPrinted = (lines: ResultsLine[]) => lines.filter((l) => l.t !== "host").map((l) => `@tc2 ${JSON.stringify(l)}`);

test("one byte lost inside the hello line: counted, named, no figure defaults to 0, the run is incomplete", async () => {
  const printed = asPrinted(runLines());
  printed[0] = printed[0].replace('"blocksize":13,', '"blocksize":13'); // one comma lost
  const { lines } = await collect(printed);
  const s = summarize(lines);
  assert.equal(s.blocksize, null, "no made-up block size");
  assert.equal(s.freeBytes, null);
  assert.equal(s.engine, "unknown", "no silent fallback to espruino");
  assert.ok(s.styles.every((x) => x.bytesPerObject === null), "no 0 bytes per object");
  assert.equal(s.complete, false);
  assert.ok(s.problems.some((p) => /no valid hello line/.test(p)), s.problems.join("\n"));
  assert.ok(s.problems.some((p) => /1 protocol line\(s\) failed validation: 1 not JSON/.test(p)), s.problems.join("\n"));
  // The refused line is kept in the file and read back by report the same way.
  const again = splitRuns(parseResultsText(toResultsText(lines)).lines).map(summarize);
  assert.deepEqual(again[0].problems, s.problems);
});

test("refused lines are counted by kind: not JSON, a record failing its schema, an unknown record", async () => {
  const printed = asPrinted(runLines());
  printed.splice(3, 0, '@tc2 {"t":"result","r":"r1","id":"js.class","run":"x","n":1}', "@tc2 {\"t\":\"resu", '@tc2 {"t":"bogus","r":"r1"}');
  const s = summarize((await collect(printed)).lines);
  assert.ok(s.problems.includes("3 protocol line(s) failed validation: 1 invalid result, 1 not JSON, 1 unknown record"), s.problems.join("\n"));
});

test("a run missing its end line, or one result, is incomplete with a problem", () => {
  const lines = runLines();
  const noEnd = lines.slice(0, -1);
  assert.equal(summarize(noEnd).complete, false);
  assert.ok(summarize(noEnd).problems.includes("the run has no end line: it did not finish"));
  const oneLess = noEnd.filter((l) => !(l.t === "result" && l.id === "js.bind"));
  assert.ok(summarize(oneLess).problems.includes(`${N - 1} of ${N} result(s) arrived`), summarize(oneLess).problems.join("\n"));
  assert.equal(summarize(lines).complete, true);
});

test("the end checksum is verified: a checksum of 1, or a result altered in transit, is a problem", () => {
  const lines = runLines();
  const end = lines.at(-1)!;
  if (end.t === "end") end.checksum = 1;
  assert.ok(summarize(lines).problems.some((p) => p === `the end line's checksum is 1, the results received sum to ${N * 1000}`));
  const withAll = runLines();
  for (const r of results(withAll)) r.sum = 1001; // every style agrees, yet the board counted 1000 each
  assert.ok(summarize(withAll).problems.some((p) => p.includes(`checksum is ${N * 1000}, the results received sum to ${N * 1001}`)));
});

test("a corrupted end line ends the run at once, with a clear line (not after the idle deadline)", async () => {
  const printed = asPrinted(runLines());
  printed[printed.length - 1] = printed.at(-1)!.replace(`"count":${N}`, `"count":"${N}"`);
  const { stopped } = await collect(printed);
  assert.match(stopped ?? "", /the board's end line failed validation \(invalid end\)/);
});

test("calUs 0 is counted and the record kept, never dropped", async () => {
  const printed = asPrinted(runLines().map((l) => (l.t === "result" ? { ...l, calUs: l.id === "js.closure" ? 0 : 0.5 } : l)));
  const { lines } = await collect(printed);
  const s = summarize(lines);
  assert.equal(results(lines).length, N, "the board sent every result, all are kept");
  assert.ok(s.problems.includes("1 protocol line(s) failed validation: 1 out of range: calUs"), s.problems.join("\n"));
  assert.ok(s.problems.includes("calibration reading of js.closure (run 1) was rejected: its µs are not scaled"));
  assert.ok(!s.problems.some((p) => /announced|arrived/.test(p)));
  // Only that figure is lost: the run still has every line, so it is complete.
  assert.equal(s.complete, true);
});

test("calibration: one halved reading is flagged and rescales nothing; the pick stays", () => {
  const honest = runLines();
  for (const r of results(honest)) r.calUs = 0.5;
  const skewed = runLines();
  for (const r of results(skewed)) r.calUs = r.id === "js.closure" ? 0.25 : 0.5;
  const a = summarize(honest);
  const b = summarize(skewed);
  assert.deepEqual(a.problems, []);
  assert.match(b.problems.join("\n"), /calibration reading of js\.closure \(run 1\) is 0\.25 µs, faster than the run's median 0\.5 µs beyond its noise/);
  const ratio = (s: typeof a) => s.styles.find((x) => x.id === "js.closure")!.vsClass.forOf;
  assert.equal(ratio(b), ratio(a), "js.closure's ratio is not rescaled by the stray reading");
  assert.deepEqual(picksFor(b).map((p) => p.id), picksFor(a).map((p) => p.id));
});

test("calibration on skewed readings: a loaded machine's long slow tail is noise, a lone stray is not", () => {
  const r = (calUs: number, i: number): ResultRecord => ({ t: "result", r: "r1", id: `s${i}`, run: 0, n: 1, calUs });
  // Right-skewed, as a host under load reads: most at full speed, a tail up to 1.45× slower.
  const tail = [1, 1, 1.01, 1.02, 1.02, 1.03, 1.05, 1.08, 1.12, 1.2, 1.3, 1.45].map(r);
  assert.deepEqual(calibrationOutliers(tail), []);
  // The same readings plus one far out on either side: only those two stray, each on its side.
  const strays = [...tail, r(0.5, 90), r(3.2, 91)];
  assert.deepEqual(calibrationOutliers(strays).map((o) => [o.result.id, o.side]), [["s90", "fast"], ["s91", "slow"]]);
  // A wide spread widens the yardstick (MAD), so a reading within it is noise.
  const noisy = [1, 1.4, 1.8, 2.2, 2.6, 3.0, 3.4].map(r);
  assert.deepEqual(calibrationOutliers(noisy), []);
});

test("a style timed while the machine ran far slower is scaled back and flagged noisy, not refused", () => {
  const lines = runLines();
  for (const r of results(lines)) r.calUs = r.id === "js.bind" ? 16 : 0.5;
  const bind = results(lines).find((r) => r.id === "js.bind")!;
  bind.forOfUs = (bind.forOfUs as number) * 32; // the slowdown shows in its times too
  const s = summarize(lines);
  assert.deepEqual(s.problems, []);
  const style = s.styles.find((x) => x.id === "js.bind")!;
  assert.ok(style.noisy.includes("calUs"));
  assert.equal(style.vsClass.forOf, summarize(runLines()).styles.find((x) => x.id === "js.bind")!.vsClass.forOf);
});

test("a /1-shaped line inside a /2 run is counted, never turns the run into /1", () => {
  const lines = runLines();
  const progress = { t: "progress", id: "js.class", i: 0, n: 14, legacy: 1 } as unknown as ResultsLine;
  const s = summarize([...lines.slice(0, 3), progress, ...lines.slice(3)]);
  assert.equal(s.source, 2);
  assert.equal(s.board, "PICO");
  assert.equal(s.styles.length, N);
  assert.ok(s.problems.includes("1 line(s) are neither of this /2 run nor of a /1 file, and were not read"));
});
