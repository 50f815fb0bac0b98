import assert from "node:assert/strict";
import { test } from "node:test";
import { parseDeviceRecord } from "../scripts/bench/records.ts";
import { STYLE_IDS } from "../scripts/bench/schema.ts";
import { summarize, type ResultsLine } from "../scripts/bench/summary.ts";
import { pickLines, picksFor } from "../scripts/report/picks.ts";
import { runLines } from "./support/report-fixtures.ts";

const results = (lines: ResultsLine[]) => lines.filter((l) => l.t === "result") as Extract<ResultsLine, { t: "result" }>[];

test("ratios are taken within each run, then the median: a slower run scales away", () => {
  const s = summarize(runLines({ runs: 3, jitter: [1, 1.8, 1.1] }));
  const vtable = s.styles.find((x) => x.id === "thin.vtable")!;
  assert.equal(vtable.vsClass.forOf, Number((12.8 / 12).toFixed(3)));
  assert.equal(vtable.forOfUs, Number((12.8 * 1.1).toFixed(3)), "µs are the median over runs");
  assert.equal(vtable.spread["vsClass.forOf"], 1, "the ratio does not move with the machine");
  assert.ok(vtable.spread.forOfUs > 1.7, "the µs do");
  assert.ok(vtable.noisy.includes("forOfUs") && !vtable.noisy.includes("vsClass.forOf"));
  assert.equal(s.styles.find((x) => x.id === "baseline.inline")!.vsBaseline.forOf, 1);
  assert.equal(s.runs, 3);
});

test("µs are scaled to the run's fastest calibration: a style timed while the machine was slow is compared at full speed", () => {
  const lines = runLines();
  const rs = results(lines);
  for (const r of rs) r.calUs = 0.5;
  const cls = rs.find((r) => r.id === "js.class")!;
  const vtable = rs.find((r) => r.id === "thin.vtable")!;
  const plain = summarize(runLines()).styles.find((x) => x.id === "thin.vtable")!;
  // js.class ran while the machine was 1.4× slower: its raw µs and its calibration both show it.
  cls.forOfUs = (cls.forOfUs as number) * 1.4;
  cls.calUs = 0.7;
  const s = summarize(lines);
  const scaled = s.styles.find((x) => x.id === "thin.vtable")!;
  assert.equal(scaled.vsClass.forOf, plain.vsClass.forOf);
  assert.equal(s.styles.find((x) => x.id === "js.class")!.forOfUs, summarize(runLines()).styles.find((x) => x.id === "js.class")!.forOfUs);
  assert.equal(scaled.forOfUs, vtable.forOfUs, "styles timed at the fastest speed keep their µs");
  // Without calibration readings, the raw figures stand.
  for (const r of rs) delete r.calUs;
  assert.notEqual(summarize(lines).styles.find((x) => x.id === "thin.vtable")!.vsClass.forOf, plain.vsClass.forOf);
});

test("sizes: the small container and the large one, fixed costs apart", () => {
  const packed = summarize(runLines()).styles.find((x) => x.id === "thin.packed")!;
  assert.deepEqual(packed.sizes.map((z) => z.n), [32, 150]);
  assert.equal(packed.fixedVars, 40);
  assert.equal(packed.bytesPerObject, 9.1);
});

test("a checksum that differs between styles is a problem naming the style", () => {
  const lines = runLines();
  results(lines).find((r) => r.id === "thin.table")!.sum = 999;
  const { problems } = summarize(lines);
  assert.equal(problems.length, 2);
  assert.match(problems[0], /checksum of thin\.table \(run 1\) is 999, the other styles computed 1000/);
  const n = STYLE_IDS.length;
  assert.equal(problems[1], `the end line's checksum is ${n * 1000}, the results received sum to ${n * 1000 - 1}`);
});

test("a short end, duplicates and unknown ids are problems", () => {
  const lines = runLines();
  const end = lines[lines.length - 1];
  if (end.t === "end") end.count = 20;
  const extra = { ...results(lines)[2] };
  const unknown = { ...results(lines)[3], id: "js.mystery" };
  const { problems } = summarize([...lines.slice(0, -1), extra, unknown, end]);
  assert.ok(problems.some((p) => /duplicate result for js\.class in run 1/.test(p)), problems.join("\n"));
  assert.ok(problems.some((p) => /unknown style id js\.mystery/.test(p)));
  assert.ok(problems.some((p) => /announced 20 result\(s\) and sent 17/.test(p)));
  assert.deepEqual(summarize(runLines()).problems, []);
});

test("lines of another run id are ignored, even when filed in the same file", () => {
  const own = runLines({ runId: "aaaa" });
  const stale = results(runLines({ runId: "bbbb", speed: 9 })).slice(0, 5);
  const s = summarize([...own.slice(0, 3), ...stale, ...own.slice(3)]);
  assert.deepEqual(s.problems, []);
  assert.equal(s.styles.find((x) => x.id === "baseline.inline")!.forOfUs, 6.1);
});

test("a figure out of physical range is rejected on its own; a bad id rejects the record", () => {
  const record = { t: "result", r: "x", id: "js.class", run: 0, n: 10, forOfUs: -3, indexUs: 1e300, sum: 5 };
  const parsed = parseDeviceRecord(record)!;
  assert.deepEqual(parsed.rejected.sort(), ["forOfUs", "indexUs"]);
  assert.equal(parsed.record.t === "result" && parsed.record.forOfUs, null);
  assert.equal(parseDeviceRecord({ ...record, forOfUs: 1, indexUs: 1, id: "x".repeat(200_000) }), null);
  assert.equal(parseDeviceRecord({ ...record, forOfUs: 1, indexUs: 1, id: "\x1b[31mred" }), null);
  assert.equal(parseDeviceRecord({ t: "hello", r: "x", board: "b", engine: "e", version: "v", blocksize: 1e308 }), null);
});

test("the picks follow the figures, and each line prints the figure it was chosen by", () => {
  const picks = (o: Parameters<typeof runLines>[0]) => Object.fromEntries(picksFor(summarize(runLines(o))).map((p) => [p.case, p.id]));
  assert.deepEqual(picks({}), {
    "interfaces, one method": "js.switch",
    "interfaces, two methods": "js.switch",
    containers: "thin.grouped",
    kernels: "thin.batch",
  });
  // Make closures fast and lean, and the vtable the fastest with two loops: the interface picks move.
  const moved = picks({ figures: { "js.closure": [5, 9, null, null, 5, 0], "thin.vtable": [7, 20, 7.5, 10.5, 5, 0] } });
  assert.equal(moved["interfaces, one method"], "js.closure");
  assert.equal(moved["interfaces, two methods"], "thin.vtable", "js.closure has no grow: not a two-method interface");
  const [one, two] = picksFor(summarize(runLines({ figures: { "thin.vtable": [7, 20, 7.5, 10.5, 5, 0] } })));
  assert.equal(one.score, one.forOf);
  assert.equal(two.forOf, Number((7 / 12).toFixed(3)));
  assert.equal(two.grow, Number((7.5 / 13).toFixed(3)));
  assert.equal(two.score, two.forOf! + two.grow!, "two loops: scored on their sum");
  assert.equal(two.ram, 5 / 6);
  const line = pickLines(summarize(runLines({ figures: { "thin.vtable": [7, 20, 7.5, 10.5, 5, 0] } })))[1];
  assert.match(line, /^interfaces, two methods \(.*\): thin\.vtable, for…of 0\.58× \+ grow 0\.58× = 1\.16× js\.class's time/);
});

test("no interface pick is ever a container or a kernel, even when one is fastest", () => {
  // thin.grouped (a container) and thin.batch (a kernel) beat every interface in both loops.
  const s = summarize(runLines({ extra: { "thin.grouped": [2, null, 2.5, null, 0.65, 30] }, figures: { "thin.batch": [1, null, 1.5, null, 0.6, 44] } }));
  const picks = picksFor(s);
  for (const p of picks.filter((x) => x.question === "interfaces")) {
    assert.ok(p.id === null || !["thin.grouped", "thin.batch", "thin.packed"].includes(p.id), `${p.case}: ${p.id}`);
  }
  const containers = picks.find((p) => p.question === "containers")!;
  assert.equal(containers.id, "thin.grouped", "the fastest container");
  assert.equal(containers.note, "numeric fields only, visited type by type", "its constraint is on the line");
  assert.match(pickLines(s).find((l) => l.startsWith("containers"))!, /thin\.grouped \(numeric fields only, visited type by type\)/);
  const kernel = pickLines(s).find((l) => l.startsWith("kernels"))!;
  assert.match(kernel, /if your loop is a sum of products .*thin\.batch: .*the speed-up depends on N/);
});

test("RAM figures say whether fixed costs are in: per object without, in total at N with", () => {
  const s = summarize(runLines());
  const packed = s.styles.find((x) => x.id === "thin.packed")!;
  // 0.7 JsVars an object and 40 fixed, 150 objects, 13-byte JsVars.
  assert.equal(packed.totalBytes, Math.round((40 + 0.7 * 150) * 13));
  const p = picksFor(s).find((x) => x.question === "containers")!;
  assert.equal(p.ramTotal, packed.totalBytes! / (6 * 150 * 13));
  assert.ok(p.ramTotal! > p.ram!, "the fixed cost makes the total ratio larger");
  assert.match(pickLines(s).find((l) => l.startsWith("containers"))!, /RAM 0\.12× js\.class's per object \(8\.6× less, fixed costs excluded\), 0\.16× in total at 150 objects \(6\.2× less, fixed costs included\)/);
});

test("a time level with the fastest (within noise) goes to the style with less RAM, and the line names the other", () => {
  // js.switch out of the way (slower than both).
  const withShared = (forOf: number) =>
    summarize(runLines({ figures: { "js.literal-shared": [forOf, 19, 12, 11, 6, 0], "js.switch": [12, 20, 13, null, 4, 0] } }));
  const callbacks = (forOf: number) => picksFor(withShared(forOf))[0];
  // js.literal-shared (6 JsVars) 2% faster than thin.func (5 JsVars): noise, the leaner wins.
  const level = callbacks(9.6);
  assert.equal(level.id, "thin.func");
  assert.deepEqual(level.level, ["js.literal-shared"]);
  assert.match(pickLines(withShared(9.6))[0], /thin\.func, .*; level in time \(within 5%, the less RAM wins\): js\.literal-shared$/);
  // 8% faster is a difference: the faster wins.
  const faster = callbacks(9.0);
  assert.equal(faster.id, "js.literal-shared");
  assert.deepEqual(faster.level, []);
});
