/**
 * Appending to a packed store (see packed-store.ts for the layout).
 * @packageDocumentation
 */
import type { Packed, PackedType, Schema, Values } from "./packed-store";
import { fits } from "./packed-write";

/**
 * `a` if it has a slot `n`, else a copy of it 1.25× longer plus 4 (zero-filled past the copy), so
 * N pushes make O(log N) allocations. A typed array's length is truncated to an integer.
 * `n / 0.8` is `n * 1.25` (`n + n / 4`) to the last bit, two bytes shorter (every length to 2e7 checked).
 */
const room = (a: any, n: any): any => (n < a.length ? a : ((n = new a.constructor(n / 0.8 + 4)).set(a), n));

/**
 * Appends an object of type `y` to `s`. Atomic: every value is checked before anything is
 * written, so when one does not fit it throws `"<field>=<value> does not fit"` and the store is
 * exactly as it was (same columns, same capacity, same contents).
 * @param s - the store.
 * @param y - a type registered in `s` (not checked: a type of another store corrupts both).
 * @param values - a number for every field.
 * @returns the object's index in its type's columns.
 */
export const packPush: <S extends Schema, M>(s: Packed, y: PackedType<S, M>, values: Values<NoInfer<S>>) => number = (
  s,
  y: any,
  values: any,
  o?: any,
  k?: any,
) => {
  for (k in (o = y.of)) fits(o, k, values[k]);
  for (k in o) (y[k] = room(y[k], y.n))[y.n] = values[k];
  (s.T = room(s.T, s.n))[s.n++] = y.t;
  return y.n++;
};
