/**
 * Appending to a packed store (see packed-store.ts for the layout).
 * @packageDocumentation
 */
import { fail } from "./fail";
import type { Packed, PackedType, Schema, Values } from "./packed-store";
import { put } from "./packed-write";

/**
 * `a` if it has a slot `n`, else a copy of it 1.25× longer plus 4 (zero-filled past the copy), so
 * N pushes make O(log N) allocations.
 */
function room(a: any, n: number): any {
  if (n < a.length) return a;
  (n = new a.constructor(n + (n >> 2) + 4)).set(a);
  return n;
}

/**
 * Appends an object of type `y` to `s`. Atomic: when a value does not fit its column it throws
 * `"<field>=<value> does not fit"` and the store is exactly as it was (same columns, same
 * capacity, same contents), because grown columns are only committed once every value fits.
 * @param s - the store.
 * @param y - a type registered in `s` (not checked: a type of another store corrupts both).
 * @param values - a number for every field.
 * @returns the object's index in its type's columns.
 */
export function packPush<S extends Schema, M>(s: Packed, y: PackedType<S, M>, values: Values<NoInfer<S>>): number {
  var n = y.n, q: any = {}, k: any, m: any;
  for (k in y.of) m = put((q[k] = room(y[k], n)), n, values[k], k) || m;
  if (m) {
    // Slots past the count hold 0: restore that in every column written.
    for (k in q) q[k][n] = 0;
    fail(m);
  }
  Object.assign(y, q);
  (s.T = room(s.T, s.n))[s.n++] = y.t;
  return y.n++;
}
