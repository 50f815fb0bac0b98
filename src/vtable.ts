/**
 * Thin multi-method traits: one shared vtable per implementing type, a plain object of functions
 * keyed by method name (no constructor, no prototype chain to walk). An object joins a trait by
 * carrying one property `v` pointing at its type's vtable; the hot call is `o.v.area(o)`.
 *
 * Fastest loop measured on Espruino 2v29 (Linux, N=257, two types alternating, instructions
 * counted with cachegrind, as a ratio to a class's `for (o of xs) s += o.area()`; docs/core.md):
 * `for (o of xs) s += o.v.area(o)` 1.06×. Named slots beat array slots (`o.v[0](o)` 1.16×).
 * Faster still, 0.90×: a callable vtable, the type's primary method itself with the others as
 * its properties, called `o.v()` with `this` = the object (built by hand; `make` takes it as is).
 * Slowest common mistake: an index loop with a `const` in its body,
 * `for (let i = 0; i < n; i++) { const o = xs[i]; s += o.v[0](o); }`, 2.83× (an Espruino Array
 * is a linked list, so `xs[i]` walks it, and a block-scoped `const` makes a scope per pass).
 *
 * RAM: `{w,h,v}` = 5 JsVars per object vs 6 for a class instance (0.83×). Methods take `self`
 * first because `o.v.area()` would bind `this` to the vtable.
 *
 * Declare trait methods with method syntax (`area(self: object): number`): TypeScript then checks
 * parameters bivariantly, so an impl may narrow `self` to its own data type.
 * @packageDocumentation
 */
import { assign } from "./assign";
import { CHECKED } from "./checked";
import { fail } from "./fail";
import { setter } from "./setter";

/** A data object that carries its vtable in `v`. */
export type Dyn<D, V> = D & { v: V };

/**
 * A trait's defaults: for each method, its default function, or `null` for a method every impl
 * must give. A method listed here (with `null` or a default) is checked when a vtable is made;
 * list them all, so plain JavaScript gets the check that TypeScript gives.
 */
export type Defaults<M> = { readonly [K in keyof M]?: M[K] | null };

/** Methods an impl must give: every method of `M` without a default, plus any of the defaulted ones. */
export type Impl<M, Dft> = Omit<M, { [K in keyof Dft]: Dft[K] extends null | undefined ? never : K }[keyof Dft]> & Partial<M>;

/** A trait over the method interface `M`, with defaults `Dft`. */
export interface Trait<M, Dft> {
  /**
   * Builds a vtable: a new object with `methods`, then the defaults of the methods it does not
   * give (a method given as `undefined` keeps its default). TypeScript rejects a missing method;
   * the checked build (src/checked.ts) also throws `"no method <name>"` when a method listed in
   * the defaults or given has neither an implementation nor a default. Build one per type and
   * share it.
   */
  impl(methods: Impl<M, Dft>): M;
}

/**
 * Pairs `data` with vtable `vt` at the cost of one property: sets `data.v = vt`, returns `data`.
 * @param data - the data object; it is mutated and returned.
 * @param vt - a vtable built by {@link Trait.impl}, shared by all objects of one type.
 */
export const make: <D extends object, V>(data: D, vt: V) => Dyn<D, V> = setter("v");

/**
 * Declares a trait over the method interface `M` (methods take `self` first). Curried so that `M`
 * is given explicitly while the defaults' type is inferred:
 * `const Shape = trait<ShapeMethods>()({ area: null, describe: function () { return "shape"; } })`.
 * Hot loop: `for (o of xs) s += o.v.area(o)`.
 * @returns a function taking the {@link Defaults} (@default none), returning the {@link Trait}.
 */
export const trait =
  <M,>() =>
  <Dft extends Defaults<M> = {}>(defaults?: Dft): Trait<M, Dft> => ({
    impl: (m: any, v?: any, k?: any): any => {
      for (k in ((v = assign({}, m)), defaults)) v[k] = v[k] || (defaults as any)[k];
      if (CHECKED) for (k in v) v[k] || fail("no method " + k);
      return v;
    },
  });
