/**
 * On-device self-test of the core: exercises every API on the real interpreter and prints
 * `PASS <name>` / `FAIL <name>: <msg>` per check, then `SELFTEST <passed>/<total>`.
 * Mirrors test/core-*.test.ts, so the same behaviours are checked on Node and on Espruino.
 */
import { callOnce, func, funcMut, funcOnce, make, PackedStore, tag, tagTable, trait } from "../src/index";

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
    var o = funcOnce({ n: 1 }, function (k: number) {
      return (this.n += k);
    });
    var first = callOnce(o, 2);
    return first !== 3 ? "first call " + first : throws(function () { callOnce(o, 2); }, "FuncOnce called twice");
  });

  interface ShapeMethods {
    area(self: object): number;
    grow(self: object, k: number): void;
    describe(self: object): string;
  }
  const Shape = trait<ShapeMethods>()(["area", "grow", "describe"], { describe: function () { return "shape"; } });
  const RectVT = Shape.impl({
    area: function (r: Dims) { return r.w * r.h; },
    grow: function (r: Dims, k: number) { r.w *= k; r.h *= k; },
  });
  const CircVT = Shape.impl({
    area: function (c: { r: number }) { return 3 * c.r * c.r; },
    grow: function (c: { r: number }, k: number) { c.r *= k; },
    describe: function () { return "circle"; },
  });

  check("trait slot", function () {
    return eq(Shape.slot.area + "," + Shape.slot.grow + "," + Shape.slot.describe, "0,1,2");
  });
  check("trait impl", function () {
    return eq(Array.isArray(RectVT) + "," + RectVT.length + "," + RectVT[2]({}) + "," + CircVT[2]({}), "true,3,shape,circle");
  });
  check("vtable make", function () {
    var a = Shape.make({ w: 2, h: 3 }, RectVT), b = make({ r: 2 }, CircVT);
    a.v[1](a, 2);
    return eq(a.v[Shape.slot.area](a) + b.v[0](b) + "," + Object.keys(a).join(), "36,w,h,v");
  });

  const T = tagTable([RectVT, CircVT]);
  check("tag table", function () {
    var o = tag({ w: 2, h: 3 }, T, RectVT), c = tag({ r: 1 }, T, CircVT);
    return eq(o.t + c.t + T[o.t][0](o) + T[c.t][0](c), 10);
  });
  check("tag unknown", function () {
    return throws(function () { tag({}, T, [] as any); }, "unknown vtable");
  });

  type S = PackedStore;
  const P = trait<{ area(s: S, o: number): number; grow(s: S, o: number, k: number): void }>()(["area", "grow"]);
  const PRect = P.impl({
    area: function (s, o) { var f = s.f32; return f[o >> 2] * f[(o >> 2) + 1]; },
    grow: function (s, o, k) { var f = s.f32; f[o >> 2] *= k; f[(o >> 2) + 1] *= k; },
  });
  const PDot = P.impl({
    area: function (s, o) { return s.u8[o]; },
    grow: function (s, o, k) { s.u8[o] *= k; },
  });

  check("packed layout", function () {
    var s = new PackedStore();
    var t = s.type({ a: "u8", b: "f64", c: "i16", d: "u8", e: "u32" }, []);
    return eq(JSON.stringify(t.at) + t.z + t.a, '{"a":0,"b":8,"c":16,"d":18,"e":20}248');
  });
  check("packed push/align", function () {
    var s = new PackedStore<typeof PRect>(), r = s.type({ w: "f32", h: "f32" }, PRect), d = s.type({ r: "u8" }, PDot);
    s.push(d, { r: 1 });
    s.push(r, { w: 2, h: 3 });
    s.push(d, { r: 4 });
    s.push(d, { r: 5 });
    s.push(r, { w: 1, h: 1 });
    return eq([s.O[0], s.O[1], s.O[2], s.O[3], s.O[4], s.T[1], s.length].join(), "0,4,12,13,16,0,5");
  });
  check("packed get/set/call", function () {
    var s = new PackedStore<typeof PRect>(), r = s.type({ w: "f32", h: "f32" }, PRect), d = s.type({ r: "u8" }, PDot);
    s.push(r, { w: 2.5, h: 4 });
    s.push(d, { r: 7 });
    s.set(0, "h", 8);
    s.call(1, P.slot.grow, 2);
    return eq(s.get(0, "w") + "," + s.call(0, P.slot.area) + "," + s.get(1, "r"), "2.5,20,14");
  });
  check("packed hot loop", function () {
    var s = new PackedStore<typeof PRect>(), r = s.type({ w: "f32", h: "f32" }, PRect), d = s.type({ r: "u8" }, PDot);
    for (var i = 0; i < 10; i++) i & 1 ? s.push(d, { r: i }) : s.push(r, { w: i, h: 2 });
    var V = s.V, Tg = s.T, O = s.O, sum = 0;
    for (i = 0; i < s.length; i++) sum += V[Tg[i]][0](s, O[i]);
    return eq(sum, 40 + 25);
  });
  check("packed pop", function () {
    var s = new PackedStore<typeof PRect>(), r = s.type({ w: "f32", h: "f32" }, PRect), d = s.type({ r: "u8" }, PDot);
    s.push(r, { w: 1, h: 1 });
    s.push(d, { r: 3 });
    var t = s.pop();
    s.push(d, { r: 4 });
    var msg = throws(function () { s.pop(); s.pop(); s.pop(); }, "index -1 out of range");
    return msg !== true ? msg : eq(t + "," + s.length, "1,0");
  });
  check("packed growth", function () {
    var s = new PackedStore<typeof PRect>(), r = s.type({ w: "f32", h: "f32" }, PRect), d = s.type({ r: "u8" }, PDot);
    var bufs = 0, last: any = null, ok = true, i;
    for (i = 0; i < 300; i++) {
      if (i % 3) s.push(r, { w: i, h: 1 });
      else s.push(d, { r: i & 255 });
      if (s.b !== last) { bufs++; last = s.b; }
      if ((s.b.byteLength & (s.b.byteLength - 1)) || (s.O.length & (s.O.length - 1))) ok = false;
    }
    for (i = 0; i < 300; i++) if (s.get(i, i % 3 ? "w" : "r") !== (i % 3 ? i : i & 255)) ok = false;
    // One allocation per doubling from 8 bytes: log2(capacity) - 2.
    var most = Math.round(Math.log(s.b.byteLength) / Math.LN2) - 2;
    return ok && bufs <= most && s.f32.buffer === s.b && s.u8.buffer === s.b && !s.f64 ? true : "pow2/contents " + ok + ", buffers " + bufs + " > " + most;
  });
  check("packed overflow", function () {
    var s = new PackedStore(), t = s.type({ a: "i8", b: "u32", g: "f32" }, []);
    s.push(t, { a: -128, b: 4294967295, g: 1.5 });
    var m = throws(function () { s.set(0, "a", 128); }, "a=128 does not fit i8");
    if (m !== true) return m;
    m = throws(function () { s.set(0, "b", -1); }, "b=-1 does not fit u32");
    if (m !== true) return m;
    m = throws(function () { s.set(0, "a", 1.5); }, "a=1.5 does not fit i8");
    if (m !== true) return m;
    // The message prints the number the interpreter's way (1e39 is "10e+38" on Espruino).
    m = throws(function () { s.push(t, { a: 0, b: 0, g: 1e39 }); }, "g=" + String(s.get(0, "g") * 1e39 / 1.5) + " does not fit f32");
    if (m !== true) return m;
    return eq(s.get(0, "a") + "," + s.get(0, "b") + "," + s.length, "-128,4294967295,1");
  });
  check("packed errors", function () {
    var s = new PackedStore<typeof PRect>(), r = s.type({ w: "f32", h: "f32" }, PRect);
    s.push(r, { w: 1, h: 2 });
    var m = throws(function () { s.get(1, "w"); }, "index 1 out of range");
    if (m !== true) return m;
    m = throws(function () { s.call(-1, 0); }, "index -1 out of range");
    if (m !== true) return m;
    m = throws(function () { s.get(0, "r"); }, "no field r");
    if (m !== true) return m;
    return throws(function () { s.push(new PackedStore().type({ w: "f32", h: "f32" }, PRect), { w: 1, h: 1 }); }, "unknown type");
  });

  print("SELFTEST " + passed + "/" + total);
}

main();
