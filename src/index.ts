/**
 * thincall core: fast, small dynamic dispatch for Espruino. Re-exports only, so that a bundle
 * keeps only the parts it imports; see docs/core.md.
 * @packageDocumentation
 */
export { func, callOnce } from "./inline-fn";
export { funcMut, funcOnce } from "./func-kinds";
export type { InlineFn, Func, FuncMut, FuncOnce, Once } from "./inline-fn";
export { trait, make } from "./vtable";
export type { Impl, Dyn, Trait, Callable, CallableTrait, CallableImpl, Primary, Defaults, DeclareTrait } from "./vtable";
export { tagTable, tag } from "./tag-table";
export type { At, TagColumn, TagTable, Tagged } from "./tag-table";
export { packed, packType, packOrder } from "./packed-store";
export type { Column, Schema, Values, PackedType, Packed } from "./packed-store";
export { packPush } from "./packed-push";
export { packPop } from "./packed-pop";
export { packAt } from "./packed-field";
