/** Per-loop results across styles: equal within 1e-6, and any style that differs is named. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { consensus, loopProblems, sameResult } from "../scripts/bench/loop-checks.ts";
import type { ResultRecord } from "../scripts/bench/schema.ts";

const result = (id: string, sums: (number | null)[], extra: Partial<ResultRecord> = {}): ResultRecord => ({
  t: "result", r: "x", id, run: 0, n: 90,
  loops: sums.map((sum, k) => ({ name: ["water", "tick"][k], us: 1, sum })),
  ...extra,
});

test("results that differ only by rounding are the same; others are not", () => {
  assert.ok(sameResult(1472.58333333333, 1472.58333333435));
  assert.ok(!sameResult(1472.5, 1472.6));
  assert.equal(consensus([3, 3.0000000001, 4]), 3);
});

test("a style whose loop computes something else is named, with the loop and run", () => {
  const ok = [result("js.class", [10, 20]), result("thin.vtable", [10, 20.00000000001]), result("js.closure", [10, null])];
  assert.deepEqual(loopProblems(ok), []);
  assert.deepEqual(loopProblems([...ok, result("thin.packed", [10, 21])]), ['loop "tick" of thin.packed (run 1) computed 21, the other styles 20']);
  // A failed style's figures are not compared.
  assert.deepEqual(loopProblems([...ok, result("thin.packed", [10, 21], { error: "Out of memory" })]), []);
  assert.deepEqual(loopProblems([result("js.class", [1], { hoistedSum: 468 }), result("thin.func", [1], { hoistedSum: 468 }), result("thin.table", [1], { hoistedSum: 345 })]), [
    "the hoisted loop of thin.table (run 1) computed 345, the other styles 468",
  ]);
});
