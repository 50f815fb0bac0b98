/**
 * The canonical workload shared by every style: two number fields `w`, `h`, and the methods
 * `area()` and `grow(k)`. Two types alternate in every container: even indexes are rects
 * (area w·h), odd ones are triangles (area w·h/2). Values are small integers, so every
 * representation (doubles, f32 fields) computes the same checksum.
 */

/** Width of object i. */
export function W(i: number): number {
  return 1 + (i % 7);
}

/** Height of object i. */
export function H(i: number): number {
  return 2 + (i % 5);
}
