import { test } from "node:test";
import assert from "node:assert/strict";
import { tag, tagTable, trait } from "../src/index.ts";

interface Dims {
  w: number;
  h: number;
}
const Shape = trait<{ area(self: Dims): number; grow(self: Dims, k: number): void }>()();
function grow(s: Dims, k: number) {
  s.w += k;
  s.h += k;
}
const RectVT = Shape.impl({ area: (s) => s.w * s.h, grow });
const TriVT = Shape.impl({ area: (s) => (s.w * s.h) / 2, grow });
const T = tagTable([RectVT, TriVT]);

test("tagTable builds one array of functions per method, indexed by tag", () => {
  assert.deepEqual(Object.keys(T).sort(), ["area", "grow"]);
  assert.deepEqual(T.area, [RectVT.area, TriVT.area]);
  assert.deepEqual(T.grow, [grow, grow]);
});

test("tag sets t and returns the data", () => {
  const d = { w: 2, h: 3 };
  const o = tag(d, 1);
  assert.equal(o, d);
  assert.equal(o.t, 1);
  assert.deepEqual(Object.keys(o), ["w", "h", "t"]);
});

test("the documented hot loop: one method's array read once, A[o.t](o) per object", () => {
  const xs = [tag({ w: 2, h: 3 }, 0), tag({ w: 2, h: 3 }, 1), tag({ w: 4, h: 1 }, 0)];
  const A = T.area;
  let s = 0;
  for (const o of xs) s += A[o.t](o);
  assert.equal(s, 6 + 3 + 4);
  const G = T.grow;
  for (const o of xs) G[o.t](o, 1);
  assert.deepEqual(xs.map((o) => [o.w, o.h]), [[3, 4], [3, 4], [5, 2]]);
});

test("tagTable of no vtables is empty", () => {
  assert.deepEqual(tagTable([]), {});
});

// Type-level checks: this file is type-checked by `tsc -p tsconfig.json`.
export function typeChecks(): void {
  const o = tag({ w: 1, h: 2 }, 0);
  const a: number = T.area[o.t](o);
  // @ts-expect-error unknown method
  T.spin;
  void a;
}
