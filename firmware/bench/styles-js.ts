/**
 * The common JavaScript styles and the floor. Each loop has the same shape and sees only its
 * parameters and locals: (container, n, reps, x, y), where x and y carry what the style needs.
 */
import type { Style } from "./harness";
import { H, W } from "./workload";

interface Dims {
  w: number;
  h: number;
  t?: number;
}

function rectArea(o: Dims): number {
  return o.w * o.h;
}
function triArea(o: Dims): number {
  return (o.w * o.h) / 2;
}

function plainArray(n: number, make: (i: number) => unknown): unknown[] {
  const xs: unknown[] = [];
  for (let i = 0; i < n; i++) xs.push(make(i));
  return xs;
}

/** A direct call of the function `f` with each element: the floor, and hoisted dispatch. */
export const directCallLoop: Style["run"] = function (xs, n, r, f) {
  let s = 0;
  while (r--) for (let i = 0; i < n; i++) s += f(xs[i]);
  return s;
};

/** The floor: a direct call of a local function, no dispatch (rect area for every element). */
export const floorLocalCall: Style = {
  id: "floor.local-call",
  build: (n) => plainArray(n, (i) => ({ w: W(i), h: H(i) })),
  run: directCallLoop,
  hoisted: directCallLoop,
  x: rectArea,
};

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
    this.w += k;
    this.h += k;
  }
}
class Tri {
  w: number;
  h: number;
  constructor(w: number, h: number) {
    this.w = w;
    this.h = h;
  }
  area(): number {
    return (this.w * this.h) / 2;
  }
  grow(k: number): void {
    this.w += k;
    this.h += k;
  }
}

/** In-loop: a method call through `this`. */
const methodLoop: Style["run"] = function (xs, n, r) {
  let s = 0;
  while (r--) for (let i = 0; i < n; i++) s += xs[i].area();
  return s;
};
/** Hoisted: the rect's method resolved once, called with each element as `this`. */
export const methodCallLoop: Style["run"] = function (xs, n, r, f) {
  let s = 0;
  while (r--) for (let i = 0; i < n; i++) s += f.call(xs[i]);
  return s;
};

/** Class instances, methods on the prototype. */
export const jsClass: Style = {
  id: "js.class",
  build: (n) => plainArray(n, (i) => (i & 1 ? new Tri(W(i), H(i)) : new Rect(W(i), H(i)))),
  run: methodLoop,
  hoisted: methodCallLoop,
  x: Rect.prototype.area,
};

/* A constructor function plus prototype, the pre-class idiom. */
function RectP(this: Dims, w: number, h: number) {
  this.w = w;
  this.h = h;
}
RectP.prototype.area = function (this: Dims) {
  return this.w * this.h;
};
RectP.prototype.grow = function (this: Dims, k: number) {
  this.w += k;
  this.h += k;
};
function TriP(this: Dims, w: number, h: number) {
  this.w = w;
  this.h = h;
}
TriP.prototype.area = function (this: Dims) {
  return (this.w * this.h) / 2;
};
TriP.prototype.grow = RectP.prototype.grow;

type Ctor = new (w: number, h: number) => Dims;

/** Constructor function plus prototype. */
export const jsPrototype: Style = {
  id: "js.prototype",
  build: (n) => plainArray(n, (i) => new ((i & 1 ? TriP : RectP) as unknown as Ctor)(W(i), H(i))),
  run: methodLoop,
  hoisted: methodCallLoop,
  x: RectP.prototype.area,
};

function litRect(w: number, h: number) {
  return {
    w: w,
    h: h,
    area: function (this: Dims) {
      return this.w * this.h;
    },
    grow: function (this: Dims, k: number) {
      this.w += k;
      this.h += k;
    },
  };
}
function litTri(w: number, h: number) {
  return {
    w: w,
    h: h,
    area: function (this: Dims) {
      return (this.w * this.h) / 2;
    },
    grow: function (this: Dims, k: number) {
      this.w += k;
      this.h += k;
    },
  };
}

/** Object literals carrying their own method closures (new functions per object). */
export const jsLiteralClosures: Style = {
  id: "js.literal-closures",
  build: (n) => plainArray(n, (i) => (i & 1 ? litTri(W(i), H(i)) : litRect(W(i), H(i)))),
  run: methodLoop,
  hoisted: function (xs, n, r) {
    // The target is per object: resolve the first object's method once.
    const f = xs[0].area;
    let s = 0;
    while (r--) for (let i = 0; i < n; i++) s += f.call(xs[i]);
    return s;
  },
};

function sharedRectArea(this: Dims) {
  return this.w * this.h;
}
function sharedTriArea(this: Dims) {
  return (this.w * this.h) / 2;
}
function sharedGrow(this: Dims, k: number) {
  this.w += k;
  this.h += k;
}

/** Object literals whose method fields point at shared functions. */
export const jsLiteralShared: Style = {
  id: "js.literal-shared",
  build: (n) =>
    plainArray(n, (i) => ({ w: W(i), h: H(i), area: i & 1 ? sharedTriArea : sharedRectArea, grow: sharedGrow })),
  run: methodLoop,
  hoisted: methodCallLoop,
  x: sharedRectArea,
};

function closureOf(w: number, h: number, tri: number): () => number {
  return tri
    ? function () {
        return (w * h) / 2;
      }
    : function () {
        return w * h;
      };
}

/** In-loop: each element is itself the function. */
const selfCallLoop: Style["run"] = function (xs, n, r) {
  let s = 0;
  while (r--) for (let i = 0; i < n; i++) s += xs[i]();
  return s;
};
/** Hoisted: the first element's function, called per element. */
const firstCallLoop: Style["run"] = function (xs, n, r) {
  const f = xs[0];
  let s = 0;
  while (r--) for (let i = 0; i < n; i++) s += f(xs[i]);
  return s;
};

/** One closure per object, capturing its data (area only, a single-method interface). */
export const jsClosure: Style = {
  id: "js.closure",
  build: (n) => plainArray(n, (i) => closureOf(W(i), H(i), i & 1)),
  run: selfCallLoop,
  hoisted: firstCallLoop,
};

function boundRect(w: number, h: number): number {
  return w * h;
}
function boundTri(w: number, h: number): number {
  return (w * h) / 2;
}

/** One bound function per object (area only). */
export const jsBind: Style = {
  id: "js.bind",
  build: (n) => plainArray(n, (i) => (i & 1 ? boundTri : boundRect).bind(null, W(i), H(i))),
  run: selfCallLoop,
  hoisted: firstCallLoop,
};

/** A tag field plus a `switch` choosing which function to call. */
export const jsSwitch: Style = {
  id: "js.switch",
  build: (n) => plainArray(n, (i) => ({ w: W(i), h: H(i), t: i & 1 })),
  run: function (xs, n, r, f, g) {
    let s = 0;
    while (r--)
      for (let i = 0; i < n; i++) {
        const o = xs[i];
        switch (o.t) {
          case 0:
            s += f(o);
            break;
          default:
            s += g(o);
        }
      }
    return s;
  },
  hoisted: directCallLoop,
  x: rectArea,
  y: triArea,
};
