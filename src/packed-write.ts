/**
 * The fit check every write into a typed-array column goes through.
 * @packageDocumentation
 */
import { fail } from "./fail";

/**
 * Throws `"<f>=<v> does not fit"` unless `v` fits a column made by `C`: an integer column must
 * read it back equal (this catches wrap-around and truncation: `u8` 300 → 44, 1.5 → 1), a float
 * column finite (f32 overflow reads back as Infinity; NaN is refused). It writes into a scratch
 * array of two slots (0.5, then `v`), never into the store, so a caller checks every value before it writes any
 * and has nothing to undo. Whether `C` holds floats is found by writing 0.5: an integer slot
 * reads it back as 0.
 * @param C - the column's constructor (`Float32Array`, `Uint8Array`, ...).
 * @param v - the value to check.
 * @param f - the field's name, for the message.
 */
export const fits = (C: new (a: number[]) => any, v: number, f: string, a?: any): unknown =>
  // x * 0 == 0 is isFinite(x), shorter (Infinity * 0 and NaN * 0 are NaN).
  ((a = new C([0.5, v]))[0] ? a[1] * 0 == 0 : a[1] === v) || fail(f + "=" + v + " does not fit");
