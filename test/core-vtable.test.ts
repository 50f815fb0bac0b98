import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
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

// ---- Property: impl against a model -------------------------------------------------------------

test("property: impl takes each given method, else its default, and refuses a listed method with neither", () => {
  const methods = ["area", "grow", "describe", "spin"];
  // Per method: a default (a function), null (listed, no default) or absent; an impl's method: a function, undefined or absent.
  const dft = fc.dictionary(fc.constantFrom(...methods), fc.constantFrom("fn", "null"));
  const given = fc.dictionary(fc.constantFrom(...methods), fc.constantFrom("fn", "undefined"));
  fc.assert(
    fc.property(dft, given, (d, g) => {
      const fns = new Map<string, () => string>();
      const defaults: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(d)) defaults[k] = v === "fn" ? () => `default ${k}` : null;
      const m: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(g)) {
        const f = () => `own ${k}`;
        fns.set(k, f);
        m[k] = v === "fn" ? f : undefined;
      }
      const T = trait<Record<string, () => string>>()(defaults as never);
      const missing = Object.keys(d).find((k) => g[k] !== "fn" && d[k] !== "fn") ?? Object.keys(g).find((k) => g[k] !== "fn" && d[k] !== "fn");
      if (missing !== undefined) {
        assert.throws(() => T.impl(m as never), /^Error: no method \w+$/);
        return;
      }
      const vt = T.impl(m as never) as Record<string, () => string>;
      assert.notEqual(vt, m);
      for (const k of new Set([...Object.keys(d), ...Object.keys(g)])) {
        assert.equal(vt[k](), g[k] === "fn" ? `own ${k}` : `default ${k}`);
      }
      assert.deepEqual(Object.keys(vt).sort(), [...new Set([...Object.keys(d), ...Object.keys(g)])].sort());
    }),
    { numRuns: 300 },
  );
});

test("a method given as undefined keeps its default; a listed method without one is refused when the vtable is made", () => {
  const S = trait<ShapeMethods>()({ area: null, grow: null, describe: () => "shape" });
  assert.equal(S.impl({ area: () => 1, grow: () => {}, describe: undefined }).describe({}), "shape");
  assert.throws(() => S.impl({ area: () => 1 } as never), { message: "no method grow" });
  assert.throws(() => S.impl({ area: () => 1, grow: undefined } as never), { message: "no method grow" });
});

// ---- Callable vtables: the trait names a primary method ----------------------------------------

interface Sized {
  area(self: Dims): number;
  grow(self: Dims, k: number): void;
  describe(self: object): string;
}
const growBoth = (r: Dims, k: number) => {
  r.w += k;
  r.h += k;
};
const Sized = trait<Sized>()({ grow: growBoth, describe: () => "shape" }, "area");

test("a callable vtable is the primary method itself: o.v() runs it with this = the object, the others are its properties", () => {
  const rectArea = function (this: Dims) {
    return this.w * this.h;
  };
  const RectC = Sized.impl({}, rectArea);
  const TriC = Sized.impl({ describe: () => "tri" }, function () { return (this.w * this.h) / 2; });
  assert.equal(RectC, rectArea);
  assert.equal(typeof TriC, "function");
  // Given methods first, then the defaults; the primary is not among its own properties.
  assert.deepEqual(Object.keys(RectC), ["grow", "describe"]);
  assert.deepEqual(Object.keys(TriC), ["describe", "grow"]);
  const xs = [make({ w: 2, h: 3 }, RectC), make({ w: 4, h: 1 }, TriC), make({ w: 1, h: 1 }, RectC)];
  let s = 0;
  for (const o of xs) s += o.v();
  assert.equal(s, 6 + 2 + 1);
  for (const o of xs) o.v.grow(o, 1);
  s = 0;
  for (const o of xs) s += o.v();
  assert.equal(s, 12 + 5 + 4);
  assert.equal(xs[0].v.describe(xs[0]) + xs[1].v.describe(xs[1]), "shapetri");
  assert.deepEqual(Object.keys(xs[0]), ["w", "h", "v"]);
});

test("a primary already carrying another vtable's methods is refused, so neither vtable silently loses a method", () => {
  const shared = function (this: Dims) {
    return this.w;
  };
  const A = Sized.impl({ grow: () => {} }, shared);
  const before = { ...A };
  assert.throws(() => Sized.impl({ grow: growBoth }, shared), { message: "area is shared" });
  assert.deepEqual({ ...A }, before);
  // Also across traits: the function already carries properties.
  const Other = trait<{ size(self: Dims): number; spin(self: Dims): void }>()({ spin: () => {} }, "size");
  assert.throws(() => Other.impl({}, shared), { message: "size is shared" });
  // A trait with no other method gives its primary no property: sharing it changes nothing.
  const Only = trait<{ area(self: Dims): number }>()(undefined, "area");
  const own = function (this: Dims) {
    return this.h;
  };
  assert.equal(Only.impl({}, own), Only.impl({}, own));
  assert.deepEqual(Object.keys(own), []);
});

test("a plain trait is unchanged by the callable path: its vtable is a new object", () => {
  const m = { area: (r: Dims) => r.w, grow: growBoth };
  const vt = trait<Sized>()({ describe: () => "d" }).impl(m);
  assert.equal(typeof vt, "object");
  assert.notEqual(vt, m);
  assert.deepEqual(Object.keys(vt), ["area", "grow", "describe"]);
});

test("a callable trait's default named like a function's own (apply, call, bind) is copied, not shadowed by the primary's", () => {
  const push = (r: Dims, k: number) => {
    r.w += k;
  };
  const Body = trait<{ area(self: Dims): number; apply(self: Dims, k: number): void }>()({ apply: push }, "area");
  const vt = Body.impl({}, function () { return this.w * this.h; });
  assert.equal(vt.apply, push);
  const o = make({ w: 2, h: 3 }, vt);
  o.v.apply(o, 1);
  assert.equal(o.v(), 9);
});

test("checked build: a callable impl without its primary, or without a method, says which", () => {
  assert.throws(() => (Sized.impl as (m: object) => unknown)({}), { message: "no method area" });
  const Listed = trait<Sized>()({ grow: null, describe: () => "" }, "area");
  assert.throws(() => Listed.impl({} as never, function () { return 1; }), { message: "no method grow" });
});

test("property: every callable vtable dispatches o.v() to its own primary and o.v.m(o) to its own methods", () => {
  fc.assert(
    fc.property(fc.array(fc.record({ k: fc.integer({ min: -5, max: 5 }), own: fc.boolean() }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(), { maxLength: 20 }), (types, picks) => {
      const vts = types.map((t) =>
        Sized.impl(t.own ? { grow: (r: Dims, k: number) => { r.w += k * t.k; } } : {}, function (this: Dims) { return this.w * t.k; }),
      );
      const xs = picks.map((p, i) => ({ t: p % types.length, o: make({ w: i, h: 1 }, vts[p % types.length]) }));
      for (const { t, o } of xs) assert.equal(o.v(), o.w * types[t].k);
      for (const { t, o } of xs) {
        const w = o.w;
        o.v.grow(o, 2);
        assert.equal(o.w, w + (types[t].own ? 2 * types[t].k : 2));
      }
    }),
    { numRuns: 200 },
  );
});
