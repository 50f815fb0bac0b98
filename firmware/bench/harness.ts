/**
 * Measurement only (reporting lives in report.ts). Every style is timed by the same functions,
 * so no style's variables are found faster than another's: loop bodies see only their own
 * parameters and locals. Times include the loop itself (µs per element): users pay for the loop
 * they write, and on Espruino the loop shape costs more than the dispatch (an Array index loop
 * walks a linked list).
 */

/**
 * A timed loop: `reps` passes over the container `c` of `n` objects. A sum loop returns the sum
 * of all passes; another returns 0 (its effect is read by the style's `check`). `x` and `y`
 * carry what the style needs (a function, a table), so they are parameters too.
 */
export type Loop = (c: any, n: number, reps: number, x?: any, y?: any) => number;

/** One dispatch style under test, as generated from a workload (scripts/workload) or written by hand. */
export interface Style {
  /** Fixed style id (see scripts/bench/schema.ts). */
  id: string;
  /** Builds `n` objects in the style's natural container (`n` may be 0: the fixed cost). */
  build: (n: number) => any;
  /** One per workload loop, in the style's fast loop (`for…of`); null where the style lacks it. */
  loops: (Loop | null)[];
  /** The first loop (a sum) in an index loop, when the container has one. */
  index?: Loop;
  /** The first loop with the first type's method resolved once before it, when the style has a target. */
  hoisted?: Loop;
  /** Every field of every object added up: what a loop that returns nothing changed. */
  check?: (c: any) => number;
  /** A kernel: per-element work handed to the interpreter's natives (a whole type per call). */
  batch?: boolean;
  /** Passed to every loop as `x`. */
  x?: unknown;
  /** Passed to every loop as `y`. */
  y?: unknown;
}

/** A workload loop as the firmware knows it: its name, and 1 when it sums what the calls return. */
export interface LoopInfo {
  name: string;
  sum: number;
}

/** Seconds one loop takes; the loop's result in `out[0]`. */
export function timeOnce(loop: Loop, c: any, n: number, reps: number, st: Style, out: number[]): number {
  var x = st.x;
  var y = st.y;
  var t0 = getTime();
  out[0] = loop(c, n, reps, x, y);
  return getTime() - t0;
}

/**
 * Passes per sample so that one sample of `loop` lasts at least `ms` milliseconds (a coarse
 * timer, 1 ms on the emulator, needs long samples), and no more than needed (a long sample is
 * rarely spared by a busy host). `even`: an even number of passes.
 */
export function repsFor(loop: Loop, c: any, n: number, st: Style, ms: number, even?: boolean): number {
  var out = [0];
  var r = even ? 2 : 1;
  var t = 0;
  while ((t = timeOnce(loop, c, n, r, st, out)) * 1000 < ms / 4 && r < 1e6) r *= 4;
  r = Math.max(1, Math.ceil((r * ms) / 1000 / Math.max(t, 1e-6)));
  return even ? r + (r & 1) : r;
}

/** One call per pass: the calibration loop's unit of work. */
function tick(i: number): number {
  return i + 1;
}

/** The calibration loop: calls in a loop, like the styles' loops, so a slow machine phase slows both alike. */
function calibrationLoop(_c: any, _n: number, reps: number): number {
  var s = 0;
  for (var i = 0; i < reps; i++) s += tick(i);
  return s;
}

var CALIBRATION: Style = { id: "calibration", build: function () {}, loops: [calibrationLoop] };

/** The style's timed loops: its workload loops, then the index and hoisted forms of the first. */
export function timedLoops(st: Style): (Loop | null)[] {
  return st.loops.concat([st.index || null, st.hoisted || null]);
}

/** Per-loop timings of one style: µs per element (null for a loop the style lacks), and `calUs`. */
export interface Timings {
  /** In the order of {@link timedLoops}. */
  us: (number | null)[];
  /** µs per pass of the calibration loop at its fastest reading in these rounds; 0 when no reading lasted a tick. */
  calUs: number;
}

/**
 * Times the style's loops ({@link timedLoops}) in `k` interleaved rounds, with a calibration
 * reading after every sample, and returns per loop the fastest sample in µs per element (load
 * only ever adds time).
 *
 * Why calibrate: a host machine's speed drifts by up to 2× in phases of 0.1 to 1 s (on the Linux
 * build the same loop read 5.4 to 9.5 µs an element), and the emulator speeds up 10× as its host
 * optimises it; a board's clock does neither. Styles timed seconds apart are compared by the host
 * at the same speed: each style's µs scaled by the fastest `calUs` of the run over its own.
 */
export function timeLoops(st: Style, c: any, n: number, ms: number, k: number, calibration?: Loop): Timings {
  var cl = calibration || calibrationLoop;
  var loops = timedLoops(st);
  var count = loops.length;
  var reps: number[] = [];
  var us: (number | null)[] = [];
  var out = [0];
  for (var i = 0; i < count; i++) {
    us.push(null);
    reps.push(loops[i] ? repsFor(loops[i] as Loop, c, n, st, ms) : 0);
  }
  // Readings half a sample long: 50 ticks of the emulator's 1 ms timer.
  var calReps = repsFor(cl, 0, 1, CALIBRATION, ms / 2);
  var cal = 1e9;
  for (var j = 0; j < k; j++) {
    for (i = 0; i < count; i++) {
      var loop = loops[i];
      if (!loop) continue;
      var t = timeOnce(loop, c, n, reps[i], st, out) / reps[i];
      if (us[i] === null || t < (us[i] as number)) us[i] = t;
      // A reading under one tick of a coarse timer reads 0: it says nothing of the speed, so it is
      // not taken, and the next is twice as long (garbage collections with little free memory, or
      // the emulator speeding up as its host optimises it, left readings that short).
      var c2 = timeOnce(cl, 0, 1, calReps, CALIBRATION, out) / calReps;
      if (c2 > 0) cal = Math.min(cal, c2);
      else calReps *= 2;
    }
  }
  for (i = 0; i < count; i++) if (us[i] !== null) us[i] = ((us[i] as number) * 1e6) / n;
  return { us: us, calUs: cal < 1e9 ? cal * 1e6 : 0 };
}

/** What every loop computes in one pass over a freshly built container: what all styles must agree on. */
export interface Results {
  /** Per workload loop, in order: a sum loop's sum, else the style's checksum after it; null where the style lacks it. */
  loops: (number | null)[];
  /** The index loop's sum (the first loop's), before any loop changed the objects; null without one. */
  index: number | null;
  /** The hoisted loop's sum, likewise. */
  hoisted: number | null;
}

/**
 * Runs each loop once, in order, on `c` (fresh from `build`): the index and hoisted forms first
 * (they only read), then the workload's loops. Timing repeats loops a number of times that
 * differs per style, so results are taken here, from one pass each, not from the timed passes.
 */
export function results(st: Style, c: any, n: number, info: LoopInfo[]): Results {
  var x = st.x;
  var y = st.y;
  var r: Results = { loops: [], index: st.index ? st.index(c, n, 1, x, y) : null, hoisted: st.hoisted ? st.hoisted(c, n, 1, x, y) : null };
  for (var i = 0; i < info.length; i++) {
    var loop = st.loops[i];
    if (!loop) {
      r.loops.push(null);
      continue;
    }
    var v = loop(c, n, 1, x, y);
    r.loops.push(info[i].sum ? v : st.check ? st.check(c) : null);
  }
  return r;
}

/** JsVars in use right now, after a garbage collection. */
export function usage(): number {
  return process.memory().usage;
}

/** A container of `n` objects and what it cost. */
export interface Measured {
  /** JsVars of an empty container, with every one-time cost (stores, views, the interpreter's first typed array). */
  fixedVars: number;
  /** JsVars per object beyond a second empty container, so one-time costs are not spread over the objects. */
  varsPerObject: number;
  /** µs to build and store one object. */
  buildUs: number;
  /** The container. */
  container: any;
  /** The empty containers, alive until the last reading. */
  keep: any[];
}

/** Builds `n` objects and measures them (see {@link Measured}). */
export function buildMeasured(build: (n: number) => any, n: number): Measured {
  // The empty containers are held in an array that is returned, so no minifier can drop them
  // (a variable overwritten before it is read would be, and a collected container measures 0).
  var keep: any[] = [];
  var u0 = usage();
  keep.push(build(0));
  var u1 = usage();
  keep.push(build(0));
  var u2 = usage();
  var t0 = getTime();
  var c = build(n);
  var t1 = getTime();
  var u3 = usage();
  return {
    fixedVars: u1 - u0,
    varsPerObject: Math.round(((u3 - u2 - (u2 - u1)) / n) * 1000) / 1000,
    buildUs: ((t1 - t0) * 1e6) / n,
    container: c,
    keep: keep,
  };
}

/**
 * The large container size: at most 257 objects, fewer when free memory (in JsVars) would not
 * hold the hungriest style (about 20 JsVars an object on a board) with room to spare, and never a power
 * of two, so storage that grows by doubling shows its spare capacity.
 */
export function largeN(free: number): number {
  var n = Math.min(257, Math.floor(free / 32));
  if (!(n & (n - 1))) n--;
  return n < 8 ? 8 : n;
}
