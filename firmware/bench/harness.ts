/**
 * Measurement only (reporting lives in report.ts). Every style is timed by the same functions,
 * so no style's variables are found faster than another's: loop bodies see only their own
 * parameters and locals.
 */

/**
 * A timed loop: runs `reps` passes over the first `n` elements of `c` and returns a checksum.
 * `x` and `y` carry what the style needs (a function, a table), so they are parameters too.
 */
export type Loop = (c: any, n: number, reps: number, x?: any, y?: any) => number;

/** One dispatch style under test. */
export interface Style {
  /** Fixed style id (see scripts/bench/schema.ts). */
  id: string;
  /** Builds `n` objects in the style's natural container; types alternate (even: rect, odd: tri). */
  build: (n: number) => any;
  /** The decision inside the loop: a dynamic call per element. */
  run: Loop;
  /** The target resolved once outside the loop, then called per element. */
  hoisted: Loop;
  /** The style's empty loop, when its container is not an array (see {@link emptyLoop}). */
  empty?: Loop;
  /** Passed to both loops as `x`. */
  x?: unknown;
  /** Passed to both loops as `y`. */
  y?: unknown;
}

/**
 * The empty loop: the same loop control and element read as the styles, with no call. Measured
 * on Espruino 2v29, `s = xs[i]` is the cheapest body that still reads the element; a body like
 * `s += xs[i] ? 1 : 0` costs more than a method call there, and would make calls look free.
 */
export const emptyLoop: Loop = function (xs, n, r) {
  let s;
  while (r--) for (let i = 0; i < n; i++) s = xs[i];
  return s ? 0 : 1;
};

/** Seconds one loop takes, and the loop's checksum in `out[0]`. */
export function timeOnce(loop: Loop, c: any, n: number, reps: number, st: Style, out: number[]): number {
  const x = st.x;
  const y = st.y;
  const t0 = getTime();
  out[0] = loop(c, n, reps, x, y);
  return getTime() - t0;
}

/** Sorts a numeric array in place, ascending, and returns it. */
export function sorted(xs: number[]): number[] {
  return xs.sort((a, b) => a - b);
}

/** Median of a numeric array (sorts it in place). */
export function median(xs: number[]): number {
  sorted(xs);
  const m = xs.length >> 1;
  return xs.length & 1 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
}

/** Interquartile range of a sorted array: how far typical samples stray. */
export function iqr(sorted: number[]): number {
  const k = sorted.length;
  return sorted[(3 * k) >> 2] - sorted[k >> 2];
}

/**
 * Times a loop against the empty loop in `k` interleaved pairs. Appends to `ratios` each pair's
 * (loop time / empty-loop time − 1): the call's cost in units of the empty loop, which a burst of
 * load or a slower CPU scales away, since it slows both halves of a pair alike. Appends µs per
 * element of the empty loop to `empties`. Returns the checksum of one pass.
 */
export function timePairs(loop: Loop, c: any, n: number, reps: number, k: number, st: Style, ratios: number[], empties: number[]): number {
  const sum = [0];
  const scale = 1e6 / (n * reps);
  for (let j = 0; j < k; j++) {
    const e = timeOnce(st.empty || emptyLoop, c, n, reps, st, sum);
    const t = timeOnce(loop, c, n, reps, st, sum);
    ratios.push(t / e - 1);
    empties.push(e * scale);
  }
  return sum[0] / reps;
}

/** JsVars in use right now, after a garbage collection. */
export function usage(): number {
  return process.memory().usage;
}

/**
 * Builds `n` objects and measures them: JsVars per object is usage after building minus usage
 * before, divided by `n`. Returns [JsVars per object, container]; the container is returned so it
 * stays alive through the second reading (and is then timed).
 */
export function buildMeasured(build: (n: number) => any, n: number): any[] {
  const before = usage();
  const c = build(n);
  const after = usage();
  return [Math.round(((after - before) / n) * 1000) / 1000, c];
}

/** The largest power of two ≤ x, clamped to [lo, hi]. */
export function pow2Below(x: number, lo: number, hi: number): number {
  let p = lo;
  while (p * 2 <= x && p * 2 <= hi) p *= 2;
  return p;
}
