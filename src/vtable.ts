/**
 * Thin multi-method traits: one shared vtable per implementing type, a PLAIN ARRAY of functions
 * in slot order (no constructor, name or prototype). An object joins a trait by carrying one
 * property `v` pointing at its type's vtable; the hot call is `o.v[0](o, k)`.
 *
 * Cost on Espruino 2v29 (N=200, 2 number fields, JsVars per object incl. array slot): `{w,h,v}` = 5
 * vs a class instance = 6 (0.83×); plain `{w,h}` = 4. Methods take `self` first because `o.v[0]()`
 * would bind `this` to the array.
 *
 * Declare trait methods with method syntax (`area(self: object): number`): TypeScript then checks
 * parameters bivariantly, so an impl may narrow `self` to its own data type.
 * @packageDocumentation
 */
/** Any method of a trait: `self` first, then 0 to 2 arguments. */
export type Method = (self: any, a?: any, b?: any) => unknown;

/** A vtable: the methods of `M` named by the tuple `K`, in slot order (a plain array at run time). */
export type Vtable<M, K extends readonly (keyof M)[]> = { readonly [I in keyof K]: M[K[I]] };

/** Slot index of each method, typed as the literal index: `{ area: 0, grow: 1 }`. */
export type Slots<K extends readonly PropertyKey[]> = {
  readonly [P in Exclude<keyof K, keyof unknown[]> as K[P] & string]: P extends `${infer N extends number}` ? N : never;
};

/** Methods an impl must give: every method of `K` without a default, plus any of the defaulted ones. */
export type Impl<M, K extends readonly (keyof M)[], Dft> = Pick<M, Exclude<K[number], keyof Dft>> &
  Partial<Pick<M, K[number]>>;

/** A data object that carries its vtable in `v`. */
export type Dyn<D, V> = D & { v: V };

/** A trait: its slot indexes, a vtable builder and the function that pairs data with a vtable. */
export interface Trait<M, K extends readonly (keyof M)[], Dft> {
  /** Slot index per method name: `o.v[T.slot.area]` has the type of `area`. */
  readonly slot: Slots<K>;
  /**
   * Builds a vtable in slot order, filling methods missing from `methods` with the defaults.
   * TypeScript rejects an impl missing a method without a default (not checked at run time:
   * the check would cost code RAM on every board). Build one per type and share it.
   */
  impl(methods: Impl<M, K, Dft>): Vtable<M, K>;
  /** Sets `data.v = vt` and returns `data`, typed. Same as {@link make}. */
  make<D extends object>(data: D, vt: Vtable<M, K>): Dyn<D, Vtable<M, K>>;
}

/**
 * Pairs `data` with vtable `vt` at the cost of one property: sets `data.v = vt`, returns `data`.
 * @param data - the data object; it is mutated and returned.
 * @param vt - a vtable built by {@link Trait.impl}, shared by all objects of one type.
 */
export function make<D extends object, V>(data: D, vt: V): Dyn<D, V> {
  (data as Dyn<D, V>).v = vt;
  return data as Dyn<D, V>;
}

/**
 * Declares a trait over the method interface `M` (methods take `self` first). Curried so that `M`
 * is given explicitly while the method names are inferred as a tuple:
 * `const Shape = trait<ShapeMethods>()(["area", "grow", "describe"], { describe: d })`.
 * @returns a function taking `names` (the slot order) and optional `defaults` (default methods
 * by name; @default none), returning the {@link Trait}.
 */
export function trait<M>() {
  return function <const K extends readonly (keyof M & string)[], Dft extends Partial<Pick<M, K[number]>> = {}>(
    names: K,
    defaults?: Dft,
  ): Trait<M, K, Dft> {
    var slot: any = {};
    names.map(function (n, i) {
      slot[n] = i;
    });
    return {
      slot: slot,
      impl: function (m: any): any {
        return names.map(function (n) {
          return m[n] || (defaults && (defaults as any)[n]);
        });
      },
      make: make,
    };
  };
}
