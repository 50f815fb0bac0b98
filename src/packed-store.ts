/**
 * Packed store, the `dynstack` analog: objects of mixed types kept unboxed in typed arrays, with
 * no JsVar per object or per field.
 *
 * Invariants:
 * - Data: ONE `ArrayBuffer` `b`, read through one typed view per width in use (`s.f32`, `s.u8`, ...:
 *   a view exists once a registered type has a field of its width; a view costs ~5 JsVars). Its
 *   byte length is 0 before the first push, then a power of two ≥ 8, so every view covers it exactly.
 *   The views are exactly the store's properties whose `buffer` is `b`: growth finds them that way,
 *   and builds each new view with the old one's `constructor` (no width → constructor table).
 * - Descriptors: object `i` starts at byte `O[i]` (`Uint32Array`) and has type tag `T[i]`
 *   (`Uint8Array`), for `0 <= i < length`. Both have the same capacity: 0 before the first push,
 *   then a power of two ≥ 8.
 * - Tag → vtable: `V[T[i]]` is the vtable of object `i` and `Y[T[i]]` its {@link PackedType}; tags
 *   are given in registration order, at most 256 types (they are stored in a `Uint8Array`).
 * - Layout: a type's fields are laid out in schema order, each aligned to its own width (put wide
 *   fields first to avoid padding); `at[field]` is its byte offset in the object. An object starts
 *   at the first multiple of its type's alignment `a` (largest field width) at or after the end `n`
 *   of the previous object. So `O[i] + at[f]` is a multiple of the field's width and
 *   `view[(O[i] + at[f]) >> shift]` is exact (shift 0/1/2/3 for 1/2/4/8-byte widths).
 * - Growth: the data buffer and the descriptor arrays grow independently to the next power of two
 *   that fits (doubling), copying their contents, so N pushes cost O(log N) allocations. Views
 *   and `O`/`T` are replaced on growth: re-read them from the store after a push.
 * - Values are checked on write: integer widths take integers in range only, floats must read back
 *   finite (so f32 rejects NaN, ±Infinity and values beyond f32 range). A failed write changes
 *   nothing: `push` is atomic, `set` restores the old value.
 *
 * Methods in the vtables receive `(store, byteOffset, a?, b?)` and read fields through the views,
 * e.g. for `{ w: "f32", h: "f32" }` (`at` = `{ w: 0, h: 4 }`):
 * `function area(s, o) { var f = s.f32; return f[o >> 2] * f[(o >> 2) + 1]; }`.
 * Iterate with an index loop, the arrays in locals (the hot-loop pattern):
 * `var V = s.V, T = s.T, O = s.O; for (i = 0; i < s.length; i++) sum += V[T[i]][0](s, O[i]);`
 *
 * Cost on Espruino 2v29: see docs/core.md.
 * @packageDocumentation
 */
import { fail } from "./fail";

/** Field widths: signed/unsigned integers of 8, 16, 32 bits, and 32/64-bit floats. */
export type Width = "i8" | "u8" | "i16" | "u16" | "i32" | "u32" | "f32" | "f64";

/** A type's fields and their widths, in layout order, e.g. `{ w: "f32", h: "f32" }`. */
export type Schema = { readonly [field: string]: Width };

/** A method of a packed type: receives the store and the object's byte offset, then 0 to 2 arguments. */
export type PackedMethod = (s: PackedStore<any>, o: number, a?: any, b?: any) => unknown;

/** A type registered in a {@link PackedStore}: its tag and field layout. */
export interface PackedType<S extends Schema> {
  /** Tag: index in the store's `V` and `Y`. */
  readonly t: number;
  /** The schema it was registered with. */
  readonly of: S;
  /** Byte offset of each field from the object's start. */
  readonly at: { readonly [K in keyof S]: number };
  /** Size: bytes from the object's start to the end of its last field. */
  readonly z: number;
  /** Alignment: largest field width in bytes (1 for an empty schema); objects start at a multiple of it. */
  readonly a: number;
}

/**
 * A copy of `a` in a new `C` (a typed array constructor) whose length is the smallest power of two
 * ≥ max(n, 8).
 */
function grown(C: any, a: ArrayLike<number>, n: number): any {
  for (var c: any = 8; c < n; c *= 2);
  (c = new C(c)).set(a);
  return c;
}

/**
 * Checks that `i` indexes an object of `s` (an integer, `0 <= i < length`) and returns it; else
 * throws `"index <i> out of range"`.
 */
function index(s: PackedStore<any>, i: number): number {
  return i >>> 0 !== i || i >= s.length ? fail("index " + i + " out of range") : i;
}

/**
 * Field `f` of object `i` (not range-checked here): returns its value; if `write`, first writes
 * `v` there and checks it fits by reading it back (integers must read back equal: this catches
 * wrap-around and truncation; floats must read back finite: f32 overflow reads back as Infinity).
 * A value that does not fit is undone and throws `"<f>=<v> does not fit <width>"`.
 */
function cell(s: any, i: number, f: string, v?: number, write?: 1): any {
  var y = s.Y[s.T[i]], w = y.of[f] || fail("no field " + f), a = s[w],
    j = (s.O[i] + y.at[f]) / ((w.slice(1) as any) >> 3), old = a[j];
  if (write) {
    a[j] = v;
    // Widths compare as strings: "f32" and "f64" sort before "g", integer widths after.
    (w < "g" ? isFinite(a[j]) : a[j] === v) || ((a[j] = old), fail(f + "=" + v + " does not fit " + w));
  }
  return old;
}

/**
 * A growable store of unboxed objects of mixed types; see the module doc for its invariants.
 * @typeParam VT - the vtable type shared by all registered types (e.g. from `trait().impl`).
 */
export class PackedStore<VT extends readonly PackedMethod[] = readonly PackedMethod[]> {
  /** Byte offset of each object, by index (capacity ≥ `length`). */
  declare O: Uint32Array;
  /** Type tag of each object, by index (capacity ≥ `length`). */
  declare T: Uint8Array;
  /** Tag table: the vtable of each registered type, by tag. */
  declare V: VT[];
  /** The {@link PackedType} of each registered type, by tag. */
  declare Y: PackedType<any>[];
  /** Number of objects. */
  declare length: number;
  /** End of the last object, in bytes. */
  declare n: number;
  /** The data buffer; replaced on growth. */
  declare b: ArrayBuffer;
  // Views over `b`, for the widths in use; replaced on growth.
  declare u8: Uint8Array;
  declare i8: Int8Array;
  declare i16: Int16Array;
  declare u16: Uint16Array;
  declare i32: Int32Array;
  declare u32: Uint32Array;
  declare f32: Float32Array;
  declare f64: Float64Array;

  /** An empty store with no capacity: the first push allocates. */
  constructor() {
    var s = this;
    s.V = [];
    s.Y = [];
    s.length = s.n = 0;
    s.b = new ArrayBuffer(0);
    s.O = s.T = [] as any;
  }

  /**
   * Registers a type: computes its layout, creates the views of new widths, and appends its vtable
   * to the tag table `V`. At most 256 types (tags are bytes); widths are checked by the type system
   * only.
   * @param of - field widths in layout order, e.g. `{ w: "f32", h: "f32" }`.
   * @param vt - the type's vtable; its methods receive `(store, byteOffset, a?, b?)`.
   * @returns the type, with its tag `t` and field byte offsets `at`.
   */
  type<S extends Schema>(of: S, vt: VT): PackedType<S> {
    var s: any = this, at: any = {}, n = 0, a = 1, k, w, z: any, y: any;
    for (k in of) {
      w = of[k];
      z = w.slice(1);
      // "f32" → global Float32Array, "u8" → Uint8Array: the constructor's name from the width.
      s[w] || (s[w] = new (global as any)[({ i: "Int", u: "Uint", f: "Float" } as any)[w[0]] + z + "Array"](s.b));
      z >>= 3;
      n = (at[k] = (n + z - 1) & -z) + z; // align the field to its width, then step over it
      if (z > a) a = z;
    }
    s.Y.push((y = { t: s.V.push(vt) - 1, of: of, at: at, z: n, a: a }));
    return y;
  }

  /**
   * Appends an object. Atomic: if a value does not fit, it throws and the store is unchanged.
   * @param y - a type registered in this store (else throws "unknown type").
   * @param values - a number for every field.
   * @returns the new object's index.
   */
  push<S extends Schema>(y: PackedType<S>, values: { readonly [K in keyof S]: number }): number {
    var s: any = this, l = s.length, o = (s.n + y.a - 1) & -y.a, e = o + y.z, x = s.b, k;
    s.Y[y.t] !== y && fail("unknown type");
    if (e > x.byteLength) {
      s.b = grown(Uint8Array, new Uint8Array(x), e).buffer;
      // The views are the properties over the old buffer: rebuild each over the new one.
      for (k in s) if (s[k].buffer == x) s[k] = new s[k].constructor(s.b);
    }
    if (l >= s.O.length) {
      s.O = grown(Uint32Array, s.O, l + 1);
      s.T = grown(Uint8Array, s.T, l + 1);
    }
    // The descriptor goes in first (past `length`, so not yet visible): `cell` finds the object by it.
    s.O[l] = o;
    s.T[l] = y.t;
    for (k in y.of) cell(s, l, k, values[k], 1);
    s.n = e;
    return s.length++;
  }

  /**
   * Removes the last object (the next push reuses its bytes); on an empty store it throws
   * `"index -1 out of range"`.
   * @returns the removed object's type tag.
   */
  pop(): number {
    var s = this, l = index(s, s.length - 1);
    s.length = l;
    s.n = s.O[l];
    return s.T[l];
  }

  /**
   * Reads field `f` of object `i`: slow but convenient; hot code reads the views directly.
   * Throws if `i` is out of range or its type has no field `f`.
   */
  get(i: number, f: string): number {
    return cell(this, index(this, i), f);
  }

  /** Writes field `f` of object `i`; throws, changing nothing, as `get` does or if `v` does not fit. */
  set(i: number, f: string, v: number): void {
    cell(this, index(this, i), f, v, 1);
  }

  /**
   * Calls method `m` (a slot index) of object `i` through its type's vtable:
   * `V[T[i]][m](store, O[i], a, b)`. Throws if `i` is out of range.
   */
  call<M extends keyof VT & number>(i: number, m: M, a?: unknown, b?: unknown): ReturnType<VT[M]> {
    return (this.V[this.T[index(this, i)]][m] as PackedMethod)(this, this.O[i], a, b) as any;
  }
}
