import { readFileSync } from "node:fs";
import { basename } from "node:path";
import vm from "node:vm";

/** What the emulated board needs from its owner. */
export interface EmuRuntimeOptions {
  /** Paths of the emulator files, in evaluation order. */
  files: string[];
  /** Console output, a latin1 string per burst. */
  send(chunk: string): void;
  /** How many Ctrl-C bytes the host has sent so far (read while code runs). @default none */
  ctrlCSent?(): number;
}

/** The parts of the emulator's glue (common.js) thincall drives. */
interface EmuGlobals {
  Module: { _jshPushIOCharEvent(device: number, ch: number): number };
  DEVICE: number;
  jsInit(): void;
  jsIdle(): number;
  jsStopIdle(): void;
  jsRXCallback: (ch: number) => void;
  onConsoleOutput: (line: string) => void;
  jsUpdateGfx: () => void;
  jsHandleIO: () => void;
}

/** The host's side of the bridge: called from the context, never seen by its code. */
interface HostSide {
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
  performanceNow(): number;
  decode(bytes: Uint8Array, label?: string): string;
  encode(text: string): Uint8Array;
  randomFill(bytes: Uint8Array): void;
  tick(t: number): void;
  initialized(): void;
}

/** What the bridge gives back: installs the glue's console hooks, as functions of the context. */
interface ContextSide {
  install(receive: (ch: number) => void): void;
}

/**
 * Run inside the context before the emulator's files: builds the globals the glue needs as
 * functions of the context's own realm. The host's functions stay in this closure, out of the
 * files' reach, and only primitives cross: a host function, object or error handed to the
 * context would lead back to the host's `Function` (and `process`) through `.constructor`.
 */
const CONTEXT_BRIDGE = `(function (host) {
  "use strict";
  // Taken before the files run: a file may replace Function.prototype.apply, String, Uint8Array…
  var g = globalThis, apply = Reflect.apply, S = String, N = Number, U8 = Uint8Array, E = Error, realNow = Date.now;
  var call = function (f, args) {
    try { return apply(f, undefined, args); } catch (e) { throw new E(S(e && e.message)); }
  };
  var timers = Object.create(null), next = 1;
  g.setTimeout = function setTimeout(f, ms) {
    var id = next++;
    timers[id] = call(host.setTimeout, [function () { delete timers[id]; if (typeof f === "function") f(); }, N(ms) || 0]);
    return id;
  };
  g.clearTimeout = function clearTimeout(id) {
    if (id in timers) { call(host.clearTimeout, [timers[id]]); delete timers[id]; }
  };
  g.performance = { now: function now() { return N(call(host.performanceNow, [])); } };
  g.TextDecoder = class TextDecoder {
    constructor(label) { this.label = label === undefined ? undefined : S(label); }
    decode(bytes) { return S(call(host.decode, [bytes === undefined ? new U8(0) : new U8(bytes.buffer || bytes, bytes.byteOffset || 0, bytes.byteLength), this.label])); }
  };
  g.TextEncoder = class TextEncoder {
    encode(text) { var out = call(host.encode, [S(text === undefined ? "" : text)]); var n = N(out.length), copy = new U8(n); for (var i = 0; i < n; i++) copy[i] = N(out[i]); return copy; }
  };
  g.crypto = { getRandomValues: function getRandomValues(bytes) { call(host.randomFill, [bytes]); return bytes; } };
  // The interpreter's clock (EM_ASM Date.now()), with the host's poll hooked in.
  Date.now = function now() { var t = apply(realNow, Date, []); call(host.tick, [t]); return t; };
  g.console = { log: function () {}, warn: function () {}, error: function () {}, info: function () {}, debug: function () {} };
  // emscripten picks its environment from these: a worker has no window and no require.
  g.WorkerGlobalScope = function WorkerGlobalScope() {};
  g.self = { location: { href: "file:///emu/" } };
  // emscripten adopts an existing Module and calls this once the runtime is up.
  g.Module = { onRuntimeInitialized: function () { call(host.initialized, []); } };
  return {
    install: function (receive) {
      g.onConsoleOutput = function () {};
      g.jsUpdateGfx = function () { g.jsHandleIO(); };
      g.jsRXCallback = function (ch) { call(receive, [N(ch)]); };
    },
  };
})`;

/** An emulator file that does not evaluate. */
export class EmuLoadError extends Error {}

/**
 * Espruino's input queue holds 1024 characters (`process.memory().rx`); the glue would run the
 * interpreter after every character, which is slow for uploads, so input goes in slices this
 * size, each followed by one idle pass.
 */
const INPUT_SLICE = 256;

/** How often, at most, a clock read inside running code drains output and looks for Ctrl-C. */
const POLL_MS = 20;

/** Output buffered past this many characters is sent at once, even while code runs. */
const FLUSH_CHARS = 4096;

/**
 * Real Espruino, as the Web IDE's emulator (Bangle.js 2 build: 32-bit, 14-byte JsVars), run in a
 * V8 context of its own. It looks like a web worker to emscripten (no window, so none of the
 * glue's page code runs), and its console goes through `jsRXCallback`. The interpreter runs
 * inside calls into it, so the thread is busy while code runs. Like a board's UART interrupt,
 * every clock read of the interpreter (`Date.now()`, which `getTime()` and timers use) drains
 * the output and delivers Ctrl-C, at most every {@link POLL_MS} ms, so running code that reads the
 * clock streams its output. Ctrl-C still cannot stop running code here: Espruino turns it into an
 * interrupt from a hardware timer (targets/linux and targets/nrf5x jshardware.c), which the
 * emscripten target lacks. Closing the transport ends the worker whatever it runs.
 */
export class EmuRuntime {
  private readonly g: EmuGlobals;
  private out = "";
  private flushQueued = false;
  private lastPoll = 0;
  private polling = false;
  /** Ctrl-C bytes pushed into Espruino, and those met in fed input (some already pushed by a poll). */
  private ctrlCDelivered = 0;
  private ctrlCFed = 0;

  private constructor(private readonly options: EmuRuntimeOptions, g: EmuGlobals) {
    this.g = g;
  }

  /**
   * Evaluates the files and waits for emscripten's runtime; rejects with {@link EmuLoadError}
   * naming the file that fails.
   */
  static async load(options: EmuRuntimeOptions): Promise<EmuRuntime> {
    let initialized!: () => void;
    const ready = new Promise<void>((resolve) => (initialized = resolve));
    let runtime: EmuRuntime | undefined;
    // A context whose global has no host prototype (`this.constructor.constructor` is the
    // classic way out of a vm context), given only functions of its own realm (see CONTEXT_BRIDGE).
    const context = vm.createContext(Object.create(null) as object);
    const host: HostSide = {
      setTimeout: (f, ms) => setTimeout(f, ms),
      clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      performanceNow: () => performance.now(),
      decode: (bytes, label) => new TextDecoder(label).decode(bytes),
      encode: (text) => new TextEncoder().encode(text),
      randomFill: (bytes) => void crypto.getRandomValues(bytes),
      tick: (t) => runtime?.tick(t),
      initialized: () => initialized(),
    };
    const bridge = vm.runInContext(CONTEXT_BRIDGE, context, { filename: "thincall-emu-bridge.js" }) as (h: HostSide) => ContextSide;
    const side = bridge(host);
    for (const file of options.files) {
      try {
        vm.runInContext(readFileSync(file, "utf8"), context, { filename: basename(file) });
      } catch (e) {
        throw new EmuLoadError(`${file} does not load (${String((e as Error)?.message).split("\n")[0]})`);
      }
    }
    const g = context as unknown as EmuGlobals;
    if (typeof g.jsInit !== "function" || typeof g.Module?._jshPushIOCharEvent !== "function") {
      throw new EmuLoadError(`${options.files.join(", ")}: no jsInit or jshPushIOCharEvent after loading; not the Espruino emulator`);
    }
    await ready;
    runtime = new EmuRuntime(options, g);
    const made = runtime;
    // The glue calls these: functions of the context's realm, forwarding to the host's.
    side.install((ch) => made.receive(ch));
    return made;
  }

  /** Boots the interpreter (banner and prompt come out on the console). */
  start(): void {
    this.g.jsInit();
    this.g.jsIdle();
    this.flush();
  }

  /** Console input (latin1). */
  feed(data: string): void {
    for (let at = 0; at < data.length; at += INPUT_SLICE) {
      const slice = data.slice(at, at + INPUT_SLICE);
      for (let i = 0; i < slice.length; i++) {
        const ch = slice.charCodeAt(i) & 0xff;
        // A Ctrl-C a poll has delivered while code ran is not delivered twice.
        if (ch === 3 && ++this.ctrlCFed <= this.ctrlCDelivered) continue;
        if (ch === 3) this.ctrlCDelivered++;
        this.g.Module._jshPushIOCharEvent(this.g.DEVICE, ch);
      }
      this.g.jsIdle();
    }
    this.flush();
  }

  /** Stops the idle timer, so the thread can end. */
  stop(): void {
    this.g.jsStopIdle();
  }

  /** Called on every clock read: drains output and delivers Ctrl-C while code runs. */
  tick(now: number): void {
    if (this.polling || now - this.lastPoll < POLL_MS) return;
    this.polling = true;
    this.lastPoll = now;
    try {
      const sent = this.options.ctrlCSent?.() ?? 0;
      // As the UART interrupt would: Espruino sees Ctrl-C in its input and flags the running code.
      for (; this.ctrlCDelivered < sent; this.ctrlCDelivered++) this.g.Module._jshPushIOCharEvent(this.g.DEVICE, 3);
      this.g.jsHandleIO();
      this.flush();
    } finally {
      this.polling = false;
    }
  }

  /** One byte of console output from the interpreter. */
  receive(ch: number): void {
    this.out += String.fromCharCode(ch);
    if (this.out.length >= FLUSH_CHARS) this.flush(); 
    // Output from timers (the glue's own idle loop) is flushed once the current call returns.
    if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => this.flush());
    }
  }

  private flush(): void {
    this.flushQueued = false;
    if (this.out === "") return;
    const chunk = this.out;
    this.out = "";
    this.options.send(chunk);
  }
}
