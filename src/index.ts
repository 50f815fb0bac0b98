/**
 * thincall core: fast, small dynamic dispatch for Espruino. Re-exports only; see docs/core.md.
 * @packageDocumentation
 */
export { func, funcMut, funcOnce, callOnce } from "./inline-fn";
export type { InlineFn, Func, FuncMut, FuncOnce, Once } from "./inline-fn";
export { trait, make } from "./vtable";
export type { Method, Vtable, Slots, Impl, Dyn, Trait } from "./vtable";
export { tagTable, tag } from "./tag-table";
export type { TagTable, Tagged } from "./tag-table";
export { PackedStore } from "./packed-store";
export type { Width, Schema, PackedMethod, PackedType } from "./packed-store";
