/**
 * The one loop that touches the slot at a segment's count in every column: packPush checks and
 * writes through it, packPop zeroes through it, and the store's own tag stream is written by it.
 * @packageDocumentation
 */
import { fits } from "./packed-write";

/**
 * For every column of `y` (every name of `y.of`), the slot `y.n`, the first past the count:
 * - with `check`, checks that `v[k]` fits its column (`fits`: throws `"<k>=<v> does not fit"`) and
 *   writes nothing, so a caller checks every value before it writes any;
 * - else writes `v[k]` there, or 0 when `v` is 0 (packPop, after lowering the count). A full
 *   column is first replaced by a copy 1.25× its length plus 4 (zero-filled past the copy), so N
 *   pushes make O(log N) allocations; `n / 0.8` is `n * 1.25` to the last bit (every length to
 *   2e7 checked) and a typed array's length is truncated to an integer. `n in a` is `n < a.length`
 *   for a typed array and an integer count, and shorter.
 *
 * The store is a segment of one column in this sense: its `of` is `{ T: 0 }`, so its tag stream
 * `s.T` grows and takes a tag through this loop too (`slots(s, { T: y.t })`).
 * @param y - a segment, or the store.
 * @param v - the values by column name, or 0 to zero the slots.
 * @param check - check the values instead of writing them.
 */
export const slots = (y: any, v: any, check?: unknown, k?: any, a?: any): void => {
  for (k in y.of)
    check ? fits(y, k, v[k]) : (y.n in (a = y[k]) || (y[k] = new a.constructor(y.n / 0.8 + 4)).set(a), (y[k][y.n] = v && v[k]));
};
