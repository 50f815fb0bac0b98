/**
 * The bench's harness and styles, run in Node with Espruino's globals shimmed: the arithmetic
 * (median, IQR, sizing), the paired timing, and the invariant that every dynamic style computes
 * the same workload. Figures are not checked here: they come from boards (see the truth tier).
 */
import assert from "node:assert/strict";
import { test } from "node:test";

const g = globalThis as Record<string, unknown>;
g.getTime = () => performance.now() / 1000;
let fakeUsage = 100;
(process as unknown as { memory: () => object }).memory = () => ({ usage: fakeUsage, free: 5000, total: 8000, blocksize: 13 });

// Device code is type-checked by tsconfig.device.json (Espruino globals); imported by a computed
// path so the host config does not type-check it against Node's globals.
const device = (path: string) => import(path);
type Loop = (c: unknown, n: number, r: number, x?: unknown, y?: unknown) => number;
type Style = { id: string; build: (n: number) => unknown; run: Loop; hoisted: Loop; x?: unknown; y?: unknown };
const { buildMeasured, iqr, median, pow2Below, timePairs, emptyLoop } = await device("../firmware/bench/harness.ts");
const { STYLES } = (await device("../firmware/bench/styles.ts")) as { STYLES: Style[] };
const { STYLE_IDS } = await import("../scripts/bench/schema.ts");

test("median and interquartile range", () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  const sorted = [1, 2, 3, 4, 5, 6, 7, 8];
  assert.equal(iqr(sorted), sorted[6] - sorted[2]);
});

test("container sizes are powers of two within bounds, sized down with free memory", () => {
  assert.equal(pow2Below(10000, 16, 256), 256);
  assert.equal(pow2Below(300, 16, 256), 256);
  assert.equal(pow2Below(200, 16, 256), 128);
  assert.equal(pow2Below(3, 16, 256), 16);
});

test("JsVars per object is the usage difference over n, with the container kept alive", () => {
  fakeUsage = 100;
  const [vars, c] = buildMeasured((n: number) => {
    fakeUsage += 6 * n;
    return new Array(n).fill(0);
  }, 64);
  assert.equal(vars, 6);
  assert.equal((c as number[]).length, 64);
});

test("timing pairs each loop with the empty loop and returns one pass's checksum", () => {
  const diffs: number[] = [];
  const empties: number[] = [];
  const style = STYLES[0];
  const c = style.build(16);
  const sum = timePairs(style.run, c, 16, 4, 5, style, diffs, empties);
  assert.equal(diffs.length, 5);
  assert.equal(empties.length, 5);
  assert.ok(empties.every((e) => e >= 0));
  assert.equal(sum, style.run(c, 16, 1, style.x, style.y));
  assert.equal(emptyLoop(c, 16, 1), 0);
});

test("the styles are the fixed ids, in order", () => {
  assert.deepEqual(STYLES.map((s) => s.id), [...STYLE_IDS]);
});

test("every dynamic style computes the same workload, in the loop and hoisted loops run", () => {
  const sums = new Map<string, number>();
  for (const s of STYLES) {
    const c = s.build(32);
    sums.set(s.id, s.run(c, 32, 1, s.x, s.y));
    assert.ok(Number.isFinite(s.hoisted(c, 32, 1, s.x, s.y)), `${s.id} hoisted`);
  }
  const dynamic = [...sums].filter(([id]) => !id.startsWith("floor."));
  const expected = dynamic[0][1];
  for (const [id, sum] of dynamic) assert.equal(sum, expected, id);
  assert.notEqual(sums.get("floor.local-call"), expected, "the floor is static dispatch: rect area for all");
});
