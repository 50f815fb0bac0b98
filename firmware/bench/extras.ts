/**
 * Hand-written rows of the built-in bench, beside the styles generated from its workload
 * (firmware/workloads/shapes.ts): two references no generator can derive (the work with no call
 * and no branch; a direct call with no dispatch) and a kernel (`thin.batch`: the area sum handed
 * to a native, `E.convolve`). Same loop shapes and scoping as the generated styles: loops see
 * only their parameters and locals, and use `var`.
 */
import { packed, packPush, packType, type Packed } from "../../src/index";
import type { Style } from "./harness";
import { H, W } from "./workload";

interface Dims {
  w: number;
  h: number;
  t: number;
}

function plainArray(n: number, make: (i: number) => unknown): unknown[] {
  var xs: unknown[] = [];
  for (var i = 0; i < n; i++) xs.push(make(i));
  return xs;
}

/** Every field of every object added up (w and h: the workload's fields; not the tag or factor). */
function checkObjects(xs: Dims[]): number {
  var c = 0;
  for (var o of xs) c += o.w + o.h;
  return c;
}

/** `{w, h, k}`: the baseline's data: the type stored as its area factor (k: 1 rect, 0.5 tri). */
function factored(i: number): { w: number; h: number; k: number } {
  return { w: W(i), h: H(i), k: i & 1 ? 0.5 : 1 };
}

/**
 * The same work as every style with no dispatch at all: no call and no branch, the type applied
 * as a factor. The cheapest code for the work, so no per-object style should beat it. A branch on
 * a tag would not be: in an index loop it needs a temporary, and the temporary plus the branch
 * cost about what `xs[i].f()` costs (2v29: 6.6 against 6.3 µs an element; docs/bench.md).
 */
export const baselineInline: Style = {
  id: "baseline.inline",
  build: function (n) {
    return plainArray(n, factored);
  },
  loops: [
    function (xs, n, r) {
      var s = 0;
      while (r--) for (var o of xs) s += o.w * o.h * o.k;
      return s;
    },
    function (xs, n, r) {
      while (r--)
        for (var o of xs) {
          o.w += 1;
          o.h += 1;
        }
      return 0;
    },
  ],
  // One lookup per element, as every style makes: each `xs[i]` walks the Array's list again.
  index: function (xs, n, r) {
    var s = 0;
    var o;
    while (r--) for (var i = 0; i < n; i++) s += (o = xs[i]).w * o.h * o.k;
    return s;
  },
  check: checkObjects,
};

/** `{w, h, t}`: the data every tag-based style stores (t: 0 rect, 1 tri). */
function tagged(i: number): Dims {
  return { w: W(i), h: H(i), t: i & 1 };
}

function areaOf(o: Dims): number {
  return o.t ? (o.w * o.h) / 2 : o.w * o.h;
}
function growOf(o: Dims, k: number): void {
  o.w += k;
  o.h += k;
}

/** A direct call of a known function, no dispatch: the same per-type work, behind a call. */
export const floorLocalCall: Style = {
  id: "floor.local-call",
  build: function (n) {
    return plainArray(n, tagged);
  },
  loops: [
    function (xs, n, r, f) {
      var s = 0;
      while (r--) for (var o of xs) s += f(o);
      return s;
    },
    function (xs, n, r, f, g) {
      while (r--) for (var o of xs) g(o, 1);
      return 0;
    },
  ],
  index: function (xs, n, r, f) {
    var s = 0;
    while (r--) for (var i = 0; i < n; i++) s += f(xs[i]);
    return s;
  },
  check: checkObjects,
  x: areaOf,
  y: growOf,
};

/**
 * Grows every object of a segment by k: a loop over its columns (slots past `n` stay 0, so a
 * native over whole columns still sums only the objects).
 */
function growSegment(this: any, k: number): void {
  var w = this.w;
  var h = this.h;
  for (var j = 0; j < this.n; j++) {
    w[j] += k;
    h[j] += k;
  }
}
function rectSum(this: any): number {
  return E.convolve(this.w, this.h, 0);
}
function triSum(this: any): number {
  return E.convolve(this.w, this.h, 0) / 2;
}
var COLUMNS = { w: Float32Array, h: Float32Array };

/** A store of both types, each with `sum`: one native call over the type's columns. */
function shapes(n: number): Packed {
  var s = packed();
  var R = packType(s, COLUMNS, { sum: rectSum, grow: growSegment });
  var T = packType(s, COLUMNS, { sum: triSum, grow: growSegment });
  for (var i = 0; i < n; i++) packPush(s, i & 1 ? T : R, { w: W(i), h: H(i) });
  return s;
}

/** The packed store grouped by type, the area sum done by a native: a kernel, not an interface. */
export const thinBatch: Style = {
  id: "thin.batch",
  batch: true,
  build: shapes,
  loops: [
    function (st, n, r) {
      var s = 0;
      var y;
      while (r--) for (y of st.Y) s += y.sum();
      return s;
    },
    function (st, n, r) {
      var y;
      while (r--) for (y of st.Y) y.grow(1);
      return 0;
    },
  ],
  check: function (st: Packed): number {
    var c = 0;
    var y;
    for (y of st.Y) for (var j = 0; j < y.n; j++) c += y.w[j] + y.h[j];
    return c;
  },
};

