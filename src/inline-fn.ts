/**
 * Single-method inline pointer: the function is ONE property `f` on the data object itself,
 * like Rust carrying a function pointer inline instead of a vtable.
 *
 * Cost on Espruino 2v29 (N=200 objects with 2 number fields, JsVars per object incl. array slot):
 * `{w,h,f}` = 5, closure over the data object = 10, closure over the two numbers = 8,
 * `f.bind(null, d)` = 9, wrapper `{d, f}` = 7.
 *
 * Calling convention: `x.f(a, b)`, the function reads its data through `this`: `x.f()` reading
 * `this` beat `x.f(x)` by about 1 µs per call on the interpreter. Use `function` expressions, not arrows.
 *
 * Fastest loop measured on Espruino 2v29 (Linux, N=257, two types alternating, instructions
 * counted with cachegrind, as a ratio to a class's `for (o of xs) s += o.area()`; docs/core.md):
 * `for (o of xs) s += o.f()` 0.835× (0.81–0.85× timed). Slowest common mistake: an index loop,
 * `for (i = 0; i < n; i++) s += xs[i].f()`, 2.28× (an Espruino Array is a linked list).
 * @packageDocumentation
 */
import { CHECKED } from "./checked";
import { fail } from "./fail";
import { setter } from "./setter";

/** A function stored inline: `this` is the carrying object, 0 to 2 extra arguments. */
export type InlineFn<D> = (this: D, a?: any, b?: any) => unknown;

/** Data carrying a pure function `f` (Rust `Fn`): `this` is read-only inside `f`. */
export type Func<D, F> = D & { f: F };

/** Data carrying a mutating function `f` (Rust `FnMut`): `f` may write to `this`. */
export type FuncMut<D, F> = D & { f: F };

declare const SPENDABLE: unique symbol;
/** Marks `f` of a {@link FuncOnce}: not callable directly, only through {@link callOnce}. */
export type Once<F> = { readonly [SPENDABLE]: F };

/** Data carrying a call-once function (Rust `FnOnce`); call it with {@link callOnce}. */
export type FuncOnce<D, F> = D & { f: Once<F> };

/**
 * Attaches `fn` as property `f` of `d` (no wrapper, no closure, no bind) and returns `d`.
 * Call it as `x.f(a, b)`.
 * @param d - the data object; it is mutated and returned.
 * @param fn - a `function` reading `this` (read-only); 0 to 2 arguments.
 * @example `const r = func({ w: 2, h: 3 }, function () { return this.w * this.h }); r.f() === 6`
 */
export const func: <D extends object, F extends InlineFn<Readonly<D>>>(d: D, fn: F) => Func<D, F> = setter("f");

/**
 * Calls the function of a {@link FuncOnce} with `this` = `x`, after setting `x.f` to 0, so a
 * second call throws: the interpreter's own error in the default build (`0.call` is no
 * function: Espruino says `Function "call" not found!`), `Error("FuncOnce called twice")` in
 * the checked build (src/checked.ts). Spending allocates nothing.
 * @param x - the object made by {@link funcOnce}.
 * @param a - first argument, if the function takes one.
 * @param b - second argument, if the function takes two.
 * @returns what the function returns.
 */
export const callOnce: CallOnce = (x: any, a?: unknown, b?: unknown) => (
  // `x.f.call` is read before the arguments are evaluated, so `x.f = 0` spends it before it runs.
  CHECKED && (x.f || fail("FuncOnce called twice")), x.f.call((x.f = 0, x), a, b)
);

/** The signatures of {@link callOnce}: 0 to 2 arguments, as the function takes. */
export interface CallOnce {
  <R>(x: FuncOnce<object, () => R>): R;
  <A, R>(x: FuncOnce<object, (a: A) => R>, a: A): R;
  <A, B, R>(x: FuncOnce<object, (a: A, b: B) => R>, a: A, b: B): R;
}
