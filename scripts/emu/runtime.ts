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
    const realNow = Date.now;
    /** The interpreter's clock (EM_ASM `Date.now()`), with the poll hooked in. */
    class EmuDate extends Date {
      static override now(): number {
        const t = realNow();
        runtime?.tick(t);
        return t;
      }
    }
    const sandbox: Record<string, unknown> = {
      console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
      setTimeout,
      clearTimeout,
      performance,
      TextDecoder,
      TextEncoder,
      crypto: globalThis.crypto,
      Date: EmuDate,
      // emscripten picks its environment from these: a worker has no window and no `require`.
      WorkerGlobalScope: function WorkerGlobalScope() {},
      self: { location: { href: "file:///emu/" } },
      // emscripten adopts an existing `Module` and calls this once the runtime is up.
      Module: { onRuntimeInitialized: () => initialized() },
    };
    sandbox.globalThis = sandbox;
    const context = vm.createContext(sandbox);
    for (const file of options.files) {
      try {
        vm.runInContext(readFileSync(file, "utf8"), context, { filename: basename(file) });
      } catch (e) {
        throw new EmuLoadError(`${file} does not load (${(e as Error).message.split("\n")[0]})`);
      }
    }
    const g = sandbox as unknown as EmuGlobals;
    if (typeof g.jsInit !== "function" || typeof g.Module?._jshPushIOCharEvent !== "function") {
      throw new EmuLoadError(`${options.files.join(", ")}: no jsInit or jshPushIOCharEvent after loading; not the Espruino emulator`);
    }
    await ready;
    runtime = new EmuRuntime(options, g);
    g.onConsoleOutput = () => {};
    g.jsUpdateGfx = () => g.jsHandleIO();
    const made = runtime;
    g.jsRXCallback = (ch) => made.receive(ch);
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
  private tick(now: number): void {
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

  private receive(ch: number): void {
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
