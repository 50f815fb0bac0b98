import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { packAt, packed, packOrder, packPop, packPush, packType, type Packed, type PackedType } from "../src/index.ts";

/** Two f32 types (the bench's rect and tri), a u8 type and a mixed one. */
function store() {
  const s = packed();
  const rect = packType(s, { w: Float32Array, h: Float32Array }, {
    area: function () {
      return this.w[this.i] * this.h[this.i++];
    },
    sum: function () {
      return E.convolve(this.w, this.h, 0);
    },
  });
  const tri = packType(s, { w: Float32Array, h: Float32Array }, {
    area: function () {
      return (this.w[this.i] * this.h[this.i++]) / 2;
    },
    sum: function () {
      return E.convolve(this.w, this.h, 0) / 2;
    },
  });
  const dot = packType(s, { r: Uint8Array }, {
    area: function () {
      return this.r[this.i++];
    },
    sum: function () {
      let t = 0;
      for (const x of this.r) t += x;
      return t;
    },
  });
  const mix = packType(s, { x: Float64Array, k: Int16Array }, {
    area: function () {
      return this.x[this.i] * this.k[this.i++];
    },
    sum: function () {
      return E.convolve(this.x, this.k, 0);
    },
  });
  return { s, rect, tri, dot, mix, types: [rect, tri, dot, mix] as PackedType<any, any>[] };
}

// Espruino's E.convolve(a, b, 0): the sum of a[i] * b[i] over a (b wraps; columns share a length).
const E = {
  convolve(a: ArrayLike<number>, b: ArrayLike<number>, o: number): number {
    let t = 0;
    for (let i = 0; i < a.length; i++) t += a[i] * b[(i + o) % b.length];
    return t;
  },
};

/** Everything observable about a store, columns' identity included. */
function snapshot(s: Packed) {
  return {
    T: s.T,
    tags: Array.from(s.T),
    n: s.n,
    types: s.Y.map((y) => ({
      n: y.n,
      i: y.i,
      cols: Object.keys(y.of).map((k) => [y[k], Array.from(y[k] as ArrayLike<number>)]),
    })),
  };
}

test("packType: a segment with the cursor first, one empty column per field, methods, then count, tag, schema", () => {
  const { s, rect, dot } = store();
  assert.deepEqual(Object.keys(rect), ["i", "w", "h", "area", "sum", "n", "t", "of"]);
  assert.ok(rect.w instanceof Float32Array && rect.w.length === 0);
  assert.ok(dot.r instanceof Uint8Array);
  assert.deepEqual([rect.t, dot.t, s.Y.length, s.n], [0, 2, 4, 0]);
  assert.equal(s.Y[2], dot);
});

test("push appends to the type's columns and to the tag stream", () => {
  const { s, rect, tri, dot } = store();
  assert.equal(packPush(s, rect, { w: 2, h: 3 }), 0);
  assert.equal(packPush(s, dot, { r: 7 }), 0);
  assert.equal(packPush(s, tri, { w: 4, h: 5 }), 0);
  assert.equal(packPush(s, rect, { w: 1, h: 1 }), 1);
  assert.deepEqual(Array.from(packOrder(s)), [0, 2, 1, 0]);
  assert.deepEqual([rect.n, tri.n, dot.n, s.n], [2, 1, 1, 4]);
  assert.deepEqual(Array.from(rect.w.subarray(0, 2)), [2, 1]);
  assert.equal(dot.r[0], 7);
});

test("insertion-order loop: each call moves its type's cursor", () => {
  const { s, rect, tri, dot } = store();
  packPush(s, rect, { w: 2, h: 3 });
  packPush(s, tri, { w: 2, h: 3 });
  packPush(s, dot, { r: 9 });
  packPush(s, rect, { w: 4, h: 1 });
  const Y = s.Y;
  for (let pass = 0; pass < 2; pass++) {
    let sum = 0;
    const seen = [];
    for (const t of packOrder(s)) {
      seen.push(t);
      sum += Y[t].area();
    }
    assert.equal(sum, 6 + 3 + 9 + 4);
    assert.deepEqual(seen, [0, 1, 2, 0]);
  }
});

test("grouped loop: one batch call per type over whole columns (zero past the count)", () => {
  const { s, rect, tri, dot } = store();
  for (let i = 0; i < 9; i++) packPush(s, i & 1 ? tri : rect, { w: 1 + (i % 7), h: 2 + (i % 5) });
  packPush(s, dot, { r: 3 });
  let sum = 0;
  for (const y of s.Y) sum += y.sum();
  let want = 0;
  for (let i = 0; i < 9; i++) want += ((1 + (i % 7)) * (2 + (i % 5))) / (i & 1 ? 2 : 1);
  assert.equal(sum, want + 3);
});

test("growth: columns and tags grow 1.25× plus 4, so N pushes make O(log N) allocations", () => {
  const { s, rect } = store();
  const caps: number[] = [];
  for (let i = 0; i < 1000; i++) {
    packPush(s, rect, { w: i, h: 1 });
    if (caps[caps.length - 1] !== rect.w.length) caps.push(rect.w.length);
    assert.equal(rect.h.length, rect.w.length);
  }
  assert.deepEqual(caps.slice(0, 6), [4, 9, 15, 22, 31, 42]);
  assert.ok(caps.length <= 2 + Math.ceil(Math.log(1000) / Math.log(1.25)), `${caps.length} allocations`);
  assert.ok(s.T.length < 1.25 * 1000 + 5);
  for (let i = 0; i < 1000; i++) assert.equal(rect.w[i], i);
});

test("values are checked: integer columns exactly, float columns finite", () => {
  const { s, dot, mix, rect } = store();
  assert.throws(() => packPush(s, dot, { r: 300 }), { message: "r=300 does not fit" });
  assert.throws(() => packPush(s, dot, { r: 1.5 }), { message: "r=1.5 does not fit" });
  assert.throws(() => packPush(s, dot, { r: -1 }), { message: "r=-1 does not fit" });
  assert.throws(() => packPush(s, mix, { x: 1, k: 40000 }), { message: "k=40000 does not fit" });
  assert.throws(() => packPush(s, rect, { w: 1e39, h: 1 }), { message: "w=1e+39 does not fit" });
  assert.throws(() => packPush(s, rect, { w: NaN, h: 1 }), { message: "w=NaN does not fit" });
  assert.throws(() => packPush(s, rect, { w: 1 } as never), { message: "h=undefined does not fit" });
  assert.equal(packPush(s, rect, { w: 0.1, h: -2.5 }), 0);
  assert.equal(packPush(s, mix, { x: 1e300, k: -32768 }), 0);
});

test("a failed push leaves the store exactly as it was, also when it would have grown", () => {
  const { s, rect, mix } = store();
  for (let i = 0; i < 4; i++) packPush(s, rect, { w: i, h: i });
  // rect's columns are full (capacity 4): the failing push would grow them.
  const before = snapshot(s);
  assert.throws(() => packPush(s, rect, { w: 1, h: Infinity }));
  assert.deepEqual(snapshot(s), before);
  for (let i = 0; i < before.types[0].cols.length; i++) assert.equal(s.Y[0][Object.keys(rect.of)[i]], before.types[0].cols[i][0]);
  assert.equal(s.T, before.T);
  // Not full: the first field was written, then undone.
  packPush(s, mix, { x: 1, k: 1 });
  const again = snapshot(s);
  assert.throws(() => packPush(s, mix, { x: 5, k: 1e6 }));
  assert.deepEqual(snapshot(s), again);
});

test("pop removes the last object, zeroes its slots and returns its tag", () => {
  const { s, rect, dot } = store();
  packPush(s, rect, { w: 2, h: 3 });
  packPush(s, dot, { r: 4 });
  assert.equal(packPop(s), 2);
  assert.deepEqual([s.n, dot.n, dot.r[0]], [1, 0, 0]);
  assert.equal(packPop(s), 0);
  assert.deepEqual([s.n, rect.n, rect.w[0], rect.h[0]], [0, 0, 0, 0]);
  assert.throws(() => packPop(s), { message: "empty" });
  assert.equal(packPush(s, rect, { w: 5, h: 5 }), 0);
});

test("packAt reads and writes a field by name, checked", () => {
  const { s, rect, dot } = store();
  packPush(s, rect, { w: 2, h: 3 });
  packPush(s, dot, { r: 4 });
  assert.equal(packAt(rect, 0, "h"), 3);
  assert.equal(packAt(rect, 0, "h", 7), 3);
  assert.equal(packAt(rect, 0, "h"), 7);
  assert.throws(() => packAt(rect, 0, "r"), { message: "no field r at 0" });
  assert.throws(() => packAt(rect, 0, "constructor"), { message: "no field constructor at 0" });
  assert.throws(() => packAt(rect, 0, "toString", 1), { message: "no field toString at 0" });
  assert.throws(() => packAt(rect, 0, "area"), { message: "no field area at 0" });
  for (const f of ["i", "n", "t", "of", "__proto__", "hasOwnProperty", "length"]) assert.throws(() => packAt(rect, 0, f, 1), { message: `no field ${f} at 0` });
  assert.throws(() => packAt(rect, 1, "w"), { message: "no field w at 1" });
  assert.throws(() => packAt(rect, -1, "w"), { message: "no field w at -1" });
  assert.throws(() => packAt(rect, 0.5, "w"), { message: "no field w at 0.5" });
  assert.throws(() => packAt(dot, 0, "r", 256), { message: "r=256 does not fit" });
  assert.equal(packAt(dot, 0, "r"), 4);
});

test("a 257th type is refused with a clear error (tags are bytes)", () => {
  const s = packed();
  for (let i = 0; i < 256; i++) assert.equal(packType(s, { v: Uint8Array }, {}).t, i);
  assert.throws(() => packType(s, { v: Uint8Array }, {}), { message: "too many types" });
  assert.equal(s.Y.length, 256);
  const last = s.Y[255];
  packPush(s, last, { v: 1 });
  assert.deepEqual(Array.from(packOrder(s)), [255]);
});

// ---- Property: the store against a plain-array model -------------------------------------------

type Op =
  | { k: "push"; t: number; a: number; b: number }
  | { k: "pop" }
  | { k: "set"; t: number; j: number; f: number; v: number };

const value = fc.oneof(
  fc.integer({ min: -40000, max: 40000 }),
  fc.constantFrom(0, 255, 256, -1, 0.5, 1e39, NaN, Infinity, 1e300),
);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ k: fc.constant("push" as const), t: fc.nat(3), a: value, b: value }) },
  { weight: 2, arbitrary: fc.constant({ k: "pop" as const }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant("set" as const), t: fc.nat(3), j: fc.nat(40), f: fc.nat(2), v: value }) },
);

/** What a column of each kind stores for `v`, or undefined when `v` does not fit. */
function stored(col: ArrayLike<number> & { constructor: Function }, v: number): number | undefined {
  const a = new (col.constructor as Float32ArrayConstructor)(1);
  a[0] = v;
  const isFloat = col instanceof Float32Array || col instanceof Float64Array;
  return isFloat ? (Number.isFinite(a[0]) ? a[0] : undefined) : a[0] === v ? a[0] : undefined;
}

test("property: random push, pop and set match a plain-array model", () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
      const { s, types } = store();
      // The model: objects in insertion order, each its type and field values.
      const model: { t: number; v: Record<string, number> }[] = [];
      // Storage never shrinks on pop (no reallocation churn on a board): capacity follows the peak.
      let peak = 0;
      for (const o of ops) {
        const before = snapshot(s);
        if (o.k === "push") {
          const y = types[o.t];
          const names = Object.keys(y.of);
          const vals: Record<string, number> = {};
          names.forEach((f, i) => (vals[f] = i ? o.b : o.a));
          const fits = names.every((f) => stored(y[f] as never, vals[f]) !== undefined);
          if (fits) {
            assert.equal(packPush(s, y, vals), model.filter((m) => m.t === o.t).length);
            const kept: Record<string, number> = {};
            for (const f of names) kept[f] = stored(y[f] as never, vals[f])!;
            model.push({ t: o.t, v: kept });
          } else {
            assert.throws(() => packPush(s, y, vals), /does not fit/);
            assert.deepEqual(snapshot(s), before);
          }
        } else if (o.k === "pop") {
          if (model.length) assert.equal(packPop(s), model.pop()!.t);
          else assert.throws(() => packPop(s), { message: "empty" });
        } else {
          const y = types[o.t];
          const names = Object.keys(y.of);
          const f = names[o.f] ?? "constructor";
          const mine = model.filter((m) => m.t === o.t);
          if (o.j >= mine.length || o.f >= names.length) {
            assert.throws(() => packAt(y, o.j, f, o.v), { message: `no field ${f} at ${o.j}` });
            assert.deepEqual(snapshot(s), before);
          } else if (stored(y[f] as never, o.v) === undefined) {
            assert.throws(() => packAt(y, o.j, f, o.v), /does not fit/);
            assert.deepEqual(snapshot(s), before);
          } else {
            assert.equal(packAt(y, o.j, f, o.v), mine[o.j].v[f]);
            mine[o.j].v[f] = stored(y[f] as never, o.v)!;
          }
        }
        // Compare everything: tags in order, counts, each column up to its count, zeros past it.
        assert.equal(s.n, model.length);
        peak = Math.max(peak, s.n);
        assert.deepEqual(Array.from(packOrder(s)), model.map((m) => m.t));
        types.forEach((y, t) => {
          const mine = model.filter((m) => m.t === t);
          assert.equal(y.n, mine.length);
          for (const f of Object.keys(y.of)) {
            const col = y[f] as ArrayLike<number>;
            assert.deepEqual(Array.from(col).slice(0, y.n), mine.map((m) => m.v[f]));
            assert.ok(Array.from(col).slice(y.n).every((x) => x === 0), "zero past the count");
            assert.ok(col.length < 1.25 * y.n + 5, `capacity ${col.length} for ${y.n}`);
          }
        });
        // A message of its own: without one, node:assert parses the (transformed, one-line) source to
        // write it, which takes minutes for every shrink step fast-check tries after a failure.
        assert.ok(s.T.length < 1.25 * peak + 5, `tag stream capacity ${s.T.length} for a peak of ${peak}`);
        // The insertion-order loop visits every object once, in order.
        let want = 0;
        for (const m of model) want += m.t === 2 ? m.v.r : m.t === 3 ? m.v.x * m.v.k : (m.v.w * m.v.h) / (m.t ? 2 : 1);
        let got = 0;
        const Y = s.Y;
        for (const t of packOrder(s)) got += Y[t].area();
        assert.ok(Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want)) || got === want, `${got} vs ${want}`);
      }
    }),
    { numRuns: 200 },
  );
});

// Type-level checks: this file is type-checked by `tsc -p tsconfig.json`.
export function typeChecks(): void {
  const { s, rect } = store();
  // @ts-expect-error every field needs a value
  packPush(s, rect, { w: 1 });
  // @ts-expect-error values are numbers
  packPush(s, rect, { w: 1, h: "2" });
  const w: Float32Array = rect.w;
  const a: number = rect.area();
  // @ts-expect-error a schema names typed-array constructors
  packType(s, { w: "f32" }, {});
  void w;
  void a;
}

// ---- Property: names a segment shares -----------------------------------------------------------

test("property: a field or method named like the store's own names or like another is refused, naming it; other names work", () => {
  const pool = ["i", "n", "t", "of", "w", "h", "x", "area", "sum", "constructor", "toString", "on"];
  const names = fc.uniqueArray(fc.constantFrom(...pool), { maxLength: 4 });
  fc.assert(
    fc.property(names, names, (fields, methods) => {
      const s = packed();
      const of: Record<string, Float32ArrayConstructor> = {};
      for (const f of fields) of[f] = Float32Array;
      const m: Record<string, () => number> = {};
      for (const k of methods) m[k] = () => 7;
      // The first name, in the order packType writes them (the cursor, fields, methods, then the
      // count, tag and schema), that the segment already has.
      const seen = new Set<string>();
      const clash = ["i", ...fields, ...methods, "n", "t", "of"].find((k) => (seen.has(k) ? true : (seen.add(k), false)));
      if (clash !== undefined) {
        assert.throws(() => packType(s, of as never, m as never), { message: `${clash} is taken` });
        assert.equal(s.Y.length, 0);
        return;
      }
      const y = packType(s, of as never, m as never) as PackedType<any, any>;
      // Every column and method is where its name says, after pushes and an insertion-order pass.
      const vals: Record<string, number> = {};
      fields.forEach((f, j) => (vals[f] = j + 1));
      packPush(s, y, vals as never);
      packPush(s, y, vals as never);
      packOrder(s);
      for (const f of fields) assert.deepEqual(Array.from((y[f] as Float32Array).subarray(0, 2)), [vals[f], vals[f]]);
      for (const k of methods) assert.equal((y[k] as () => number)(), 7);
      assert.deepEqual([y.i, y.n, y.t, y.of], [0, 2, 0, of]);
    }),
    { numRuns: 300 },
  );
});

// ---- Property: no pushed value is lost, whatever the names ---------------------------------------

const columnTypes = [Uint8Array, Int16Array, Float32Array, Float64Array];
/** Field and method names: the segment's own, inherited ones, and random short strings. */
const anyName = fc.oneof(fc.constantFrom("i", "n", "t", "of", "constructor", "toString", "on", "w"), fc.string({ maxLength: 3 }));

test("property: over random field and method names, packType refuses every clash and no pushed value is ever lost", () => {
  const kind = fc.record({
    fields: fc.uniqueArray(fc.tuple(anyName, fc.nat(columnTypes.length - 1)), { minLength: 1, maxLength: 4, selector: (f) => f[0] }),
    methods: fc.uniqueArray(anyName, { maxLength: 3 }),
  });
  fc.assert(
    fc.property(fc.array(kind, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(fc.nat(2), fc.array(fc.nat(255), { minLength: 4, maxLength: 4 })), { maxLength: 30 }), (kinds, pushes) => {
      const s = packed();
      const types: { y: PackedType<any, any>; fields: string[] }[] = [];
      for (const { fields, methods } of kinds) {
        const of: Record<string, Float32ArrayConstructor> = {};
        for (const [f, c] of fields) of[f] = columnTypes[c] as Float32ArrayConstructor;
        const m: Record<string, () => string> = {};
        for (const k of methods) m[k] = () => k;
        const names = ["i", ...fields.map((f) => f[0]), ...methods, "n", "t", "of"];
        const clash = names.find((k, j) => names.indexOf(k) < j);
        const before = s.Y.length;
        if (clash !== undefined) {
          assert.throws(() => packType(s, of as never, m as never), { message: `${clash} is taken` });
          assert.equal(s.Y.length, before);
          continue;
        }
        const y = packType(s, of as never, m as never) as PackedType<any, any>;
        for (const k of methods) assert.equal((y[k] as () => string)(), k);
        types.push({ y, fields: fields.map((f) => f[0]) });
      }
      if (types.length === 0) return;
      // Push, with an insertion-order pass (which resets every cursor) between pushes.
      const model: { y: PackedType<any, any>; v: Record<string, number> }[] = [];
      for (const [t, vals] of pushes) {
        const { y, fields } = types[t % types.length];
        const v: Record<string, number> = {};
        fields.forEach((f, j) => (v[f] = vals[j]));
        assert.equal(packPush(s, y, v as never), model.filter((o) => o.y === y).length);
        model.push({ y, v });
        packOrder(s);
      }
      // Every value reads back, by name and from its column, and the tags keep the push order.
      assert.deepEqual(Array.from(packOrder(s)), model.map((o) => o.y.t));
      for (const { y, fields } of types) {
        const mine = model.filter((o) => o.y === y);
        assert.equal(y.n, mine.length);
        assert.equal(y.i, 0);
        for (const f of fields) {
          assert.ok(ArrayBuffer.isView(y[f]), `column ${f}`);
          mine.forEach((o, j) => {
            assert.equal(packAt(y, j, f), o.v[f]);
            assert.equal((y[f] as Float32Array)[j], o.v[f]);
          });
        }
      }
    }),
    { numRuns: 300 },
  );
});
