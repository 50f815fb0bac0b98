/**
 * Packed store, the `dynstack` analog: objects of mixed types kept unboxed in typed arrays, with
 * no JsVar per object or per field, and no per-object descriptor beyond a 1-byte type tag.
 *
 * Layout (invariants):
 * - Each registered type is a *segment* object `y`: its cursor `y.i` first (the hot loop reads
 *   it), then one typed array per field, named by the field (`y.w`, `y.h`: one column per field
 *   per type), then the type's methods, then its count `y.n`, tag `y.t` and schema `y.of`.
 *   Object `j` of that type (0 <= j < y.n, in push order) is `y.w[j], y.h[j]`.
 * - All columns of a type share one capacity (>= y.n); slots from `y.n` to the capacity hold 0,
 *   so a batch method may hand whole columns to a native (`E.convolve(this.w, this.h, 0)`).
 * - Insertion order: `s.T[k]` is the tag of the k-th pushed object, 0 <= k < s.n (a `Uint8Array`,
 *   capacity >= s.n). The k-th object is object `j` of type `s.Y[s.T[k]]`, where `j` counts the
 *   earlier tags equal to it: the insertion-order loop keeps that count in each type's cursor.
 * - Tags are the types' indexes in `s.Y`, in registration order: at most 256 types (tags are bytes).
 * - Growth: a full column or tag array is replaced by a copy 1.25× its length plus 4: N pushes make
 *   O(log N) allocations, and the spare capacity stays under a quarter (RAM is counted with it).
 *   Columns are replaced on growth: re-read `y.w` after a push.
 *
 * Fastest loops measured on Espruino 2v29 (Linux, N=257, rect and tri alternating, instructions
 * counted with cachegrind, as a ratio to a class's `for (o of xs) s += o.area()`; docs/core.md):
 * - insertion order: `var Y = s.Y, t; for (t of packOrder(s)) sum += Y[t].area();` with `area`
 *   defined at top level as `function () { return this.w[this.i] * this.h[this.i++]; }`: 1.53×
 *   (1.58–1.61× timed). Slowest common mistakes: methods made inside the function that builds
 *   the store, 1.66× (and 103 JsVars fixed instead of 48); an index loop, 2.03×.
 * - grouped by type: `for (y of s.Y) sum += y.sum();` with `sum` = `E.convolve(this.w, this.h, 0)`:
 *   0.06–0.09×; in JS, `for (x of this.w.subarray(0, this.n)) t += x * h[i++]`: 0.74×.
 *
 * The dynstack idea stays true: mixed types (one tag stream, any number of layouts), unboxed (no
 * object per element, only the fields' bytes and the tag byte), one growable store (a push
 * appends to the type's columns and to the tag stream; a pop removes the last object).
 * @packageDocumentation
 */
import { fail } from "./fail";

/** A field's column type: the constructor of a typed array (`Float32Array`, `Uint8Array`, ...). */
export type Column =
  | Int8ArrayConstructor | Uint8ArrayConstructor | Int16ArrayConstructor | Uint16ArrayConstructor
  | Int32ArrayConstructor | Uint32ArrayConstructor | Float32ArrayConstructor | Float64ArrayConstructor;

/** A type's fields and their column types, e.g. `{ w: Float32Array, h: Float32Array }`. */
export type Schema = { readonly [field: string]: Column };

/** An object with none of the names `K` (a name in `K` makes it a type error). */
export type NoneOf<K extends PropertyKey> = { readonly [N in K]?: never };

/** A value for every field of `S`. */
export type Values<S extends Schema> = { readonly [K in keyof S]: number };

/**
 * A registered type: a segment holding its objects' fields in columns, with its methods. Fields,
 * methods and the bookkeeping names `i`, `n`, `t`, `of` share the object: keep them distinct.
 */
export type PackedType<S extends Schema = Schema, M = {}> = {
  /** Cursor: where the insertion-order loop is in this type's segment ({@link packOrder} resets it). */
  i: number;
} & { [K in keyof S]: InstanceType<S[K]> } & M & {
  /** Number of objects of this type. */
  n: number;
  /** Tag: index in the store's `Y`. */
  readonly t: number;
  /** The schema it was registered with. */
  readonly of: S;
};

/** A packed store: types by tag in `Y`, the tag of every object in insertion order in `T`. */
export interface Packed {
  /** Tag of each object in insertion order (capacity >= `n`; replaced on growth). */
  T: Uint8Array;
  /** The registered types, by tag. */
  Y: PackedType<any, any>[];
  /** Number of objects. */
  n: number;
  /**
   * The store's own column, named as a segment's schema names its columns: the tag stream `T`
   * grows and takes each tag through the loop that writes a segment's fields (src/packed-slots.ts).
   */
  readonly of: { readonly T: 0 };
}

/** An empty store; its first push allocates. */
export const packed = (): Packed => ({ T: new Uint8Array(0), Y: [], n: 0, of: { T: 0 } });

/** The names a segment keeps for itself: no field or method may use them. */
export type Taken = "i" | "n" | "t" | "of";

/**
 * Registers a type in `s`: a segment with one empty column per field, and `methods` copied onto
 * it (they run with `this` = the segment). Throws `"too many types"` past 256 types, and
 * `"<k> is taken"` when a field or method is named like the segment's own names
 * ({@link Taken}) or like another field or method: they share the segment, so one would silently
 * replace the other (a field `i` would be lost at the next {@link packOrder}). TypeScript rejects
 * these names too; the check is in every build because it protects data. Either error leaves `s`
 * as it was. Names an object inherits ("constructor", Espruino's "on") are not taken.
 * @param s - the store.
 * @param of - the fields and their column types, e.g. `{ w: Float32Array, h: Float32Array }`.
 * @param methods - the type's methods, e.g. `{ area: function () { return this.w[this.i] * this.h[this.i++]; } }`
 *   (insertion order) or `{ sum: function () { return E.convolve(this.w, this.h, 0); } }` (batch).
 *   Define them at top level, not inside the function that builds the store (see docs/core.md).
 * @returns the type; its tag is `t`.
 */
export const packType: <S extends Schema, M extends object>(
  s: Packed,
  of: S & NoneOf<Taken>,
  methods: M & NoneOf<Taken | keyof S> & ThisType<PackedType<S, M>>,
) => PackedType<S, M> = (s, of: any, methods: any, y?: any, x?: any, k?: any) => {
  // One loop writes the columns, the methods and the segment's own names, in that order, each
  // only where the segment has no own property of that name yet (`y[k] === {}[k]`: an inherited
  // name such as "constructor" may be shadowed). `t` is the next tag: the segment joins `s.Y`
  // only once every name is in, and only if its tag fits a byte (`t >> 8` is 0: the 257th-type check, last:
  // outside the for…of header, which Espruino 2v29 mis-parses when an object literal in it throws).
  for (x of ((y = { i: 0 }), [of, methods, { n: 0, t: s.Y.length, of: of }]))
    for (k in x) y[k] = y[k] === ({} as any)[k] ? (x == of ? new of[k](0) : x[k]) : fail(k + " is taken");
  return (s.Y[y.t >> 8 ? fail("too many types") : y.t] = y);
};

/**
 * Starts an insertion-order pass: resets every type's cursor `i` to 0 and returns the tags of the
 * objects in push order (a view of exactly `s.n` tags, so `for…of` stops at the last object).
 * Fastest loop: `for (t of packOrder(s)) sum += Y[t].area();` (`Y = s.Y` a parameter of the
 * loop's function, or a `var` read before it) with `area`
 * reading `this.w[this.i] * this.h[this.i++]` (each call moves its type's cursor by one).
 */
export const packOrder: (s: Packed) => Uint8Array = (s, y?: any) => {
  // A loop, not `s.Y.map(...)`: a callback per type costs ~80 k instructions a pass on Espruino.
  for (y of s.Y) y.i = 0;
  return s.T.subarray(0, s.n);
};
