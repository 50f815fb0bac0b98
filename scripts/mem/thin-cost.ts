/**
 * What a group's items would cost in each thin style: the styles built on the board by the probe,
 * and the packed store computed from its bytes. Pure: no I/O.
 */
import type { MemGroup } from "./map.ts";

/** The thin styles, in the order tables show them. */
export const THIN_STYLES = ["thin.func", "thin.vtable", "thin.table", "thin.packed"] as const;

/** Bytes per item of a packed store: a `Float32Array` column per number field and a `Uint8Array` tag. */
export function packedBytes(group: MemGroup): number | null {
  return group.numbers > 0 && group.numbers === group.fields.length ? group.numbers * 4 + 1 : null;
}

/** JsVars per item in each thin style (null where the style does not apply), for a board's block size. */
export function thinCosts(group: MemGroup, blocksize: number): Record<string, number | null> {
  const packed = packedBytes(group);
  return {
    "thin.func": group.thin["thin.func"] ?? null,
    "thin.vtable": group.thin["thin.vtable"] ?? null,
    "thin.table": group.thin["thin.table"] ?? null,
    "thin.packed": packed !== null && blocksize > 0 ? packed / blocksize : null,
  };
}

/** How the thin figures were found, for every table and the JSON. */
export const THIN_SOURCE =
  "thin.func, thin.vtable and thin.table: built on the board, up to 16 items of each with the group's own fields and values " +
  "(per item: size of all − size of the first half, over the second half), only for items with methods; thin.packed: computed, " +
  "a Float32Array column per number field and a Uint8Array tag, bytes ÷ the block size (the store's fixed part not counted)";
