/**
 * Checked writes into a typed-array column.
 * @packageDocumentation
 */

/**
 * Writes `v` to `a[j]` and tells whether it fits: an integer column must read it back equal (this
 * catches wrap-around and truncation: `u8` 300 → 44, 1.5 → 1), a float column finite (f32
 * overflow reads back as Infinity; NaN is refused). Whether the column holds floats is found by
 * writing 0.5 first: an integer column reads it back as 0. The caller undoes a misfit.
 * @param f - the field's name, for the message.
 * @returns 0 if it fits, else the message `"<f>=<v> does not fit"`.
 */
export function put(a: any, j: number, v: number, f: string): string | 0 {
  a[j] = 0.5;
  var x = a[j];
  a[j] = v;
  return (x ? isFinite(a[j]) : a[j] === v) ? 0 : f + "=" + v + " does not fit";
}
