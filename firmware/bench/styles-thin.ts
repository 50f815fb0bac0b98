/**
 * The core's styles, built through its public API and called the way its docs say hot code
 * should call them. Same loop shape and scoping as styles-js.ts.
 */
import { func, PackedStore, tag, tagTable, trait } from "../../src/index";
import type { Style } from "./harness";
import { directCallLoop, methodCallLoop } from "./styles-js";
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

/** The single-method inline pointer: `area` carried as property `f` of the data. */
export const thinFunc: Style = {
  id: "thin.func",
  build: (n) => {
    const xs = [];
    for (let i = 0; i < n; i++) xs.push(func({ w: W(i), h: H(i) }, i & 1 ? triF : rectF));
    return xs;
  },
  run: function (xs, n, r) {
    let s = 0;
    while (r--) for (let i = 0; i < n; i++) s += xs[i].f();
    return s;
  },
  hoisted: methodCallLoop,
  x: rectF,
};

/** A shared vtable per type, carried in one property `v`. */
export const thinVtable: Style = {
  id: "thin.vtable",
  build: (n) => {
    const xs = [];
    for (let i = 0; i < n; i++) xs.push(Shape.make({ w: W(i), h: H(i) }, i & 1 ? TriVT : RectVT));
    return xs;
  },
  run: function (xs, n, r) {
    let s = 0;
    while (r--)
      for (let i = 0; i < n; i++) {
        const o = xs[i];
        s += o.v[0](o);
      }
    return s;
  },
  hoisted: directCallLoop,
  x: RectVT[0],
};

const TABLE = tagTable([RectVT, TriVT]);

/** A small tag per object indexing a shared table of vtables. */
export const thinTable: Style = {
  id: "thin.table",
  build: (n) => {
    const xs = [];
    for (let i = 0; i < n; i++) xs.push(tag({ w: W(i), h: H(i) }, TABLE, i & 1 ? TriVT : RectVT));
    return xs;
  },
  run: function (xs, n, r, T) {
    let s = 0;
    while (r--)
      for (let i = 0; i < n; i++) {
        const o = xs[i];
        s += T[o.t][0](o);
      }
    return s;
  },
  hoisted: function (xs, n, r, T) {
    const f = T[0][0];
    let s = 0;
    while (r--) for (let i = 0; i < n; i++) s += f(xs[i]);
    return s;
  },
  x: TABLE,
};

type Packed = PackedStore;
const PACKED_RECT = [
  function (s: Packed, o: number) {
    const f = s.f32;
    return f[o >> 2] * f[(o >> 2) + 1];
  },
  function (s: Packed, o: number, k: number) {
    s.f32[o >> 2] += k;
    s.f32[(o >> 2) + 1] += k;
  },
];
const PACKED_TRI = [
  function (s: Packed, o: number) {
    const f = s.f32;
    return (f[o >> 2] * f[(o >> 2) + 1]) / 2;
  },
  PACKED_RECT[1],
];

/** Unboxed objects in typed arrays: one data buffer plus (offset, tag) descriptors. */
export const thinPacked: Style = {
  id: "thin.packed",
  build: (n) => {
    const st = new PackedStore();
    const rect = st.type({ w: "f32", h: "f32" }, PACKED_RECT);
    const tri = st.type({ w: "f32", h: "f32" }, PACKED_TRI);
    for (let i = 0; i < n; i++) st.push(i & 1 ? tri : rect, { w: W(i), h: H(i) });
    return st;
  },
  run: function (st, n, r) {
    const V = st.V;
    const T = st.T;
    const O = st.O;
    let s = 0;
    while (r--) for (let i = 0; i < n; i++) s += V[T[i]][0](st, O[i]);
    return s;
  },
  empty: function (st, n, r) {
    const O = st.O;
    let s;
    while (r--) for (let i = 0; i < n; i++) s = O[i];
    return s ? 0 : 1;
  },
  hoisted: function (st, n, r) {
    const f = st.V[0][0];
    const O = st.O;
    let s = 0;
    while (r--) for (let i = 0; i < n; i++) s += f(st, O[i]);
    return s;
  },
};
