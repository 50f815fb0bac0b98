/**
 * Checked field access by name: convenient, slower than reading the columns (`y.w[j]`).
 * @packageDocumentation
 */
import { fail } from "./fail";
import type { PackedType } from "./packed-store";
import { put } from "./packed-write";

/**
 * Reads field `f` of object `j` of type `y` and, if `v` is given, writes `v` there. Throws
 * `"no field <f> at <j>"` when `y` has no own field `f` ("constructor" is no field) or no object
 * `j` (`0 <= j < y.n`), and `"<f>=<v> does not fit"` when `v` does not fit, changing nothing.
 * One message for both misses: the check is one expression, the message says which.
 * @returns the value before the write.
 */
export function packAt(y: PackedType<any, any>, j: number, f: string, v?: number): number {
  var a = y.of.hasOwnProperty(f) && j >>> 0 === j && j < y.n ? y[f] : fail("no field " + f + " at " + j), o = a[j], m;
  if (v !== undefined && (m = put(a, j, v, f))) (a[j] = o), fail(m);
  return o;
}
