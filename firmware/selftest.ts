/**
 * On-device self-test of the core: exercises every API on the real interpreter and prints
 * `PASS <name>` / `FAIL <name>: <msg>` per check, then `SELFTEST <passed>/<total>`.
 * Mirrors test/core-*.test.ts, so the same behaviours are checked on Node and on Espruino.
 */
import { callOnce, func, funcMut, funcOnce, make, packAt, packed, packOrder, packPop, packPush, packType, tag, tagTable, trait } from "../src/index";
import type { At, TagColumn, Tagged } from "../src/index";
import { CHECKED } from "../src/checked";

var passed = 0;
var total = 0;

/** Runs one check: `fn` returns true, or a message / throws on failure. */
function check(name: string, fn: () => true | string): void {
  var r: true | string;
  total++;
  try {
    r = fn();
  } catch (e) {
    r = "threw " + e;
  }
  if (r === true) {
    passed++;
    print("PASS " + name);
  } else print("FAIL " + name + ": " + r);
}

/** True, or a message showing what differs. */
function eq(got: unknown, want: unknown): true | string {
  return got === want ? true : "got " + got + ", want " + want;
}

/** True if `fn` throws anything (what the interpreter says varies). */
function threw(fn: () => unknown): true | string {
  try {
    fn();
  } catch (e) {
    return true;
  }
  return "did not throw";
}

/** True if `fn` throws an Error whose message is `msg`. */
function throws(fn: () => unknown, msg: string): true | string {
  try {
    fn();
  } catch (e) {
    return eq((e as Error).message, msg);
  }
  return "did not throw";
}

interface Dims {
  w: number;
  h: number;
}
function rectArea(this: Dims): number {
  return this.w * this.h;
}

/** All checks, inside one function: top-level statement chains are not REPL-safe once minified. */
function main(): void {
  check("func", function () {
    var r = func({ w: 2, h: 3 }, rectArea);
    return eq(r.f() + Object.keys(r).join(), "6w,h,f");
  });
  check("func args", function () {
    var r = func({ w: 2 }, function (a: number, b: number) {
      return this.w * a + b;
    });
    return eq(r.f(3, 4), 10);
  });
  check("funcMut", function () {
    var c = funcMut({ n: 0 }, function (k: number) {
      this.n += k;
    });
    c.f(2);
    c.f(3);
    return eq(c.n, 5);
  });
  check("funcOnce", function () {
    // f is spent before it runs: a call that finds its own f still there returns -1.
    var o = funcOnce({ n: 1 }, function (this: { n: number; f?: unknown }, k: number) {
      return this.f === 0 ? (this.n += k) : -1;
    });
    var first = callOnce(o, 2);
    // The checked build names the misuse; the default build throws on the spent f (0) itself.
    return first !== 3 ? "first call " + first : CHECKED ? throws(function () { callOnce(o, 2); }, "FuncOnce called twice") : threw(function () { callOnce(o, 2); });
  });

  interface ShapeMethods {
    area(self: object): number;
    grow(self: object, k: number): void;
    describe(self: object): string;
  }
  const Shape = trait<ShapeMethods>()({ describe: function () { return "shape"; } });
  const RectVT = Shape.impl({
    area: function (r: Dims) { return r.w * r.h; },
    grow: function (r: Dims, k: number) { r.w *= k; r.h *= k; },
  });
  const CircVT = Shape.impl({
    area: function (c: { r: number }) { return 3 * c.r * c.r; },
    grow: function (c: { r: number }, k: number) { c.r *= k; },
    describe: function () { return "circle"; },
  });

  check("trait impl", function () {
    return eq(Object.keys(RectVT).sort().join() + "," + RectVT.describe({}) + "," + CircVT.describe({}), "area,describe,grow,shape,circle");
  });
  check("vtable make + for-of", function () {
    var xs = [make({ w: 2, h: 3 }, RectVT), make({ r: 2 }, CircVT)], s = 0, o;
    xs[0].v.grow(xs[0], 2);
    for (o of xs) s += o.v.area(o);
    return eq(s + "," + Object.keys(xs[0]).join(), "36,w,h,v");
  });

  // A callable vtable: the trait names area as its primary method, o.v() runs it with this = o.
  interface SizedMethods {
    area(self: Dims): number;
    grow(self: Dims, k: number): void;
    describe(self: object): string;
  }
  const Sized = trait<SizedMethods>()({ grow: function (r: Dims, k: number) { r.w *= k; }, describe: function () { return "sized"; } }, "area");
  const RectC = Sized.impl({}, rectArea);
  const TriC = Sized.impl({ describe: function () { return "tri"; } }, function () { return this.w * this.h / 2; });
  check("callable vtable", function () {
    var xs = [make({ w: 2, h: 3 }, RectC), make({ w: 4, h: 1 }, TriC)], s = 0, o;
    for (o of xs) o.v.grow(o, 2);
    for (o of xs) s += o.v();
    return eq(s + "," + Object.keys(RectC).join() + "," + xs[1].v.describe(xs[1]) + "," + Object.keys(xs[0]).join(), "16,grow,describe,tri,w,h,v");
  });
  check("callable vtable shared primary", function () {
    return throws(function () { Sized.impl({}, rectArea); }, "area is shared");
  });

  // A tag table's methods read the object from this.o, the slot of their column.
  interface TableMethods {
    area(this: At<object>): number;
    grow(this: At<object>, k: number): void;
  }
  const Table = trait<TableMethods>()();
  const T = tagTable([
    Table.impl({
      area: function (this: At<Dims>) { return this.o.w * this.o.h; },
      grow: function (this: At<Dims>, k: number) { this.o.w *= k; },
    }),
    Table.impl({
      area: function (this: At<{ r: number }>) { return 3 * this.o.r * this.o.r; },
      grow: function (this: At<{ r: number }>, k: number) { this.o.r *= k; },
    }),
  ]);
  check("tag table", function () {
    var xs = [tag({ w: 2, h: 3 }, 0), tag({ r: 1 }, 1)], A = T.area, G = T.grow, s = 0;
    for (G.o of xs) G[G.o.t](2);
    for (A.o of xs) s += A[A.o.t]();
    return eq(Object.keys(T).join() + "," + xs[1].t + "," + s + "," + (A.o === xs[1]), "area,grow,1,24,true");
  });
  check("tag table slot is a cursor", function () {
    // A group's area loops over the same column: after its inner loop the slot holds the last kid.
    interface Group { kids: Tagged<{ w: number; h: number }>[]; k?: number }
    var area = tagTable([
      Table.impl({ area: function (this: At<Dims>) { return this.o.w * this.o.h; }, grow: function () {} }),
      Table.impl({
        area: function (this: At<Group>) {
          var A = this as unknown as TagColumn<TableMethods["area"]>, me = this.o, s = 0;
          for (A.o of me.kids) s += A[A.o.t]();
          var moved = this.o !== me;
          this.o = me;
          return s + (moved ? 100 : 0);
        },
        grow: function () {},
      }),
    ]).area;
    var last = tag({ w: 1, h: 2 }, 0);
    var xs = [tag({ kids: [tag({ w: 2, h: 3 }, 0), last] }, 1), tag({ w: 4, h: 1 }, 0)], s = 0;
    for (area.o of xs) s += area[area.o.t]();
    return eq(s + "," + (area.o === xs[1]), "112,true");
  });

  /** Two f32 types and a u8 type, as the bench's rect and tri plus a byte-sized one. */
  function shapes() {
    var s = packed();
    var rect = packType(s, { w: Float32Array, h: Float32Array }, {
      area: function () { return this.w[this.i] * this.h[this.i++]; },
      sum: function () { return E.convolve(this.w, this.h, 0); },
    });
    var tri = packType(s, { w: Float32Array, h: Float32Array }, {
      area: function () { return this.w[this.i] * this.h[this.i++] / 2; },
      sum: function () { return E.convolve(this.w, this.h, 0) / 2; },
    });
    var dot = packType(s, { r: Uint8Array }, {
      area: function () { return this.r[this.i++]; },
      sum: function () { var t = 0, x; for (x of this.r) t += x; return t; },
    });
    return { s: s, rect: rect, tri: tri, dot: dot };
  }

  check("packed segments", function () {
    var p = shapes();
    packPush(p.s, p.rect, { w: 2, h: 3 });
    packPush(p.s, p.dot, { r: 7 });
    packPush(p.s, p.tri, { w: 4, h: 5 });
    packPush(p.s, p.rect, { w: 1, h: 1 });
    return eq(Object.keys(p.rect).join() + "," + [p.rect.n, p.tri.n, p.dot.n, p.s.n, p.rect.w[1], p.dot.r[0]].join(),
      "i,w,h,area,sum,n,t,of,2,1,1,4,1,7");
  });
  check("packed insertion order", function () {
    var p = shapes(), i, Y = p.s.Y, t, sum = 0, tags = "";
    for (i = 0; i < 10; i++) {
      if (i % 3 == 2) packPush(p.s, p.dot, { r: i });
      else packPush(p.s, i & 1 ? p.tri : p.rect, { w: i, h: 2 });
    }
    for (var pass = 0; pass < 2; pass++) {
      sum = 0;
      tags = "";
      for (t of packOrder(p.s)) { tags += t; sum += Y[t].area(); }
    }
    return eq(tags + "," + sum, "0121020121,55");
  });
  check("packed grouped (E.convolve)", function () {
    var p = shapes(), i, y, sum = 0;
    for (i = 0; i < 9; i++) packPush(p.s, (i & 1 ? p.tri : p.rect) as typeof p.rect, { w: 1 + (i % 7), h: 2 + (i % 5) });
    packPush(p.s, p.dot, { r: 3 });
    for (y of p.s.Y) sum += y.sum();
    return eq(sum, 96 + 3);
  });
  check("packed pop", function () {
    var p = shapes();
    packPush(p.s, p.rect, { w: 2, h: 3 });
    packPush(p.s, p.dot, { r: 4 });
    var t = packPop(p.s), u = packPop(p.s);
    var m = throws(function () { packPop(p.s); }, "empty");
    return m !== true ? m : eq([t, u, p.s.n, p.dot.r[0], p.rect.w[0]].join(), "2,0,0,0,0");
  });
  check("packed growth", function () {
    var p = shapes(), caps = [] as number[], i, ok = true;
    for (i = 0; i < 300; i++) {
      packPush(p.s, p.rect, { w: i, h: 1 });
      if (caps[caps.length - 1] !== p.rect.w.length) caps.push(p.rect.w.length);
    }
    for (i = 0; i < 300; i++) if (packAt(p.rect, i, "w") !== i) ok = false;
    return ok && caps.slice(0, 5).join() === "4,9,15,22,31" && caps.length <= 15 && p.s.T.length < 380 ? true : "caps " + caps.join() + " contents " + ok;
  });
  check("packed checks", function () {
    var p = shapes(), s = p.s;
    packPush(s, p.dot, { r: 255 });
    var m = throws(function () { packPush(s, p.dot, { r: 256 }); }, "r=256 does not fit");
    if (m !== true) return m;
    m = throws(function () { packAt(p.dot, 0, "r", 1.5); }, "r=1.5 does not fit");
    if (m !== true) return m;
    // The message prints the number the interpreter's way (1e39 is "10e+38" on Espruino).
    m = throws(function () { packPush(s, p.rect, { w: 1e39, h: 1 }); }, "w=" + String(1e39) + " does not fit");
    if (m !== true) return m;
    m = throws(function () { packAt(p.dot, 0, "constructor"); }, "no field constructor at 0");
    if (m !== true) return m;
    m = throws(function () { packAt(p.dot, 1, "r"); }, "no field r at 1");
    if (m !== true) return m;
    return eq([packAt(p.dot, 0, "r"), p.rect.n, p.rect.w.length, s.n].join(), "255,0,0,1");
  });
  check("packed failed push is undone", function () {
    var p = shapes(), s = p.s, i;
    for (i = 0; i < 4; i++) packPush(s, p.rect, { w: i, h: i });
    var w = p.rect.w, T0 = s.T, before = [s.n, p.rect.n, w.length, w.join(), p.rect.h.join(), s.T.join()].join(";");
    var m = throws(function () { packPush(s, p.rect, { w: 9, h: NaN }); }, "h=NaN does not fit");
    if (m !== true) return m;
    return eq([s.n, p.rect.n, p.rect.w.length, p.rect.w.join(), p.rect.h.join(), s.T.join()].join(";") + (p.rect.w === w && s.T === T0), before + "true");
  });
  check("packed 257th type", function () {
    var s = packed(), i;
    for (i = 0; i < 256; i++) packType(s, { v: Uint8Array }, {});
    return throws(function () { packType(s, { v: Uint8Array }, {}); }, "too many types");
  });

  check("packed names: a clash is refused in every build, the store unchanged, no value lost", function () {
    var s = packed(), m;
    m = throws(function () { packType(s, { i: Uint8Array } as any, {}); }, "i is taken");
    if (m !== true) return m;
    m = throws(function () { packType(s, { w: Uint8Array }, { w: function () { return 0; } } as any); }, "w is taken");
    if (m !== true) return m;
    m = throws(function () { packType(s, { w: Uint8Array }, { n: function () { return 0; } } as any); }, "n is taken");
    if (m !== true) return m;
    // Names every object inherits (Espruino's "on") may be fields: the segment shadows them.
    var y = packType(s, { on: Uint8Array, w: Uint8Array }, {});
    packPush(s, y, { on: 7, w: 9 });
    packOrder(s);
    return eq([s.Y.length, y.t, packAt(y, 0, "on"), packAt(y, 0, "w"), y.i].join(), "1,0,7,9,0");
  });

  print("SELFTEST " + passed + "/" + total);
}

main();
