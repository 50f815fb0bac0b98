/**
 * Measurement only (reporting lives in report.ts). Every style is timed by the same functions,
 * so no style's variables are found faster than another's: loop bodies see only their own
 * parameters and locals. Times include the loop itself (µs per element): users pay for the loop
 * they write, and on Espruino the loop shape costs more than the dispatch (an Array index loop
 * walks a linked list).
 */

/**
 * A timed loop: `reps` passes over the container `c` of `n` objects. Area loops return the area
 * sum of all passes (per pass: the checksum every style must agree on); grow loops return 0. `x` and `y`
 * carry what the style needs (a function, a table), so they are parameters too.
 */
export type Loop = (c: any, n: number, reps: number, x?: any, y?: any) => number;

/** One dispatch style under test; types alternate in every container (even: rect, odd: tri). */
export interface Style {
  /** Fixed style id (see scripts/bench/schema.ts). */
  id: string;
  /** Builds `n` objects in the style's natural container (`n` may be 0: the fixed cost). */
  build: (n: number) => any;
  /** Area sum in the style's fast loop: `for…of` over its container, or its documented fast loop. */
  forOf: Loop;
  /** Area sum in an index loop, when the container has one. */
  index?: Loop;
  /** `grow(k)` on every object, `for…of` shape, k alternating +1/−1 per pass; absent for single-method styles. */
  grow?: Loop;
  /** Area sum with the call target resolved once before the loop, when the style has a target. */
  hoisted?: Loop;
  /** Per-element work handed to the interpreter's natives (a whole type per call): marked as batch. */
  batch?: boolean;
  /** Passed to every loop as `x`. */
  x?: unknown;
  /** Passed to every loop as `y`. */
  y?: unknown;
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
 * rarely spared by a busy host). `even` for grow loops, so they end where they began.
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

var CALIBRATION: Style = { id: "calibration", build: function () {}, forOf: calibrationLoop };

/**
 * Times the style's loops in `k` interleaved rounds, with a calibration reading after every
 * sample, and returns per loop the fastest sample in µs per element (load only ever adds time),
 * null for a loop the style lacks; `calUs` (of `calibration`, for tests), µs per pass of the calibration loop at its fastest
 * reading in these rounds; and the checksums of the area loops (for…of, index).
 *
 * Why calibrate: a host machine's speed drifts by up to 2× in phases of 0.1 to 1 s (on the Linux
 * build the same loop read 5.4 to 9.5 µs an element), and the emulator speeds up 10× as its host
 * optimises it; a board's clock does neither. Styles timed seconds apart are compared by the host
 * at the same speed: each style's µs scaled by the fastest `calUs` of the run over its own.
 */
export function timeLoops(st: Style, c: any, n: number, ms: number, k: number, calibration?: Loop): { us: (number | null)[]; sums: number[]; calUs: number } {
  var cl = calibration || calibrationLoop;
  var loops = [st.forOf, st.index, st.grow, st.hoisted];
  var reps = [0, 0, 0, 0];
  var us: (number | null)[] = [null, null, null, null];
  var sums = [0, 0];
  var out = [0];
  for (var i = 0; i < 4; i++) if (loops[i]) reps[i] = repsFor(loops[i] as Loop, c, n, st, ms, i == 2);
  // Readings half a sample long: 50 ticks of the emulator's 1 ms timer.
  var calReps = repsFor(cl, 0, 1, CALIBRATION, ms / 2);
  var cal = 1e9;
  for (var j = 0; j < k; j++) {
    for (i = 0; i < 4; i++) {
      var loop = loops[i];
      if (!loop) continue;
      var t = timeOnce(loop, c, n, reps[i], st, out) / reps[i];
      if (us[i] === null || t < (us[i] as number)) us[i] = t;
      if (i < 2) sums[i] = out[0] / reps[i];
      // A reading under one tick of the clock reads 0: no reading, and the next is twice as long (with
      // little free memory, garbage collections during the sizing left readings that short on the emulator).
      var r = timeOnce(cl, 0, 1, calReps, CALIBRATION, out) / calReps;
      if (r > 0) cal = Math.min(cal, r);
      else calReps *= 2;
    }
  }
  for (i = 0; i < 4; i++) if (us[i] !== null) us[i] = ((us[i] as number) * 1e6) / n;
  return { us: us, sums: sums, calUs: cal * 1e6 };
}

/** JsVars in use right now, after a garbage collection. */
export function usage(): number {
  return process.memory().usage;
}

/**
 * Builds `n` objects and measures them. Returns [fixed JsVars, JsVars per object, µs per object
 * to build, the container]. Fixed: the first empty container, with every one-time cost (stores,
 * views, the interpreter's first typed array). Per object: beyond a second empty container, so
 * one-time costs are not spread over the objects. Containers stay alive until the last reading.
 */
export function buildMeasured(build: (n: number) => any, n: number): any[] {
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
  return [u1 - u0, Math.round(((u3 - u2 - (u2 - u1)) / n) * 1000) / 1000, ((t1 - t0) * 1e6) / n, c, keep];
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
