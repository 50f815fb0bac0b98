import type { QuickJSContext, QuickJSHandle, QuickJSRuntime } from "quickjs-emscripten";

/** `process.memory()` figures, in JsVars like Espruino's. */
export interface MemoryReport {
  free: number;
  usage: number;
  total: number;
  blocksize: number;
}

/**
 * Bytes of QuickJS memory, beyond the baseline, that the hard limit allows on top of the JsVar budget:
 * room for the console's own work (compiling an uploaded chunk, formatting a result).
 */
export const LIMIT_HEADROOM_BYTES = 16 * 1024;

/**
 * Maps QuickJS's memory accounting onto an Espruino-style JsVar budget.
 *
 * - "Used" is `memory_used_size` of `JS_ComputeMemoryUsage`, a byte estimate QuickJS computes by
 *   walking its heap (objects, shapes, strings, bytecode, atoms).
 * - `usage = ceil((used - baseline) / blocksize)`, where the baseline is taken after the shims are
 *   installed and a collection has run, so a fresh board reports (nearly) zero usage.
 * - quickjs-emscripten exposes no `JS_RunGC`, so {@link collect} makes QuickJS run its own cycle
 *   collector: it creates self-referencing garbage until a `WeakRef` to a garbage cycle clears.
 */
export class MemoryMeter {
  /** `memory_used_size` right after the shims were installed (bytes). */
  baseline = 0;

  constructor(
    private readonly runtime: QuickJSRuntime,
    private readonly context: QuickJSContext,
    /** VM function that allocates cyclic garbage until QuickJS's GC has run once. */
    private readonly gcFunction: QuickJSHandle,
    /** Budget in JsVars and bytes per JsVar. */
    readonly total: number,
    readonly blocksize: number,
  ) {}

  /** Takes the baseline and sets QuickJS's limit; call once the shims are installed. */
  calibrate(): void {
    this.collect();
    this.baseline = this.used();
    this.runtime.setMemoryLimit(this.limit());
  }

  /** The hard limit handed to `JS_SetMemoryLimit`. */
  limit(): number {
    return this.baseline + this.total * this.blocksize + LIMIT_HEADROOM_BYTES;
  }

  /** QuickJS's `memory_used_size`, in bytes. */
  used(): number {
    const stats = this.runtime.computeMemoryUsage();
    try {
      return this.context.getProp(stats, "memory_used_size").consume((h) => this.context.getNumber(h));
    } finally {
      stats.dispose();
    }
  }

  /**
   * Runs QuickJS's garbage collector (frees unreachable cycles; refcounting frees the rest at once).
   * The limit is lifted meanwhile, because the collector is reached by allocating.
   */
  collect(): void {
    this.runtime.setMemoryLimit(-1);
    try {
      const result = this.context.callFunction(this.gcFunction, this.context.undefined);
      if (result.error) result.error.dispose();
      else result.value.dispose();
    } finally {
      if (this.baseline > 0) this.runtime.setMemoryLimit(this.limit());
    }
  }

  /** JsVars in use beyond the baseline. */
  usage(): number {
    return Math.max(0, Math.ceil((this.used() - this.baseline) / this.blocksize));
  }

  /** Whether the program holds more than its JsVar budget. */
  overBudget(): boolean {
    return this.usage() > this.total;
  }

  /** Releases the handle on the VM's collector function. */
  dispose(): void {
    this.gcFunction.dispose();
  }

  /** `process.memory()`: collects first unless `gc` is false. */
  report(gc: boolean): MemoryReport {
    if (gc) this.collect();
    // QuickJS may hold more than the budget between two checks (the limit has headroom); Espruino's
    // usage never exceeds its total, and a figure above it would be a figure no board can give.
    const usage = Math.min(this.usage(), this.total);
    return { free: this.total - usage, usage, total: this.total, blocksize: this.blocksize };
  }
}
