/**
 * Table (tag) dispatch: each object carries a small integer tag `t`, and each method has one
 * shared array of functions indexed by tag: `A[o.t](o)`, with `A = T.area` read once before the
 * loop. Per object this costs what a vtable field costs (`{w,h,t}` = 5 JsVars vs 6 for a class
 * instance), but the tag is a number: it fits a `Uint8Array`, can be saved, sent or compared, and
 * is how the packed store names its types.
 *
 * Why one array per method rather than one array of vtables: measured on Espruino 2v29 (Linux,
 * N=257, two types alternating, instructions counted with cachegrind, as a ratio to a class's
 * `for (o of xs) s += o.area()`; docs/core.md), `for (o of xs) s += A[o.t](o)` is 1.13×, `T[o.t].area(o)` 1.21×
 * and `T[o.t][0](o)` 1.31×: one lookup less per call.
 * Slowest common mistake: an index loop with a `const` in its body,
 * `for (let i = 0; i < n; i++) { const o = xs[i]; s += T[o.t][0](o); }`, about 2.8×; reading
 * `T.area` inside the loop, 1.17×.
 *
 * Invariant: a tag is the index of the object's type in the `vts` given to {@link tagTable},
 * `0 <= t < vts.length`, and `T[method][t]` is that type's method.
 * @packageDocumentation
 */
import { CHECKED } from "./checked";
import { fail } from "./fail";
import { setter } from "./setter";

/** One array of functions per method of `V`, indexed by tag. */
export type TagTable<V> = { readonly [K in keyof V]: readonly V[K][] };

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
 * Builds a tag table from vtables (objects of methods by name): for every method any of them
 * has, the array of each type's function, tag = position in `vts`. The checked build
 * (src/checked.ts) throws `"no method <name>"` when a vtable lacks a method another has, so the
 * table is complete or not made. Vtables from one `trait().impl` have every method, as its
 * types say.
 * @param vts - the vtables, one per implementing type, e.g. from `trait().impl`.
 * @example `const T = tagTable([RectVT, TriVT]), A = T.area; for (o of xs) s += A[o.t](o);`
 */
export const tagTable: <V extends object>(vts: readonly V[]) => TagTable<V> = (vts: any, T?: any, k?: any) => (
  (T = {}),
  vts.map((v: any) => {
    for (k in v) T[k] = vts.map((u: any) => u[k]);
  }),
  CHECKED && check(T),
  T
);
