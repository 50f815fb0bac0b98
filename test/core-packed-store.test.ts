import { test } from "node:test";
import assert from "node:assert/strict";
import { PackedStore, trait } from "../src/index.ts";

type S = PackedStore;
const P = trait<{ area(s: S, o: number): number; grow(s: S, o: number, k: number): void }>()(["area", "grow"]);
// { w: "f32", h: "f32" }: at = { w: 0, h: 4 }, so the f32 indexes are o >> 2 and (o >> 2) + 1.
const RectVT = P.impl({
  area: (s, o) => s.f32[o >> 2] * s.f32[(o >> 2) + 1],
  grow: (s, o, k) => {
    s.f32[o >> 2] *= k;
    s.f32[(o >> 2) + 1] *= k;
  },
});
// { r: "u8" }: one byte at o.
const DotVT = P.impl({
  area: (s, o) => s.u8[o],
  grow: (s, o, k) => {
    s.u8[o] *= k;
  },
});

function rects(n: number) {
  const s = new PackedStore<typeof RectVT>();
  const rect = s.type({ w: "f32", h: "f32" }, RectVT);
  const dot = s.type({ r: "u8" }, DotVT);
  return { s, rect, dot };
}

test("type: layout in schema order, each field aligned to its width", () => {
  const s = new PackedStore();
  const t = s.type({ a: "u8", b: "f64", c: "i16", d: "u8", e: "u32" }, []);
  assert.deepEqual(t.at, { a: 0, b: 8, c: 16, d: 18, e: 20 });
  assert.equal(t.z, 24);
  assert.equal(t.a, 8);
  assert.equal(t.t, 0);
  const u = s.type({ x: "u8" }, []);
  assert.deepEqual([u.t, u.z, u.a], [1, 1, 1]);
  const e = s.type({}, []);
  assert.deepEqual([e.z, e.a], [0, 1]);
  assert.equal(s.V.length, 3);
  assert.equal(s.Y[1], u);
});

test("push: objects start at a multiple of their type's largest width", () => {
  const { s, rect, dot } = rects(0);
  assert.equal(s.push(dot, { r: 1 }), 0);
  assert.equal(s.push(rect, { w: 2, h: 3 }), 1);
  assert.equal(s.push(dot, { r: 4 }), 2);
  assert.equal(s.push(dot, { r: 5 }), 3);
  assert.equal(s.push(rect, { w: 1, h: 1 }), 4);
  assert.deepEqual(Array.from(s.O.subarray(0, 5)), [0, 4, 12, 13, 16]);
  assert.deepEqual(Array.from(s.T.subarray(0, 5)), [1, 0, 1, 1, 0]);
  assert.equal(s.length, 5);
  for (let i = 0; i < s.length; i++) assert.equal(s.O[i] % s.Y[s.T[i]].a, 0);
});

test("an empty store has no capacity; views appear with the types that use them", () => {
  const s = new PackedStore();
  const view = (w: string) => (s as unknown as Record<string, unknown>)[w];
  assert.deepEqual([s.length, s.b.byteLength, s.O.length, s.T.length], [0, 0, 0, 0]);
  assert.equal(view("f64"), undefined);
  s.type({ x: "f64" }, []);
  assert.equal(s.f64.length, 0);
  const t = s.type({ y: "i16" }, []);
  s.push(t, { y: -5 });
  assert.equal(s.b.byteLength, 8);
  assert.deepEqual([s.O.length, s.T.length], [8, 8]);
  assert.equal(s.i16[0], -5);
  assert.equal(s.f64.buffer, s.b);
  assert.equal(view("u8"), undefined);
});

test("get/set read and write fields; views see the same bytes", () => {
  const { s, rect, dot } = rects(0);
  s.push(dot, { r: 9 });
  const i = s.push(rect, { w: 2.5, h: 4 });
  assert.equal(s.get(i, "w"), 2.5);
  assert.equal(s.get(i, "h"), 4);
  assert.equal(s.get(0, "r"), 9);
  s.set(i, "h", 8);
  assert.equal(s.f32[(s.O[i] + rect.at.h) >> 2], 8);
  assert.equal(s.u8[s.O[0]], 9);
});

test("call dispatches through the type's vtable; the hot loop pattern works", () => {
  const { s, rect, dot } = rects(0);
  s.push(rect, { w: 2, h: 3 });
  s.push(dot, { r: 7 });
  assert.equal(s.call(0, P.slot.area), 6);
  s.call(0, P.slot.grow, 2);
  s.call(1, P.slot.grow, 2);
  const V = s.V, T = s.T, O = s.O;
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += V[T[i]][0](s, O[i]);
  assert.equal(sum, 24 + 14);
});

test("pop removes the last object, returns its tag, and the next push reuses its bytes", () => {
  const { s, rect, dot } = rects(0);
  s.push(rect, { w: 1, h: 1 });
  s.push(dot, { r: 3 });
  assert.equal(s.pop(), 1);
  assert.equal(s.length, 1);
  s.push(dot, { r: 4 });
  assert.equal(s.O[1], 8);
  assert.equal(s.pop(), 1);
  assert.equal(s.pop(), 0);
  assert.throws(() => s.pop(), { message: "index -1 out of range" });
  assert.equal(s.length, 0);
  s.push(rect, { w: 5, h: 5 });
  assert.equal(s.O[0], 0);
  assert.equal(s.call(0, 0), 25);
});

test("growth: capacities are powers of two, O(log N) allocations, contents preserved", () => {
  const { s, rect, dot } = rects(0);
  let buffers = 0, descs = 0, lastBuf: ArrayBufferLike | null = null, lastO: Uint32Array | null = null;
  const N = 1000;
  for (let i = 0; i < N; i++) {
    if (i % 3) s.push(rect, { w: i, h: i + 1 });
    else s.push(dot, { r: i & 255 });
    if (s.b !== lastBuf) (buffers++, (lastBuf = s.b));
    if (s.O !== lastO) (descs++, (lastO = s.O));
    const cap: number = s.b.byteLength, slots: number = s.O.length;
    assert.equal(cap & (cap - 1), 0, "data capacity is a power of two");
    assert.equal(slots & (slots - 1), 0, "descriptor capacity is a power of two");
    assert.equal(s.T.length, slots);
    assert.ok(cap >= 8 && slots >= 8);
  }
  // 8 → 8192 bytes and 8 → 1024 descriptors: one allocation per doubling.
  assert.ok(buffers <= Math.ceil(Math.log2(s.b.byteLength)) - 2, `buffers ${buffers}`);
  assert.ok(descs <= Math.ceil(Math.log2(N)) - 2, `descriptors ${descs}`);
  // Views exist for the widths in use only, all over the current buffer.
  assert.equal(s.u8.buffer, s.b);
  assert.equal(s.f32.buffer, s.b);
  for (const k of ["i8", "i16", "u16", "i32", "u32", "f64"]) assert.equal((s as unknown as Record<string, unknown>)[k], undefined);
  for (let i = 0; i < N; i++) {
    if (i % 3) {
      assert.equal(s.get(i, "w"), i);
      assert.equal(s.call(i, P.slot.area), i * (i + 1));
    } else assert.equal(s.get(i, "r"), i & 255);
  }
});

test("values are checked per width; a failed write changes nothing", () => {
  const s = new PackedStore();
  const t = s.type({ a: "i8", b: "u8", c: "i16", d: "u16", e: "i32", f: "u32", g: "f32", h: "f64" }, []);
  const ok = { a: -128, b: 255, c: -32768, d: 65535, e: -2147483648, f: 4294967295, g: 3.4e38, h: 1e300 };
  s.push(t, ok);
  for (const k of Object.keys(ok) as (keyof typeof ok)[]) assert.equal(s.get(0, k), k == "g" ? Math.fround(3.4e38) : ok[k]);
  const bad: [keyof typeof ok, number][] = [
    ["a", 128], ["a", -129], ["b", 256], ["b", -1], ["b", 1.5], ["c", 32768], ["d", 65536],
    ["e", 2147483648], ["f", -1], ["f", 4294967296], ["g", 1e39], ["g", NaN], ["g", Infinity], ["h", NaN], ["h", -Infinity],
  ];
  for (const [k, v] of bad) {
    assert.throws(() => s.set(0, k, v), { message: `${k}=${v} does not fit ${t.of[k]}` });
    assert.equal(s.get(0, k), k == "g" ? Math.fround(3.4e38) : ok[k]);
  }
  assert.throws(() => s.push(t, { ...ok, c: 1e6 }), /c=1000000 does not fit i16/);
  assert.throws(() => s.push(t, { ...ok, h: undefined as unknown as number }), /h=undefined does not fit f64/);
  assert.equal(s.length, 1);
});

test("errors: index out of range, unknown type, unknown field", () => {
  const { s, rect } = rects(0);
  s.push(rect, { w: 1, h: 2 });
  for (const i of [-1, 1, 0.5, NaN]) {
    assert.throws(() => s.get(i, "w"), { message: `index ${i} out of range` });
    assert.throws(() => s.set(i, "w", 1), /out of range/);
    assert.throws(() => s.call(i, 0), /out of range/);
  }
  assert.throws(() => s.get(0, "r"), { message: "no field r" });
  const other = new PackedStore().type({ w: "f32", h: "f32" }, RectVT);
  assert.throws(() => s.push(other, { w: 1, h: 1 }), { message: "unknown type" });
  assert.equal(s.length, 1);
});

// Type-level checks: this file is type-checked by `tsc -p tsconfig.json`.
export function typeChecks(): void {
  const { s, rect } = rects(0);
  // @ts-expect-error every field needs a value
  s.push(rect, { w: 1 });
  // @ts-expect-error widths are checked
  s.type({ w: "f16" }, RectVT);
  const a: number = s.call(0, P.slot.area);
  // @ts-expect-error call's return type follows the slot
  const g: string = s.call(0, P.slot.grow, 2);
  void a;
  void g;
}
