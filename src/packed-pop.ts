/**
 * Removing the last object of a packed store.
 * @packageDocumentation
 */
import { fail } from "./fail";
import type { Packed } from "./packed-store";
import { slots } from "./packed-slots";

/**
 * Removes the last pushed object: its type's count drops by one and its slots go back to 0, so
 * columns past the count stay zero. Throws `"empty"` on an empty store.
 * @returns the removed object's tag.
 */
export const packPop: (s: Packed) => number = (s, t?: any, y?: any) => (
  // `y.n-- * 0` lowers the count after `y` is read and gives `slots` its 0 (zero the slots).
  slots((y = s.Y[(t = s.T[s.n ? --s.n : fail("empty")])]), y.n-- * 0), t
);
