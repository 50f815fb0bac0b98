import { test } from "node:test";
import assert from "node:assert/strict";
import { make, trait } from "../src/index.ts";

interface Dims {
  w: number;
  h: number;
}
interface ShapeMethods {
  area(self: object): number;
  grow(self: object, k: number): void;
  describe(self: object): string;
}
const Shape = trait<ShapeMethods>()({ describe: () => "shape" });
const RectVT = Shape.impl({
  area: (r: Dims) => r.w * r.h,
  grow: (r: Dims, k: number) => {
    r.w += k;
    r.h += k;
  },
});
const CircVT = Shape.impl({
  area: (c: { r: number }) => 3 * c.r * c.r,
  grow: (c: { r: number }, k: number) => {
    c.r += k;
  },
  describe: () => "circle",
});

test("impl builds a vtable of methods by name, defaults filled in", () => {
  assert.deepEqual(Object.keys(RectVT).sort(), ["area", "describe", "grow"]);
  assert.equal(RectVT.describe({}), "shape");
  assert.equal(CircVT.describe({}), "circle");
});

test("impl without defaults copies the methods into a new object", () => {
  const m = { area: () => 1, grow: () => {}, describe: () => "x" };
  const vt = trait<ShapeMethods>()().impl(m);
  assert.notEqual(vt, m);
  assert.deepEqual(vt, m);
});

test("make adds one property v to the data and returns it", () => {
  const d = { w: 2, h: 3 };
  const o = make(d, RectVT);
  assert.equal(o, d);
  assert.deepEqual(Object.keys(o), ["w", "h", "v"]);
  assert.equal(o.v, RectVT);
});

test("the documented hot loop dispatches each object through its type's vtable", () => {
  const xs: { v: ShapeMethods }[] = [make({ w: 2, h: 3 }, RectVT), make({ r: 1 }, CircVT), make({ w: 1, h: 1 }, RectVT)];
  let s = 0;
  for (const o of xs) s += o.v.area(o);
  assert.equal(s, 6 + 3 + 1);
  for (const o of xs) o.v.grow(o, 1);
  s = 0;
  for (const o of xs) s += o.v.area(o);
  assert.equal(s, 12 + 12 + 4);
});

test("vtables are shared: many objects, one vtable", () => {
  const a = make({ w: 1, h: 1 }, RectVT);
  const b = make({ w: 2, h: 2 }, RectVT);
  assert.equal(a.v, b.v);
});

// Type-level checks: this file is type-checked by `tsc -p tsconfig.json`.
export function typeChecks(): void {
  // @ts-expect-error an impl must give every method without a default
  Shape.impl({ area: () => 1 });
  // @ts-expect-error method types are checked
  Shape.impl({ area: () => "x", grow: () => {} });
  const o = make({ w: 1, h: 1 }, RectVT);
  const a: number = o.v.area(o);
  // @ts-expect-error unknown method
  o.v.spin(o);
  void a;
}
