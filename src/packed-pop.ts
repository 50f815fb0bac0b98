/**
 * Removing the last object of a packed store.
 * @packageDocumentation
 */
import { fail } from "./fail";
import type { Packed } from "./packed-store";

/**
 * Removes the last pushed object: its type's count drops by one and its slots go back to 0, so
 * columns past the count stay zero. Throws `"empty"` on an empty store.
 * @returns the removed object's tag.
 */
export const packPop: (s: Packed) => number = (s, t?: any, y?: any, k?: any) => {
  y = s.Y[(t = s.T[s.n ? --s.n : fail("empty")])];
  for (k in (y.n--, y.of)) y[k][y.n] = 0;
  return t;
};
