import { test } from "node:test";
import assert from "node:assert/strict";
import { tag, tagTable, trait } from "../src/index.ts";

interface Dims {
  w: number;
  h: number;
}
const Shape = trait<{ area(self: Dims): number; grow(self: Dims, k: number): void }>()(["area", "grow"]);
function grow(s: Dims, k: number) {
  s.w += k;
  s.h += k;
}
const RectVT = Shape.impl({ area: (s) => s.w * s.h, grow });
const TriVT = Shape.impl({ area: (s) => (s.w * s.h) / 2, grow });
const T = tagTable([RectVT, TriVT]);

test("tagTable returns the vtables in tag order", () => {
  assert.equal(T.length, 2);
  assert.equal(T[0], RectVT);
  assert.equal(T[1], TriVT);
});

test("tag sets t to the vtable's index and returns the data", () => {
  const d = { w: 2, h: 3 };
  const o = tag(d, T, TriVT);
  assert.equal(o, d);
  assert.equal(o.t, 1);
  assert.deepEqual(Object.keys(o), ["w", "h", "t"]);
});

test("dispatch through T[o.t][slot](o)", () => {
  const xs = [tag({ w: 2, h: 3 }, T, RectVT), tag({ w: 2, h: 3 }, T, TriVT)];
  let s = 0;
  for (const o of xs) {
    T[o.t][Shape.slot.grow](o, 1);
    s += T[o.t][Shape.slot.area](o);
  }
  assert.equal(s, 12 + 6);
});

test("tag throws on a vtable not in the table", () => {
  const Other = Shape.impl({ area: () => 0, grow });
  assert.throws(() => tag({ w: 1, h: 1 }, T, Other), { message: "unknown vtable" });
});

// Type-level checks: this file is type-checked by `tsc -p tsconfig.json`.
export function typeChecks(): void {
  const o = tag({ w: 1, h: 2 }, T, RectVT);
  const a: number = T[o.t][Shape.slot.area](o);
  // @ts-expect-error a vtable of another trait does not fit this table
  tag({ w: 1, h: 2 }, T, [() => "x"] as const);
  void a;
}
