/**
 * The shape of a workload file: your own object types, their fields and methods, and the loops
 * to time (docs/workloads.md). Imported as `thincall/workload`; `defineWorkload` only types the
 * object, so this file needs nothing from Node or a board.
 */

/** A field's typed-array kind: what the packed and grouped styles store it as. */
export type FieldKind = "u8" | "i8" | "u16" | "i16" | "u32" | "i32" | "f32" | "f64";

/** One field: its kind and its value for the object at index `i` (0-based, over all types). */
export interface FieldSpec {
  kind: FieldKind;
  /** A number for every object, or a function of the object's index (run on the board: plain code only). */
  init: number | ((i: number) => number);
}

/** A type's fields by name. */
export type Fields = { [field: string]: FieldSpec };

/** The values the methods see through `this`: one number per field. */
export type FieldValues<F extends Fields> = { [K in keyof F]: number };

/** One type: how many of every `share`-sum objects are of it, its fields, its methods. */
export interface TypeSpec<F extends Fields = Fields, M = { [method: string]: (...args: number[]) => unknown }> {
  /** Objects of this type per round of all types' shares (types interleave by index). @default 1 */
  share?: number;
  fields: F;
  /** Written as class methods; `this` is the fields. Every type has the same method names. */
  methods: M & ThisType<FieldValues<F>>;
}

/** One timed loop: `call` on every object, in the container's order. */
export interface LoopSpec {
  /** Shown in tables and records (up to 64 characters). */
  name: string;
  /** The method called on every object. */
  call: string;
  /** Numbers passed to every call. @default [] */
  args?: number[];
  /** `"sum"`: the loop adds up what the method returns. @default none: the method's result is dropped */
  reduce?: "sum";
}

/** A workload: types (by name) and loops. */
export interface WorkloadSpec<T extends { [type: string]: TypeSpec<any, any> } = { [type: string]: TypeSpec<any, any> }> {
  /** Objects per container. @default chosen from free memory, as for the built-in bench */
  n?: number;
  types: { [K in keyof T]: T[K] };
  loops: LoopSpec[];
}

/** Types a workload (`export default defineWorkload({...})`): `this` in each method is its type's fields. */
export function defineWorkload<T extends { [type: string]: Fields }>(w: {
  n?: number;
  types: { [K in keyof T]: { share?: number; fields: T[K]; methods: { [method: string]: (...args: any[]) => unknown } & ThisType<FieldValues<T[K]>> } };
  loops: LoopSpec[];
}): WorkloadSpec {
  return w as WorkloadSpec;
}
