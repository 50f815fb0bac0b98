import type { FuncMut, FuncOnce, InlineFn } from "./inline-fn";

/**
 * Like {@link func}, but `fn` may mutate `this` (Rust `FnMut`). Same function at run time.
 * @param d - the data object; it is mutated and returned.
 * @param fn - a `function` that may write to `this`; 0 to 2 arguments.
 */
export declare const funcMut: <D extends object, F extends InlineFn<D>>(d: D, fn: F) => FuncMut<D, F>;

/**
 * Attaches a call-once function (Rust `FnOnce`). Call it with `callOnce`; the type of `f`
 * forbids calling `x.f()` directly, which would not spend it. Same function as `func`.
 * @param d - the data object; it is mutated and returned.
 * @param fn - a `function` that may write to `this`; 0 to 2 arguments.
 */
export declare const funcOnce: <D extends object, F extends InlineFn<D>>(d: D, fn: F) => FuncOnce<D, F>;
