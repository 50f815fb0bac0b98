/**
 * JavaScript run inside QuickJS once per context: it builds Espruino's globals on top of the host
 * functions in `h` (see `api.ts`) and returns helpers the host keeps: `fmt` (Espruino-style value
 * text for `=value` lines) and `gc` (drives QuickJS's cycle collector, see `memory.ts`).
 * Written in ES5 style so it reads like the code Espruino runs.
 */
export const PRELUDE = String.raw`(function (h, cfg) {
  "use strict";
  var g = globalThis, WR = WeakRef, isArr = Array.isArray, keys = Object.keys;
  var getProto = Object.getPrototypeOf, str = JSON.stringify, BS = cfg.blocksize;
  var plainProtos = [Object.prototype, Array.prototype, Function.prototype, null];

  // Espruino prints arrays as [ 1, 2 ] and objects as { "a": 1 }.
  function fmt(v, quote, seen) {
    if (typeof v === "string") return quote ? str(v) : v;
    if (typeof v === "function") return String(v);
    if (v === null || typeof v !== "object") return String(v);
    if (v instanceof Error) return v.name + ": " + v.message;
    if (seen.indexOf(v) >= 0) return "~";
    seen.push(v);
    var parts = [], i;
    if (ArrayBuffer.isView(v)) {
      for (i = 0; i < v.length; i++) parts.push(String(v[i]));
      return "new " + v.constructor.name + "([" + parts.join(", ") + "])";
    }
    if (isArr(v)) {
      for (i = 0; i < v.length; i++) parts.push(fmt(v[i], true, seen));
      return parts.length ? "[ " + parts.join(", ") + " ]" : "[ ]";
    }
    var k = keys(v);
    for (i = 0; i < k.length; i++) parts.push(str(k[i]) + ": " + fmt(v[k[i]], true, seen));
    return parts.length ? "{ " + parts.join(", ") + " }" : "{ }";
  }

  function out(args) {
    var parts = [];
    for (var i = 0; i < args.length; i++) parts.push(fmt(args[i], false, []));
    h.print(parts.join(" ") + "\n");
  }

  // Estimate of Espruino's JsVar count: one per value and per property name, strings and
  // buffers by length, prototypes of class instances included (Espruino counts them too).
  function chars(n) { return Math.max(1, Math.ceil(n / (BS - 4))); }
  function sizeOf(v, seen) {
    if (typeof v === "string") return chars(v.length);
    if (v === null || (typeof v !== "object" && typeof v !== "function")) return 1;
    if (seen.indexOf(v) >= 0) return 0;
    seen.push(v);
    var n = 1, k = keys(v), i, x;
    if (typeof v === "function") n += chars(String(v).length);
    if (ArrayBuffer.isView(v)) return n + 1 + chars(v.byteLength);
    if (v instanceof ArrayBuffer) return n + chars(v.byteLength);
    for (i = 0; i < k.length; i++) {
      x = v[k[i]];
      n += 1 + (typeof x === "object" || typeof x === "function" || typeof x === "string" ? sizeOf(x, seen) : 0);
    }
    var p = getProto(v);
    if (plainProtos.indexOf(p) < 0 && typeof v !== "function") n += 1 + sizeOf(p, seen);
    return n;
  }

  function bytes(d) {
    if (typeof d === "string") return d;
    if (d instanceof ArrayBuffer) d = new Uint8Array(d);
    if (ArrayBuffer.isView(d) || isArr(d)) {
      var s = "";
      for (var i = 0; i < d.length; i++) s += String.fromCharCode(d[i] & 255);
      return s;
    }
    return String(d);
  }

  // QuickJS only collects cycles when its allocation count passes a threshold; allocate
  // self-referencing garbage until a WeakRef to a garbage cycle clears (the collector ran).
  function gc() {
    var c = {}; c.c = c;
    var w = new WR(c);
    c = null;
    for (var i = 0; i < 4000000; i++) {
      var o = {}; o.o = o;
      if (w.deref() === undefined) { o.o = null; return i; }
    }
    return -1;
  }

  function timer(fn, ms, repeat, args) {
    if (typeof fn === "string") { var src = fn; fn = function () { (0, eval)(src); }; }
    if (typeof fn !== "function") throw new TypeError("Function or String not supplied!");
    return h.timer(function () { fn.apply(undefined, args); }, +ms || 0, repeat);
  }

  // Pins and their functions, so board programs load: no hardware, so reads are 0 and writes
  // are remembered per pin.
  function Pin(name) { this.n = name; this.v = 0; }
  Pin.prototype.read = function () { return !!this.v; };
  Pin.prototype.write = function (v) { this.v = v ? 1 : 0; };
  Pin.prototype.set = function () { this.v = 1; };
  Pin.prototype.reset = function () { this.v = 0; };
  Pin.prototype.mode = function () {};
  Pin.prototype.getInfo = function () { return { port: "V", num: 0 }; };
  Pin.prototype.toString = function () { return this.n; };
  g.Pin = Pin;
  var pinNames = ["LED1", "LED2", "LED3", "BTN", "BTN1"], pi;
  for (pi = 0; pi < 48; pi++) pinNames.push("D" + pi);
  for (pi = 0; pi < 16; pi++) pinNames.push("A" + pi, "B" + pi, "C" + pi);
  for (pi = 0; pi < pinNames.length; pi++) g[pinNames[pi]] = new Pin(pinNames[pi]);
  function pins(p) { return isArr(p) ? p : [p]; }
  g.digitalWrite = function (p, v) { var ps = pins(p), i; for (i = 0; i < ps.length; i++) ps[i].write((v >> (ps.length - 1 - i)) & 1); };
  g.digitalRead = function (p) { var ps = pins(p), r = 0, i; for (i = 0; i < ps.length; i++) r = (r << 1) | (ps[i].v ? 1 : 0); return r; };
  g.digitalPulse = function () {};
  g.analogRead = function () { return 0; };
  g.analogWrite = function (p, v) { p.v = v; };
  g.pinMode = function () {};
  g.setWatch = function () { return 1; };
  g.clearWatch = function () {};

  // Espruino names its global object "global" (as Node does).
  g.global = g;
  g.print = function () { out(arguments); };
  g.console = { log: g.print, info: g.print, warn: g.print, error: g.print, debug: g.print };
  g.getTime = h.getTime;
  g.atob = h.atob;
  g.btoa = function (s) { return h.btoa(bytes(s)); };
  g.setTimeout = function (fn, ms) { return timer(fn, ms, false, [].slice.call(arguments, 2)); };
  g.setInterval = function (fn, ms) { return timer(fn, ms, true, [].slice.call(arguments, 2)); };
  g.clearTimeout = g.clearInterval = function (id) { h.clearTimer(id === undefined ? -1 : +id); };
  g.reset = function () { h.reset(); };
  g.load = function (name) { h.load(name === undefined ? ".bootcde" : String(name)); };
  g.E = {
    getErrorFlags: function () { return JSON.parse(h.errorFlags()); },
    kickWatchdog: function () {},
    getSizeOf: function (v) { return sizeOf(v, []); },
    // Espruino's E.convolve(a, b, offset): the sum over a of a[i] * b[(i + offset) % b.length].
    convolve: function (a, b, o) {
      var t = 0;
      for (var i = 0; i < a.length; i++) t += a[i] * b[(i + o) % b.length];
      return t;
    },
  };
  g.process = {
    version: cfg.version,
    env: cfg.env,
    memory: function (gc) { return JSON.parse(h.memory(gc !== false)); },
  };
  var storage = {
    write: function (name, data, offset, size) { return h.sWrite(String(name), bytes(data), offset, size); },
    read: function (name) { return h.sRead(String(name)); },
    readJSON: function (name, noThrow) {
      var s = h.sRead(String(name));
      try { return s === undefined ? undefined : JSON.parse(s); } catch (e) { if (!noThrow) throw e; }
    },
    writeJSON: function (name, v) { return h.sWrite(String(name), JSON.stringify(v)); },
    erase: function (name) { h.sErase(String(name)); },
    list: function () { return JSON.parse(h.sList()); },
  };
  g.require = function (m) {
    if (m === "Storage") return storage;
    throw new Error("Module " + m + " not found");
  };
  return { fmt: function (v) { return fmt(v, true, []); }, gc: gc };
})`;
