/**
 * The core's styles, built through its public API and called the way its docs say hot code
 * should call them. Same loop shape and scoping as styles-js.ts.
 */
import { func, PackedStore, tag, tagTable, trait } from "../../src/index";
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

const Shape = trait<ShapeMethods>()(["area", "grow"]);
function grow(self: Dims, k: number): void {
  self.w += k;
  self.h += k;
}
const RectVT = Shape.impl({ area: (r) => r.w * r.h, grow: grow });
const TriVT = Shape.impl({ area: (r) => (r.w * r.h) / 2, grow: grow });

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

/** The hoisted loop of the vtable styles: the rect's area function, called with each object. */
const selfHoisted: Loop = function (xs, n, r, f) {
  var s = 0;
  while (r--) for (var o of xs) s += f(o);
  return s;
};

/** A shared vtable per type, carried in one property `v`: `o.v[0](o)`. */
export const thinVtable: Style = {
  id: "thin.vtable",
  build: function (n) {
    return array(n, function (i) {
      return Shape.make({ w: W(i), h: H(i) }, i & 1 ? TriVT : RectVT);
    });
  },
  forOf: function (xs, n, r) {
    var s = 0;
    while (r--) for (var o of xs) s += o.v[0](o);
    return s;
  },
  index: function (xs, n, r) {
    var s = 0;
    var o;
    while (r--) for (var i = 0; i < n; i++) s += (o = xs[i]).v[0](o);
    return s;
  },
  grow: function (xs, n, r) {
    var k;
    while (r--) {
      k = r & 1 ? 1 : -1;
      for (var o of xs) o.v[1](o, k);
    }
    return 0;
  },
  hoisted: selfHoisted,
  x: RectVT[0],
};

const TABLE = tagTable([RectVT, TriVT]);

/** A small tag per object indexing a shared table of vtables: `T[o.t][0](o)`. */
export const thinTable: Style = {
  id: "thin.table",
  build: function (n) {
    return array(n, function (i) {
      return tag({ w: W(i), h: H(i) }, TABLE, i & 1 ? TriVT : RectVT);
    });
  },
  forOf: function (xs, n, r, T) {
    var s = 0;
    while (r--) for (var o of xs) s += T[o.t][0](o);
    return s;
  },
  index: function (xs, n, r, T) {
    var s = 0;
    var o;
    while (r--) for (var i = 0; i < n; i++) s += T[(o = xs[i]).t][0](o);
    return s;
  },
  grow: function (xs, n, r, T) {
    var k;
    while (r--) {
      k = r & 1 ? 1 : -1;
      for (var o of xs) T[o.t][1](o, k);
    }
    return 0;
  },
  hoisted: function (xs, n, r, T, f) {
    var s = 0;
    while (r--) for (var o of xs) s += f(o);
    return s;
  },
  x: TABLE,
  y: RectVT[0],
};

type Packed = PackedStore;
const PACKED_RECT = [
  function (s: Packed, o: number) {
    var f = s.f32;
    return f[o >> 2] * f[(o >> 2) + 1];
  },
  function (s: Packed, o: number, k: number) {
    s.f32[o >> 2] += k;
    s.f32[(o >> 2) + 1] += k;
  },
];
const PACKED_TRI = [
  function (s: Packed, o: number) {
    var f = s.f32;
    return (f[o >> 2] * f[(o >> 2) + 1]) / 2;
  },
  PACKED_RECT[1],
];

/** Unboxed objects in typed arrays, visited in insertion order. */
export const thinPacked: Style = {
  id: "thin.packed",
  build: function (n) {
    var st = new PackedStore();
    var rect = st.type({ w: "f32", h: "f32" }, PACKED_RECT);
    var tri = st.type({ w: "f32", h: "f32" }, PACKED_TRI);
    for (var i = 0; i < n; i++) st.push(i & 1 ? tri : rect, { w: W(i), h: H(i) });
    return st;
  },
  forOf: function (st, n, r) {
    var V = st.V;
    var T = st.T;
    var O = st.O;
    var s = 0;
    while (r--) for (var i = 0; i < n; i++) s += V[T[i]][0](st, O[i]);
    return s;
  },
  grow: function (st, n, r) {
    var V = st.V;
    var T = st.T;
    var O = st.O;
    var k;
    while (r--) {
      k = r & 1 ? 1 : -1;
      for (var i = 0; i < n; i++) V[T[i]][1](st, O[i], k);
    }
    return 0;
  },
};
