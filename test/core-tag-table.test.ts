import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
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

test("property: a table is made only when every vtable has every method any of them has", () => {
  const methods = ["area", "grow", "spin"];
  const vtable = fc.uniqueArray(fc.constantFrom(...methods), { maxLength: 3 }).map((ks) => Object.fromEntries(ks.map((k) => [k, () => k])));
  fc.assert(
    fc.property(fc.array(vtable, { maxLength: 4 }), (vts) => {
      const all = new Set(vts.flatMap((v) => Object.keys(v)));
      const hole = [...all].find((k) => vts.some((v) => !(k in v)));
      if (hole !== undefined) {
        assert.throws(() => tagTable(vts), /^Error: no method \w+$/);
        return;
      }
      const T = tagTable(vts) as Record<string, (() => string)[]>;
      assert.deepEqual(Object.keys(T).sort(), [...all].sort());
      for (const k of all) assert.deepEqual(T[k], vts.map((v) => v[k]));
    }),
    { numRuns: 300 },
  );
});

test("a vtable missing a method another has is refused when the table is made", () => {
  assert.throws(() => tagTable([RectVT, { area: RectVT.area }] as never), { message: "no method grow" });
  assert.throws(() => tagTable([{ area: RectVT.area }, RectVT] as never), { message: "no method grow" });
});
