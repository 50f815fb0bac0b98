import { readFileSync } from "node:fs";
import { basename } from "node:path";
import vm from "node:vm";

/** What the emulated board needs from its owner. */
export interface EmuRuntimeOptions {
  /** Paths of the emulator files, in evaluation order. */
  files: string[];
  /** Console output, a latin1 string per burst. */
  send(chunk: string): void;
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

/**
 * Real Espruino, as the Web IDE's emulator (Bangle.js 2 build: 32-bit, 14-byte JsVars), run in a
 * V8 context of its own. It looks like a web worker to emscripten (no window, so none of the
 * glue's page code runs), and its console goes through `jsRXCallback`. The interpreter runs
 * inside calls into it, so code that never returns blocks the thread: Ctrl-C cannot reach it.
 */
export class EmuRuntime {
  private readonly g: EmuGlobals;
  private out = "";
  private flushQueued = false;

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
    const sandbox: Record<string, unknown> = {
      console: { log() {}, warn() {}, error() {}, info() {}, debug() {} },
      setTimeout,
      clearTimeout,
      performance,
      TextDecoder,
      TextEncoder,
      crypto: globalThis.crypto,
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
    const runtime = new EmuRuntime(options, g);
    g.onConsoleOutput = () => {};
    g.jsUpdateGfx = () => g.jsHandleIO();
    g.jsRXCallback = (ch) => runtime.receive(ch);
    return runtime;
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
      for (let i = 0; i < slice.length; i++) this.g.Module._jshPushIOCharEvent(this.g.DEVICE, slice.charCodeAt(i) & 0xff);
      this.g.jsIdle();
    }
    this.flush();
  }

  /** Stops the idle timer, so the thread can end. */
  stop(): void {
    this.g.jsStopIdle();
  }

  private receive(ch: number): void {
    this.out += String.fromCharCode(ch); 
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
