/**
 * The baseline and the common JavaScript styles. Every loop has the same shapes and sees only
 * its parameters and locals: (container, n, reps, x, y), where x and y carry what the style needs.
 * Loops use `var`: on Espruino a `let`/`const` in a loop body costs a scope object per iteration.
 */
import type { Loop, Style } from "./harness";
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

/** `{w, h, t}`: the data every tag-based style stores (t: 0 rect, 1 tri). */
function tagged(i: number): Dims {
  return { w: W(i), h: H(i), t: i & 1 };
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
  forOf: function (xs, n, r) {
    var s = 0;
    while (r--) for (var o of xs) s += o.w * o.h * o.k;
    return s;
  },
  // One lookup per element, as every style makes: each `xs[i]` walks the Array's list again.
  index: function (xs, n, r) {
    var s = 0;
    var o;
    while (r--) for (var i = 0; i < n; i++) s += (o = xs[i]).w * o.h * o.k;
    return s;
  },
  grow: function (xs, n, r) {
    var k;
    while (r--) {
      k = r & 1 ? 1 : -1;
      for (var o of xs) {
        o.w += k;
        o.h += k;
      }
    }
    return 0;
  },
};

function areaOf(o: Dims): number {
  return o.t ? (o.w * o.h) / 2 : o.w * o.h;
}
function growOf(o: Dims, k: number): void {
  o.w += k;
  o.h += k;
}

/** A direct call of `f` with each element. */
const directCall: Loop = function (xs, n, r, f) {
  var s = 0;
  while (r--) for (var o of xs) s += f(o);
  return s;
};
/** A direct call of `g(o, k)` with each element. */
const directGrow: Loop = function (xs, n, r, f, g) {
  var k;
  while (r--) {
    k = r & 1 ? 1 : -1;
    for (var o of xs) g(o, k);
  }
  return 0;
};

/** A direct call of a known function, no dispatch: the same per-type work, behind a call. */
export const floorLocalCall: Style = {
  id: "floor.local-call",
  build: function (n) {
    return plainArray(n, tagged);
  },
  forOf: directCall,
  index: function (xs, n, r, f) {
    var s = 0;
    while (r--) for (var i = 0; i < n; i++) s += f(xs[i]);
    return s;
  },
  grow: directGrow,
  x: areaOf,
  y: growOf,
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

/** `o.area()` in each loop shape, `o.grow(k)`, and the rect's method hoisted. */
const methodForOf: Loop = function (xs, n, r) {
  var s = 0;
  while (r--) for (var o of xs) s += o.area();
  return s;
};
const methodIndex: Loop = function (xs, n, r) {
  var s = 0;
  while (r--) for (var i = 0; i < n; i++) s += xs[i].area();
  return s;
};
const methodGrow: Loop = function (xs, n, r) {
  var k;
  while (r--) {
    k = r & 1 ? 1 : -1;
    for (var o of xs) o.grow(k);
  }
  return 0;
};
const methodHoisted: Loop = function (xs, n, r, f) {
  var s = 0;
  while (r--) for (var o of xs) s += f.call(o);
  return s;
};

function methods(id: string, make: (i: number) => unknown, hoist: unknown): Style {
  return {
    id: id,
    build: function (n) {
      return plainArray(n, make);
    },
    forOf: methodForOf,
    index: methodIndex,
    grow: methodGrow,
    hoisted: methodHoisted,
    x: hoist,
  };
}

/** Class instances, methods on the prototype. */
export const jsClass = methods(
  "js.class",
  function (i) {
    return i & 1 ? new Tri(W(i), H(i)) : new Rect(W(i), H(i));
  },
  Rect.prototype.area,
);

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
export const jsPrototype = methods(
  "js.prototype",
  function (i) {
    return new ((i & 1 ? TriP : RectP) as unknown as Ctor)(W(i), H(i));
  },
  RectP.prototype.area,
);

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
export const jsLiteralClosures: Style = methods(
  "js.literal-closures",
  function (i) {
    return i & 1 ? litTri(W(i), H(i)) : litRect(W(i), H(i));
  },
  undefined,
);
// The target is per object: resolve the first object's method once.
jsLiteralClosures.hoisted = function (xs, n, r) {
  var f = xs[0].area;
  var s = 0;
  while (r--) for (var o of xs) s += f.call(o);
  return s;
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
export const jsLiteralShared = methods(
  "js.literal-shared",
  function (i) {
    return { w: W(i), h: H(i), area: i & 1 ? sharedTriArea : sharedRectArea, grow: sharedGrow };
  },
  sharedRectArea,
);

function closureOf(w: number, h: number, tri: number): () => number {
  return tri
    ? function () {
        return (w * h) / 2;
      }
    : function () {
        return w * h;
      };
}

/** Each element is itself the function (a single-method interface: area only, no grow). */
const selfForOf: Loop = function (xs, n, r) {
  var s = 0;
  while (r--) for (var f of xs) s += f();
  return s;
};
const selfIndex: Loop = function (xs, n, r) {
  var s = 0;
  while (r--) for (var i = 0; i < n; i++) s += xs[i]();
  return s;
};

/** One closure per object, capturing its data. */
export const jsClosure: Style = {
  id: "js.closure",
  build: function (n) {
    return plainArray(n, function (i) {
      return closureOf(W(i), H(i), i & 1);
    });
  },
  forOf: selfForOf,
  index: selfIndex,
};

function boundRect(w: number, h: number): number {
  return w * h;
}
function boundTri(w: number, h: number): number {
  return (w * h) / 2;
}

/** One bound function per object. */
export const jsBind: Style = {
  id: "js.bind",
  build: function (n) {
    return plainArray(n, function (i) {
      return (i & 1 ? boundTri : boundRect).bind(null, W(i), H(i));
    });
  },
  forOf: selfForOf,
  index: selfIndex,
};

/** A tag field and a `switch` on it doing the work inline (the build keeps it a switch). */
export const jsSwitch: Style = {
  id: "js.switch",
  build: function (n) {
    return plainArray(n, tagged);
  },
  forOf: function (xs, n, r) {
    var s = 0;
    while (r--)
      for (var o of xs)
        switch (o.t) {
          case 0:
            s += o.w * o.h;
            break;
          case 1:
            s += (o.w * o.h) / 2;
        }
    return s;
  },
  index: function (xs, n, r) {
    var s = 0;
    var o;
    while (r--)
      for (var i = 0; i < n; i++)
        switch ((o = xs[i]).t) {
          case 0:
            s += o.w * o.h;
            break;
          case 1:
            s += (o.w * o.h) / 2;
        }
    return s;
  },
  grow: function (xs, n, r) {
    var k;
    while (r--) {
      k = r & 1 ? 1 : -1;
      for (var o of xs)
        switch (o.t) {
          case 0:
            o.w += k;
            o.h += k;
            break;
          case 1:
            o.w += k;
            o.h += k;
        }
    }
    return 0;
  },
};
