/**
 * The fit check every write into a typed-array column goes through.
 * @packageDocumentation
 */
import { fail } from "./fail";

/**
 * Throws `"<f>=<v> does not fit"` unless `v` fits field `f`'s column: an integer column must
 * read it back equal (this catches wrap-around and truncation: `u8` 300 → 44, 1.5 → 1), a float
 * column finite (f32 overflow reads back as Infinity; NaN is refused). Equal is `==` (a byte
 * shorter): a value that is not a number but converts to one that fits (`"5"`, `""`, `false`) is
 * taken as that number, as a float column takes it; TypeScript refuses such values. It writes into a scratch
 * array of two slots (0.5, then `v`), never into the store, so a caller checks every value before it writes any
 * and has nothing to undo. Whether the column holds floats is found by writing 0.5: an integer slot
 * reads it back as 0.
 * @param y - the segment: its schema `y.of` gives the column's constructor (`Float32Array`, `Uint8Array`, ...).
 * @param f - the field's name.
 * @param v - the value to check.
 */
export const fits = (y: any, f: string, v: number, a?: any): unknown =>
  // x * 0 == 0 is isFinite(x), shorter (Infinity * 0 and NaN * 0 are NaN).
  ((a = new y.of[f]([0.5, v]))[0] ? a[1] * 0 == 0 : a[1] == v) || fail(f + "=" + v + " does not fit");
