/**
 * Thin multi-method traits: one shared vtable per implementing type, a plain object of functions
 * keyed by method name (no constructor, no prototype chain to walk). An object joins a trait by
 * carrying one property `v` pointing at its type's vtable; the hot call is `o.v.area(o)`.
 *
 * Fastest loop measured on Espruino 2v29 (Linux, N=257, two types alternating, instructions
 * counted with cachegrind, as a ratio to a class's `for (o of xs) s += o.area()`; docs/core.md):
 * `for (o of xs) s += o.v.area(o)` 1.06×. Named slots beat array slots (`o.v[0](o)` 1.16×).
 * Faster still, 0.90×: a callable vtable (a trait that names a primary method), the type's
 * primary method itself with the others as its properties, called `o.v()` with `this` = the
 * object (no argument: Espruino makes a variable per argument, `this` is free), the others
 * `o.v.grow(o, k)`; `make` takes it as is. Built by `impl(methods, primary)` of such a trait.
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

/**
 * A method taking `self` first, as the primary method of a callable vtable: the same method with
 * `self` as `this` (method syntax, so an impl may narrow `this` to its own data type).
 */
export type Primary<F> = F extends (self: infer S, ...args: infer A) => infer R ? { m(this: S, ...args: A): R }["m"] : never;

/** A callable vtable: the primary method `P` itself (call it `o.v()`), the other methods as its properties (`o.v.grow(o, k)`). */
export type Callable<M, P extends keyof M> = Primary<M[P]> & Omit<M, P>;

/** Methods an impl of a callable trait must give besides its primary: the others, as {@link Impl}. */
export type CallableImpl<M, Dft, P extends keyof M> = Omit<Impl<M, Dft>, P>;

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

/** A trait whose vtables are callable: the primary method `P` is the vtable. */
export interface CallableTrait<M, Dft, P extends keyof M> {
  /**
   * Builds a callable vtable: `primary` itself (a `function` reading `this`), carrying `methods`
   * (then the defaults of those not given) as its properties. A function carries one set of
   * properties, so a primary that already has some (another vtable's methods) is refused:
   * `"<P> is shared"`; give each type its own primary function. Otherwise as {@link Trait.impl}.
   * @param methods - the other methods, as for {@link Trait.impl}.
   * @param primary - the primary method, a `function` reading `this` (the object), never an arrow.
   */
  impl(methods: CallableImpl<M, Dft, P>, primary: Primary<M[P]>): Callable<M, P>;
}

/**
 * Pairs `data` with vtable `vt` at the cost of one property: sets `data.v = vt`, returns `data`.
 * @param data - the data object; it is mutated and returned.
 * @param vt - a vtable built by {@link Trait.impl} or {@link CallableTrait.impl}, shared by all objects of one type.
 */
export const make: <D extends object, V>(data: D, vt: V) => Dyn<D, V> = setter("v");

/** How {@link trait}'s second call declares a trait: plain vtables, or callable ones when it names a primary method. */
export interface DeclareTrait<M> {
  <Dft extends Defaults<M> = {}>(defaults?: Dft): Trait<M, Dft>;
  <P extends keyof M, Dft extends Defaults<M> & { readonly [K in P]?: null } = {}>(defaults: Dft | undefined, primary: P): CallableTrait<M, Dft, P>;
}

/**
 * Declares a trait over the method interface `M` (methods take `self` first). Curried so that `M`
 * is given explicitly while the defaults' type is inferred:
 * `const Shape = trait<ShapeMethods>()({ area: null, describe: function () { return "shape"; } })`.
 * Hot loop: `for (o of xs) s += o.v.area(o)`.
 *
 * Naming a primary method makes the vtables callable, 0.90× a class's loop instead of 1.06×:
 * `const Shape = trait<ShapeMethods>()({ grow: growBoth }, "area")`, each impl giving the other
 * methods and then `area`, a `function` reading `this`:
 * `Shape.impl({}, function () { return this.w * this.h; })`; hot loop `for (o of xs) s += o.v()`,
 * the others `o.v.grow(o, k)`. The primary has no default (one function can be the primary of one
 * vtable only). Every other method costs each `o.v()` call a little: Espruino walks a function's
 * children on each call, ~2,000 instructions per property, 6.5% of a class's call.
 * @returns a function taking the {@link Defaults} (@default none) and the primary method's name
 *   (@default none: plain vtables), returning the trait.
 */
export const trait =
  <M,>(): DeclareTrait<M> =>
  (d?: any, p?: any): any => ({
    impl: (m: any, v?: any, k?: any, x?: any): any => {
      if (CHECKED) p == null || v || fail("no method " + p);
      // One loop over the new vtable, the given methods, then the defaults. The vtable comes
      // first: a function carries one set of properties, so a primary that has any is another
      // vtable's. Then the given methods, then the defaults of those not given (or given as
      // undefined): `m[k] || x[k]` is `m[k]` while `x` is `m`. A `for…in` loop, as Object.assign
      // onto a function fails on Espruino; `m[k]`, not `v[k]`: a callable vtable is a function,
      // which inherits `call`, `apply` and `bind`.
      for (x of [(v = v || {}), m, d]) for (k in x) x == v ? fail(p + " is shared") : (v[k] = m[k] || x[k]);
      if (CHECKED) for (k in v) v[k] || fail("no method " + k);
      return v;
    },
  });
