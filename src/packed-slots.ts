/**
 * The one loop that touches the slot at a segment's count in every column: packPush checks and
 * writes through it, packPop zeroes through it.
 * @packageDocumentation
 */
import { fits } from "./packed-write";

/**
 * For every column of `y` (every name of `y.of`), the slot `y.n`, the first past the count:
 * - with `check`, checks that `v[k]` fits its column (`fits`: throws `"<k>=<v> does not fit"`) and
 *   writes nothing, so a caller checks every value before it writes any;
 * - else writes `v[k]` there, or 0 when `v` is 0 (packPop, after lowering the count), growing a
 *   full column first (`room`).
 * @param y - a segment.
 * @param v - the values by column name, or 0 to zero the slots.
 * @param check - check the values instead of writing them.
 */
export const slots = (y: any, v: any, check?: unknown, k?: any): void => {
  for (k in y.of) check ? fits(y, k, v[k]) : ((y[k] = room(y[k], y.n))[y.n] = v && v[k]);
};

/**
 * `a` if it has a slot `n`, else a copy of it 1.25× longer plus 4 (zero-filled past the copy), so
 * N pushes make O(log N) allocations. A typed array's length is truncated to an integer.
 * `n / 0.8` is `n * 1.25` (`n + n / 4`) to the last bit, two bytes shorter (every length to 2e7 checked).
 */
export const room = (a: any, n: any): any => (n < a.length ? a : ((n = new a.constructor(n / 0.8 + 4)).set(a), n));
