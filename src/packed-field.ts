/**
 * Checked field access by name: convenient, slower than reading the columns (`y.w[j]`).
 * @packageDocumentation
 */
import { fail } from "./fail";
import type { PackedType } from "./packed-store";
import { fits } from "./packed-write";

/**
 * Reads field `f` of object `j` of type `y` and, if `v` is given, writes `v` there. Throws
 * `"no field <f> at <j>"` when `y` has no field `f` (a field is a name of the schema `y.of`:
 * "constructor", "i" or a method name is no field) or no object
 * `j` (`0 <= j < y.n`), and `"<f>=<v> does not fit"` when `v` does not fit, changing nothing
 * (the value is checked before it is written). One message for both misses: the check is one
 * expression, the message says which.
 * @returns the value before the write.
 */
export const packAt: (y: PackedType<any, any>, j: number, f: string, v?: number) => number = (y, j, f, v, a?: any) => (
  // Locals as extra parameters: an arrow with an expression body is the shortest code.
  // A field is a name in the schema (not "i" or a method); a name the schema only inherits
  // ("constructor") names no typed array, where `j in a` is false, as it is for -1 or 0.5.
  (y.of[f] && j in (a = y[f]) && j < y.n) || fail("no field " + f + " at " + j),
  // The old value, then the write (checked first); `+ 0 *` keeps the old value, as a value that
  // fits is finite.
  a[j] + 0 * ((v == null || (fits(y, f, v), (a[j] = v))) as any)
);
