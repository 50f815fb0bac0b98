/**
 * The core's styles, built through its public API and called in the fastest loop its docs
 * give (docs/core.md). Same loop shapes and scoping as styles-js.ts.
 */
import { func, make, packed, packOrder, packPush, packType, tag, tagTable, trait, type Packed } from "../../src/index";
import type { Loop, Style } from "./harness";
import { H, W } from "./workload";

interface Dims {
  w: number;
  h: number;
}
interface ShapeMethods {
  area(self: Dims): number;
  grow(self: Dims, k: number): void;
}

const Shape = trait<ShapeMethods>()({
  grow: function (self: Dims, k: number) {
    self.w += k;
    self.h += k;
  },
});
const RectVT = Shape.impl({
  area: function (r: Dims) {
    return r.w * r.h;
  },
});
const TriVT = Shape.impl({
  area: function (r: Dims) {
    return (r.w * r.h) / 2;
  },
});

function rectF(this: Dims): number {
  return this.w * this.h;
}
function triF(this: Dims): number {
  return (this.w * this.h) / 2;
}

function array(n: number, make: (i: number) => unknown): unknown[] {
  var xs: unknown[] = [];
  for (var i = 0; i < n; i++) xs.push(make(i));
  return xs;
}

/** The single-method inline pointer: `area` carried as property `f` of the data; `o.f()`. */
export const thinFunc: Style = {
  id: "thin.func",
  build: function (n) {
    return array(n, function (i) {
      return func({ w: W(i), h: H(i) }, i & 1 ? triF : rectF);
    });
  },
  forOf: function (xs, n, r) {
    var s = 0;
    while (r--) for (var o of xs) s += o.f();
    return s;
  },
  index: function (xs, n, r) {
    var s = 0;
    while (r--) for (var i = 0; i < n; i++) s += xs[i].f();
    return s;
  },
  hoisted: function (xs, n, r, f) {
    var s = 0;
    while (r--) for (var o of xs) s += f.call(o);
    return s;
  },
  x: rectF,
};

/** The rect's area function, resolved once and called with each object. */
const selfHoisted: Loop = function (xs, n, r, f) {
  var s = 0;
  while (r--) for (var o of xs) s += f(o);
  return s;
};

/** A shared vtable per type (methods by name), carried in one property `v`: `o.v.area(o)`. */
export const thinVtable: Style = {
  id: "thin.vtable",
  build: function (n) {
    return array(n, function (i) {
      return make({ w: W(i), h: H(i) }, i & 1 ? TriVT : RectVT);
    });
  },
  forOf: function (xs, n, r) {
    var s = 0;
    while (r--) for (var o of xs) s += o.v.area(o);
    return s;
  },
  index: function (xs, n, r) {
    var s = 0;
    var o;
    while (r--) for (var i = 0; i < n; i++) s += (o = xs[i]).v.area(o);
    return s;
  },
  grow: function (xs, n, r) {
    var k;
    while (r--) {
      k = r & 1 ? 1 : -1;
      for (var o of xs) o.v.grow(o, k);
    }
    return 0;
  },
  hoisted: selfHoisted,
  x: RectVT.area,
};

const TABLE = tagTable([RectVT, TriVT]);

/** A small tag per object indexing one shared array per method: `A[o.t](o)`, `A = T.area` read once. */
export const thinTable: Style = {
  id: "thin.table",
  build: function (n) {
    return array(n, function (i) {
      return tag({ w: W(i), h: H(i) }, i & 1);
    });
  },
  forOf: function (xs, n, r, T) {
    var A = T.area;
    var s = 0;
    while (r--) for (var o of xs) s += A[o.t](o);
    return s;
  },
  index: function (xs, n, r, T) {
    var A = T.area;
    var s = 0;
    var o;
    while (r--) for (var i = 0; i < n; i++) s += A[(o = xs[i]).t](o);
    return s;
  },
  grow: function (xs, n, r, T) {
    var G = T.grow;
    var k;
    while (r--) {
      k = r & 1 ? 1 : -1;
      for (var o of xs) G[o.t](o, k);
    }
    return 0;
  },
  hoisted: function (xs, n, r, T, f) {
    var s = 0;
    while (r--) for (var o of xs) s += f(o);
    return s;
  },
  x: TABLE,
  y: RectVT.area,
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

/**
 * A store of both types, rects and triangles alternating. Each type's methods: `area` for the
 * insertion-order loop (reads at the type's cursor, then moves it), `sum` for the grouped loop
 * (one native call over the type's columns).
 */
function shapes(n: number): Packed {
  var s = packed();
  var R = packType(s, { w: Float32Array, h: Float32Array }, {
    area: function () {
      return this.w[this.i] * this.h[this.i++];
    },
    grow: function (k: number) {
      this.w[this.i] += k;
      this.h[this.i++] += k;
    },
    sum: function () {
      return E.convolve(this.w, this.h, 0);
    },
    growAll: growSegment,
  });
  var T = packType(s, { w: Float32Array, h: Float32Array }, {
    area: function () {
      return (this.w[this.i] * this.h[this.i++]) / 2;
    },
    grow: function (k: number) {
      this.w[this.i] += k;
      this.h[this.i++] += k;
    },
    sum: function () {
      return E.convolve(this.w, this.h, 0) / 2;
    },
    growAll: growSegment,
  });
  for (var i = 0; i < n; i++) packPush(s, i & 1 ? T : R, { w: W(i), h: H(i) });
  return s;
}

/** Unboxed objects in typed arrays, visited in insertion order: `for (t of packOrder(s)) Y[t].area()`. */
export const thinPacked: Style = {
  id: "thin.packed",
  build: shapes,
  forOf: function (st, n, r, order) {
    var Y = st.Y;
    var s = 0;
    var t;
    while (r--) for (t of order(st)) s += Y[t].area();
    return s;
  },
  grow: function (st, n, r, order) {
    var Y = st.Y;
    var k;
    var t;
    while (r--) {
      k = r & 1 ? 1 : -1;
      for (t of order(st)) Y[t].grow(k);
    }
    return 0;
  },
  x: packOrder,
};

/** The same store, grouped by type: one call per type over its columns, the work done by a native. */
export const thinBatch: Style = {
  id: "thin.batch",
  batch: true,
  build: shapes,
  forOf: function (st, n, r) {
    var s = 0;
    var y;
    while (r--) for (y of st.Y) s += y.sum();
    return s;
  },
  grow: function (st, n, r) {
    var k;
    var y;
    while (r--) {
      k = r & 1 ? 1 : -1;
      for (y of st.Y) y.growAll(k);
    }
    return 0;
  },
};
