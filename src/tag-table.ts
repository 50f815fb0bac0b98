/**
 * Table (tag) dispatch: each object carries a small integer tag `t`, and each method has one
 * shared array of functions indexed by tag, its column. The column also holds the object its
 * loop is at, in its slot `o`, and the methods read it from there: `this` is the column.
 *
 * Fastest loop: `A = T.area` read once, then `for (A.o of xs) s += A[A.o.t]()`, each method a
 * `function` reading `this.o` (`function () { return this.o.w * this.o.h; }`). The `for…of`
 * writes each object straight into the slot (its target, `A.o`, is resolved once per loop), and
 * the call has no argument: Espruino makes a new variable for every argument of every call, while
 * `this` costs nothing. Measured on Espruino 2v29 (Linux, N=257, two types alternating,
 * instructions counted with cachegrind, as a ratio to a class's `for (o of xs) s += o.area()`;
 * docs/core.md): 1.035×, against 1.13× for passing the object, `A[o.t](o)`. `grow(k)`:
 * `for (G.o of xs) G[G.o.t](k)`, 1.03× a class's `o.grow(k)`.
 * Slowest common mistake: an index loop (`xs[i]` walks Espruino's linked-list Array), 2.61×;
 * writing the slot in the body (`for (o of xs) { A.o = o; s += A[o.t](); }`) 1.22×; a local
 * in the method (`var o = this.o;`) 1.37×.
 *
 * Per object this costs what a vtable field costs (`{w,h,t}` = 5 JsVars vs 6 for a class
 * instance), but the tag is a number: it fits a `Uint8Array`, can be saved, sent or compared, and
 * is how the packed store names its types. Each column costs one JsVar more for its slot.
 *
 * **The slot is a cursor, one per column, not one per loop.** Whatever writes `A.o` moves it for
 * every method of the column `A`:
 * - a method that itself loops over its own column (`for (this.o of kids)`), or calls something
 *   that does, finds `this.o` at the last object of that inner loop when the inner loop ends: read
 *   what it needs from `this.o` before, or save and restore it (`var me = this.o; …; this.o =
 *   me;`). The outer loop is unharmed: it writes the slot again for its next object.
 * - to call a method of another column for the object, set that column's slot first
 *   (`G.o = this.o; G[this.o.t](1)`), never the column's own slot.
 * - after a loop, the slot keeps its last object alive (one reference, no copy): set `A.o = 0`
 *   to let it go.
 * The core never reads the slot, so no call to it costs anything; test/core-tag-table.test.ts
 * shows each rule.
 *
 * Invariant: a tag is the index of the object's type in the `vts` given to {@link tagTable},
 * `0 <= t < vts.length`, and `T[method][t]` is that type's method; `T[method].o` is the object
 * the column's latest loop (or whoever wrote the slot last) is at.
 * @packageDocumentation
 */
import { CHECKED } from "./checked";
import { fail } from "./fail";
import { setter } from "./setter";

/**
 * What a tag table's method sees as `this`: its column, whose slot `o` holds the object `D` the
 * loop is at. Declare a tag table's methods with it: `area(this: At<Dims>): number`.
 */
export interface At<D> {
  o: D;
}

/**
 * One method's column: the types' functions by tag, and the slot `o` the loop writes the object
 * into (`for (A.o of xs)`). `never` for a method that does not read its object from `this.o`
 * (a method taking it as an argument belongs to a vtable, src/vtable.ts).
 */
export type TagColumn<F> = F extends (this: At<infer D>, ...args: never) => unknown ? unknown extends D ? never : readonly F[] & At<Tagged<D>> : never;

/** One column per method of `V` (see {@link TagColumn}). */
export type TagTable<V> = { readonly [K in keyof V]: TagColumn<V[K]> };

/** A data object tagged with the index `t` of its type. */
export type Tagged<D> = D & { t: number };

/** Throws `"no method <name>"` if a vtable lacked a method another has (a hole in `T`). */
const check = (T: any, k?: any) => {
  for (k in T) T[k].map((f: unknown) => f || fail("no method " + k));
};

/**
 * Tags `data` with `t` (sets `data.t`) and returns it.
 * @param data - the data object; it is mutated and returned.
 * @param t - the index of its type in the vtables given to {@link tagTable}.
 */
export const tag: <D extends object>(data: D, t: number) => Tagged<D> = setter("t");

/**
 * Builds a tag table from vtables (objects of methods by name, each a `function` reading its
 * object from `this.o`, see {@link At}): for every method any of them has, its column, the array
 * of each type's function, tag = position in `vts`. The checked build (src/checked.ts) throws
 * `"no method <name>"` when a vtable lacks a method another has, so the table is complete or not
 * made. Vtables from one `trait().impl` have every method, as its types say.
 * @param vts - the vtables, one per implementing type, e.g. from `trait<M>().impl`, with `M`'s
 *   methods declared `area(this: At<Dims>): number`.
 * @example `const T = tagTable([RectVT, TriVT]), A = T.area; for (A.o of xs) s += A[A.o.t]();`
 */
export const tagTable: <V extends object>(vts: readonly V[]) => TagTable<V> = (vts: any, T?: any, k?: any) => (
  (T = {}),
  vts.map((v: any) => {
    for (k in v) T[k] = vts.map((u: any) => u[k]);
  }),
  CHECKED && check(T),
  T
);
