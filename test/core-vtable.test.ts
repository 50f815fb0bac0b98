import { test } from "node:test";
import assert from "node:assert/strict";
import { make, trait } from "../src/index.ts";

interface Rect {
  w: number;
  h: number;
}
interface Circle {
  r: number;
}
interface ShapeMethods {
  area(self: object): number;
  grow(self: object, k: number): void;
  describe(self: object): string;
}

const Shape = trait<ShapeMethods>()(["area", "grow", "describe"], {
  describe: () => "shape",
});
const RectVT = Shape.impl({
  area: (r: Rect) => r.w * r.h,
  grow: (r: Rect, k: number) => {
    r.w *= k;
    r.h *= k;
  },
});
const CircleVT = Shape.impl({
  area: (c: Circle) => 3 * c.r * c.r,
  grow: (c: Circle, k: number) => {
    c.r *= k;
  },
  describe: () => "circle",
});

test("slot gives each method its literal index in declaration order", () => {
  assert.deepEqual(Shape.slot, { area: 0, grow: 1, describe: 2 });
  const zero: 0 = Shape.slot.area;
  const two: 2 = Shape.slot.describe;
  assert.equal(zero + two, 2);
});

test("impl builds a plain array in slot order, filling defaults", () => {
  assert.ok(Array.isArray(RectVT));
  assert.equal(RectVT.length, 3);
  assert.equal(Object.getPrototypeOf(RectVT), Array.prototype);
  assert.equal(RectVT[2](({ w: 1, h: 1 }) as Rect), "shape");
  assert.equal(CircleVT[2]({ r: 1 }), "circle");
});

test("make adds one property v pointing at the shared vtable", () => {
  const a = Shape.make({ w: 2, h: 3 }, RectVT);
  const b = make({ w: 4, h: 5 }, RectVT);
  assert.deepEqual(Object.keys(a), ["w", "h", "v"]);
  assert.equal(a.v, b.v);
  assert.equal(a.v[Shape.slot.area](a), 6);
  a.v[1](a, 2);
  assert.equal(a.v[0](a), 24);
});

test("mixed types dispatch through o.v[slot](o, k)", () => {
  const xs = [Shape.make({ w: 2, h: 3 }, RectVT), Shape.make({ r: 2 }, CircleVT)];
  let sum = 0;
  for (const o of xs) {
    o.v[1](o, 2);
    sum += o.v[0](o);
  }
  assert.equal(sum, 24 + 48);
  assert.deepEqual(
    xs.map((o) => o.v[2](o)),
    ["shape", "circle"],
  );
});

test("a trait without defaults", () => {
  const T = trait<{ get(self: { x: number }): number }>()(["get"]);
  const o = T.make({ x: 7 }, T.impl({ get: (s) => s.x }));
  assert.equal(o.v[T.slot.get](o), 7);
});

// Type-level checks: this file is type-checked by `tsc -p tsconfig.json`.
export function typeChecks(): void {
  // @ts-expect-error an impl missing a required (non-default) method is rejected
  Shape.impl({ area: (r: Rect) => r.w });
  // @ts-expect-error a method with the wrong signature is rejected
  Shape.impl({ area: () => "x", grow: () => {} });
  // @ts-expect-error only names of the interface may be slots
  trait<ShapeMethods>()(["area", "nope"]);
  const o = Shape.make({ w: 1, h: 2 }, RectVT);
  const n: number = o.v[Shape.slot.area](o);
  // @ts-expect-error slot types are exact: describe returns a string
  const m: number = o.v[Shape.slot.describe](o);
  // @ts-expect-error grow needs its argument
  o.v[Shape.slot.grow](o);
  void n;
  void m;
}
