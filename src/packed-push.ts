/**
 * Appending to a packed store (see packed-store.ts for the layout).
 * @packageDocumentation
 */
import type { Packed, PackedType, Schema, Values } from "./packed-store";
import { slots } from "./packed-slots";

/**
 * Appends an object of type `y` to `s`. Atomic: every value is checked before anything is
 * written, so when one does not fit it throws `"<field>=<value> does not fit"` and the store is
 * exactly as it was (same columns, same capacity, same contents). Full columns and a full tag
 * stream grow 1.25× plus 4 (see `slots`).
 * @param s - the store.
 * @param y - a type registered in `s` (not checked: a type of another store corrupts both).
 * @param values - a number for every field.
 * @returns the object's index in its type's columns.
 */
export const packPush: <S extends Schema, M>(s: Packed, y: PackedType<S, M>, values: Values<NoInfer<S>>) => number = (
  s,
  y: any,
  values: any,
) => (slots(y, values, 1), slots(y, values), slots(s, { T: y.t }), s.n++, y.n++);
