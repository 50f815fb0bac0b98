/**
 * Memory probe: JsVars per object for each representation of the canonical workload (two number
 * fields `w`, `h`), N=200 objects kept in an Array (so figures include the array slot), measured
 * as the difference of `process.memory().usage` (which garbage-collects first) divided by N.
 * The figures in docs/core.md come from this program on Espruino 2v29 for Linux.
 */
import { func, make, packed, packPush, packType, tag, trait } from "../../src/index";

const N = 200;

interface Dims {
  w: number;
  h: number;
}
class Rect {
  w: number;
  h: number;
  constructor(w: number, h: number) {
    this.w = w;
    this.h = h;
  }
  area(): number {
    return this.w * this.h;
  }
  grow(k: number): void {
    this.w *= k;
    this.h *= k;
  }
}
function area(this: Dims): number {
  return this.w * this.h;
}
function areaOf(d: Dims): number {
  return d.w * d.h;
}
function closeData(d: Dims): () => number {
  return function () {
    return d.w * d.h;
  };
}
function closeNums(w: number, h: number): () => number {
  return function () {
    return w * h;
  };
}
const Shape = trait<{ area(self: Dims): number; grow(self: Dims, k: number): void }>()();
const RectVT = Shape.impl({
  area: areaOf,
  grow: function (s, k) {
    s.w += k;
    s.h += k;
  },
});

/** JsVars per object made by `make`, and the bytes they take on this build. */
function perObject(name: string, make: (i: number) => unknown): void {
  var a: unknown[] = [], m = process.memory(), u0 = m.usage, i;
  for (i = 0; i < N; i++) a.push(make(i));
  var v = (process.memory().usage - u0) / N;
  print(name + ": " + v.toFixed(2) + " JsVars, " + (v * m.blocksize).toFixed(1) + " bytes per object");
}

/**
 * The whole packed store (tag stream, two types with two f32 columns each, spare capacity) per
 * object, for `n` objects alternating between the two types as in the bench. `label` tells the
 * first store apart from a later one: the first use of a typed array kind instantiates its
 * built-in constructor (a one-time cost shared by every store), so the second figure is the steady one.
 */
function perPacked(label: string, n: number): void {
  var m = process.memory(), u0 = m.usage, i;
  var s = packed();
  var rect = packType(s, { w: Float32Array, h: Float32Array }, {});
  var tri = packType(s, { w: Float32Array, h: Float32Array }, {});
  for (i = 0; i < n; i++) packPush(s, i & 1 ? tri : rect, { w: i, h: i + 1 });
  var v = (process.memory().usage - u0) / n;
  print("packed store 2 types x {w,h} f32, N=" + n + " (" + label + "): " + v.toFixed(2) + " JsVars, " + (v * m.blocksize).toFixed(1) +
    " bytes per object; capacity " + rect.w.length + "+" + tri.w.length + " per column, " + s.T.length + " tags");
}

function main(): void {
  print("N=" + N + " blocksize=" + process.memory().blocksize + " " + process.env.VERSION);
  perObject("plain {w,h}", function (i) { return { w: i, h: i + 1 }; });
  perObject("class instance", function (i) { return new Rect(i, i + 1); });
  perObject("closure over data", function (i) { return closeData({ w: i, h: i + 1 }); });
  perObject("closure over w,h", function (i) { return closeNums(i, i + 1); });
  perObject("bind", function (i) { return areaOf.bind(null, { w: i, h: i + 1 }); });
  perObject("func (inline f)", function (i) { return func({ w: i, h: i + 1 }, area); });
  perObject("vtable (make)", function (i) { return make({ w: i, h: i + 1 }, RectVT); });
  perObject("tag (tag table)", function (i) { return tag({ w: i, h: i + 1 }, i & 1); });
  perPacked("first", N);
  perPacked("again", N);
  perPacked("again", 257);
  print("DONE");
}

main();
