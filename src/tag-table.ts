/**
 * Table (tag) dispatch: each object carries a small integer tag `t` that indexes one shared table
 * of vtables: `T[o.t][slot](o)`. Same per-object cost as a vtable field (`{w,h,t}` = 5 JsVars on
 * Espruino 2v29 vs 6 for a class instance), but the tag is a number: it fits a `Uint8Array`, can be
 * saved, sent or compared, and is how {@link PackedStore} maps its objects to vtables.
 *
 * Invariant: a tag is the index of the object's vtable in the table, `0 <= t < T.length`.
 * @packageDocumentation
 */
import { fail } from "./fail";

/** A table of vtables indexed by tag: a plain array at run time. */
export type TagTable<V> = readonly V[];

/** A data object tagged with the index `t` of its vtable in a {@link TagTable}. */
export type Tagged<D> = D & { t: number };

/**
 * Builds a tag table from vtables: tag = position in `vts`. Returns `vts` itself, typed: at run
 * time this is the built-in `Object`, which returns an object argument unchanged (no code of its own).
 * @param vts - the vtables, one per implementing type.
 */
export const tagTable: <V>(vts: V[]) => TagTable<V> = Object as any;

/**
 * Tags `data` with the index of `vt` in `table` (sets `data.t`) and returns it.
 * @param data - the data object; it is mutated and returned.
 * @param table - the {@link TagTable} the object is dispatched through.
 * @param vt - the object's vtable; throws `Error("unknown vtable")` if it is not in `table`.
 */
export function tag<D extends object, V>(data: D, table: TagTable<V>, vt: V): Tagged<D> {
  // On failure `data.t` is left at -1: setting it first keeps this to one expression.
  return ((data as Tagged<D>).t = table.indexOf(vt)) < 0 ? fail("unknown vtable") : (data as Tagged<D>);
}
