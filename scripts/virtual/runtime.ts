import type { QuickJSContext, QuickJSHandle, QuickJSRuntime, QuickJSWASMModule } from "quickjs-emscripten";
import { MemoryMeter } from "./memory.ts";
import { PRELUDE } from "./prelude.ts";
import type { VirtualStorage } from "./storage.ts";

/** How a piece of code ended. */
export type Outcome =
  | { kind: "ok"; value?: string }
  /** `text` is `Name: message`, printed after `Uncaught `. */
  | { kind: "error"; text: string }
  /** Stopped by Ctrl-C. */
  | { kind: "interrupted" }
  /** QuickJS's memory limit was hit, or the JsVar budget was exceeded while running. */
  | { kind: "oom" };

/** What the runtime needs from the board around it. */
export interface RuntimeHooks {
  /** Text printed by the program (`\n` line ends). */
  print(text: string): void;
  /** True (once per Ctrl-C) when the host sent Ctrl-C that no one has handled yet. */
  takeCtrlC(): boolean;
  /** A timer is due; the board runs {@link VirtualRuntime.fireTimer} between commands. */
  timerDue(id: number): void;
  /** `reset()` / `load(name)`: the board acts once the current code finishes. */
  requestReset(): void;
  requestLoad(name: string): void;
  /** `E.getErrorFlags()`: returns the flags and clears them. */
  takeErrorFlags(): string[];
  storage: VirtualStorage;
}

/** Fixed settings of a board's runtime. */
export interface RuntimeOptions {
  /** JsVar budget and bytes per JsVar. */
  total: number;
  blocksize: number;
  /** `process.version` and `process.env`. */
  version: string;
  env: Record<string, string>;
  /** QuickJS stack limit in bytes. */
  stackBytes: number;
}

/** How often (ms) the interrupt handler measures memory: each measurement walks the heap. */
const MEMORY_CHECK_INTERVAL_MS = 4;

interface Timer {
  fn: QuickJSHandle;
  repeat: boolean;
  handle: NodeJS.Timeout;
}

/**
 * One QuickJS runtime and context with Espruino's API installed: evaluates code, runs timers,
 * stops code on Ctrl-C or when the JsVar budget is exceeded. A board replaces it on `reset()`.
 */
export class VirtualRuntime {
  private readonly runtime: QuickJSRuntime;
  private readonly context: QuickJSContext;
  private readonly timers = new Map<number, Timer>();
  private nextTimerId = 1;
  private fmt!: QuickJSHandle;
  private meter!: MemoryMeter;
  private stopReason: "interrupted" | "oom" | undefined;
  private lastMemoryCheck = 0;
  private inInterruptHandler = false;

  constructor(module: QuickJSWASMModule, private readonly options: RuntimeOptions, private readonly hooks: RuntimeHooks) {
    this.runtime = module.newRuntime();
    this.runtime.setMaxStackSize(options.stackBytes);
    this.context = this.runtime.newContext();
    this.install();
    this.runtime.setInterruptHandler(() => this.shouldInterrupt());
  }

  /** Memory accounting of this context. */
  get memory(): MemoryMeter {
    return this.meter;
  }

  /** Evaluates code at global scope; `showValue` asks for the Espruino-style text of the result. */
  evaluate(code: string, filename: string, showValue: boolean): Outcome {
    return this.settle(this.context.evalCode(code, filename), showValue);
  }

  /** Runs a due timer's callback. */
  fireTimer(id: number): Outcome {
    const timer = this.timers.get(id);
    if (!timer) return { kind: "ok" };
    if (!timer.repeat) this.timers.delete(id);
    // Our own reference for the call: the callback may clear its timer, which frees the timer's one.
    const fn = timer.repeat ? timer.fn.dup() : timer.fn;
    try {
      return this.settle(this.context.callFunction(fn, this.context.undefined), false);
    } finally {
      fn.dispose();
    }
  }

  /** Runs queued promise jobs; returns the outcomes of those that failed. */
  runJobs(): Outcome[] {
    const failures: Outcome[] = [];
    while (this.runtime.hasPendingJob()) {
      const result = this.runtime.executePendingJobs(1);
      if (result.error) failures.push(this.settleError(result.error));
    }
    return failures;
  }

  /** True when the program holds more than its JsVar budget even after a collection. */
  outOfBudget(): boolean {
    if (!this.meter.overBudget()) return false;
    this.meter.collect();
    return this.meter.overBudget();
  }

  /** Stops all timers and frees the QuickJS runtime. */
  dispose(): void {
    for (const timer of this.timers.values()) {
      clearTimeout(timer.handle);
      timer.fn.dispose();
    }
    this.timers.clear();
    this.fmt.dispose();
    this.meter.dispose();
    this.context.dispose();
    this.runtime.dispose();
  }

  private shouldInterrupt(): boolean {
    if (this.inInterruptHandler) return false;
    // A Ctrl-C stays in force until the outermost call ends: one taken inside VM code that a host
    // function runs (process.memory()'s collector) would otherwise stop only that inner call.
    if (this.stopReason === "interrupted" || this.hooks.takeCtrlC()) {
      this.stopReason = "interrupted";
      return true;
    }
    const now = performance.now();
    if (now - this.lastMemoryCheck < MEMORY_CHECK_INTERVAL_MS) return false;
    this.lastMemoryCheck = now;
    // The budget check may run QuickJS's collector, which executes VM code: no re-entry.
    this.inInterruptHandler = true;
    try {
      if (this.outOfBudget()) {
        this.stopReason = "oom";
        return true;
      }
    } finally {
      this.inInterruptHandler = false;
    }
    return false;
  }

  private settle(result: { value: QuickJSHandle; error?: undefined } | { error: QuickJSHandle; value?: undefined }, showValue: boolean): Outcome {
    if (result.error) return this.settleError(result.error);
    this.stopReason = undefined;
    if (!showValue) {
      result.value.dispose();
      return { kind: "ok" };
    }
    const text = result.value.consume((v) => this.context.callFunction(this.fmt, this.context.undefined, v));
    if (text.error) {
      text.error.dispose();
      return { kind: "ok", value: "?" };
    }
    return { kind: "ok", value: text.value.consume((h) => this.context.getString(h)) };
  }

  private settleError(handle: QuickJSHandle): Outcome {
    const reason = this.stopReason;
    this.stopReason = undefined;
    const error: unknown = handle.consume((h) => this.context.dump(h));
    if (reason) return { kind: reason };
    if (isQuickJSError(error, "InternalError", "out of memory")) return { kind: "oom" };
    return { kind: "error", text: errorText(error) };
  }

  /** Installs the host functions and runs the prelude, then takes the memory baseline. */
  private install(): void {
    const ctx = this.context;
    const { hooks, options } = this;
    const host = ctx.newObject();
    const define = (name: string, fn: (...args: unknown[]) => string | number | boolean | undefined | void) => {
      ctx.newFunction(name, (...args) => {
        const value = fn(...args.map((a) => ctx.dump(a)));
        if (typeof value === "string") return ctx.newString(value);
        if (typeof value === "number") return ctx.newNumber(value);
        if (typeof value === "boolean") return value ? ctx.true : ctx.false;
        return undefined;
      }).consume((f) => ctx.setProp(host, name, f));
    };
    define("print", (text) => hooks.print(String(text)));
    define("getTime", () => (performance.timeOrigin + performance.now()) / 1000);
    define("atob", (s) => Buffer.from(String(s), "base64").toString("latin1"));
    define("btoa", (s) => Buffer.from(String(s), "latin1").toString("base64"));
    define("clearTimer", (id) => this.clearTimer(Number(id)));
    define("reset", () => hooks.requestReset());
    define("load", (name) => hooks.requestLoad(String(name)));
    define("errorFlags", () => JSON.stringify(hooks.takeErrorFlags()));
    define("memory", (gc) => {
      const report = this.meter.report(gc === true);
      // Espruino's usage never exceeds its total: a program at it may be out of memory, so
      // the interrupt handler must check the budget at its next call, not up to 4 ms later.
      if (report.usage >= report.total) this.lastMemoryCheck = -Infinity;
      return JSON.stringify(report);
    });
    define("sWrite", (name, data, offset, size) =>
      hooks.storage.write(String(name), String(data), optionalNumber(offset), optionalNumber(size)));
    define("sRead", (name) => hooks.storage.read(String(name)));
    define("sErase", (name) => hooks.storage.erase(String(name)));
    define("sList", () => JSON.stringify(hooks.storage.list()));
    // Timers keep a handle on the VM callback, so this one does not dump its arguments.
    ctx.newFunction("timer", (fn, ms, repeat) => ctx.newNumber(
      this.addTimer(fn.dup(), ctx.getNumber(ms), ctx.dump(repeat) === true),
    )).consume((f) => ctx.setProp(host, "timer", f));

    const config = { blocksize: options.blocksize, version: options.version, env: options.env };
    const prelude = ctx.unwrapResult(ctx.evalCode(PRELUDE, "prelude.js"));
    const helpers = host.consume((h) =>
      prelude.consume((p) =>
        ctx.unwrapResult(ctx.evalCode(`(${JSON.stringify(config)})`, "config.js")).consume((c) =>
          ctx.unwrapResult(ctx.callFunction(p, ctx.undefined, h, c)),
        ),
      ),
    );
    this.fmt = ctx.getProp(helpers, "fmt");
    const gc = ctx.getProp(helpers, "gc");
    helpers.dispose();
    this.meter = new MemoryMeter(this.runtime, ctx, gc, options.total, options.blocksize);
    this.meter.calibrate();
  }

  private addTimer(fn: QuickJSHandle, ms: number, repeat: boolean): number {
    const id = this.nextTimerId++;
    const due = () => this.hooks.timerDue(id);
    const delay = Math.max(0, ms);
    const handle = repeat ? setInterval(due, delay) : setTimeout(due, delay);
    this.timers.set(id, { fn, repeat, handle });
    return id;
  }

  // Espruino's clearTimeout() without an id clears every timer (-1 here).
  private clearTimer(id: number): void {
    for (const [key, timer] of this.timers) {
      if (id !== -1 && key !== id) continue;
      clearTimeout(timer.handle);
      timer.fn.dispose();
      this.timers.delete(key);
    }
  }
}

function optionalNumber(v: unknown): number | undefined {
  return typeof v === "number" ? v : undefined;
}

function isQuickJSError(e: unknown, name: string, message: string): boolean {
  return typeof e === "object" && e !== null && (e as Error).name === name && (e as Error).message === message;
}

/** `Name: message`, with QuickJS's `'x' is not defined` in Espruino's `"x" is not defined` form. */
function errorText(e: unknown): string {
  if (typeof e === "object" && e !== null && "name" in e && "message" in e) {
    const message = String((e as Error).message).replace(/^'(.*)' is not defined$/, '"$1" is not defined');
    return `${(e as Error).name}: ${message}`;
  }
  return typeof e === "string" ? JSON.stringify(e) : String(JSON.stringify(e) ?? e);
}
