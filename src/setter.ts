/**
 * One function for `func`, `make` and `tag`, which differ only in the property they set: one
 * body in the bundle instead of three.
 * @packageDocumentation
 */

/**
 * A function `(d, x) => d` that sets `d[k] = x` and returns `d`: no wrapper, no copy.
 * @param k - the property to set (`"f"`, `"v"` or `"t"`).
 */
export const setter =
  (k: string) =>
  (d: any, x: unknown): any =>
    ((d[k] = x), d);
