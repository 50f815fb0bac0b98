import { createRequire } from "node:module";
import { getQuickJS, type QuickJSWASMModule } from "quickjs-emscripten";
import { LineDiscipline } from "./console.ts";
import { VirtualRuntime, type Outcome, type RuntimeOptions } from "./runtime.ts";
import { VirtualStorage } from "./storage.ts";

/** Settings of a virtual board. */
export interface BoardOptions {
  /** JsVar budget. */
  total: number;
  /** Bytes per JsVar. */
  blocksize: number;
  /** Sends console output (latin1 byte string) to the host. */
  send(chunk: string): void;
  /** How many Ctrl-C bytes the host has sent so far; polled while code runs. */
  ctrlCSent(): number;
}

/** Espruino version the shims follow. */
export const ESPRUINO_VERSION = "2v29";
/** quickjs-emscripten's version, part of `process.version`. */
export const QUICKJS_EMSCRIPTEN_VERSION: string = createRequire(import.meta.url)("quickjs-emscripten/package.json").version;
const STACK_BYTES = 256 * 1024;
/** Espruino's code to erase the prompt before output that arrives between commands. */
const ERASE_PROMPT = "\r\x1b[J";

/**
 * The emulated board: Espruino's console (prompt, echo, `=value`, errors, Ctrl-C) in front of a
 * QuickJS runtime, plus flash that survives `reset()`. Everything runs on one thread; the host
 * side ({@link ../transport/virtual.ts}) keeps it in a worker so Ctrl-C can interrupt busy code.
 */
export class VirtualBoard {
  private readonly storage = new VirtualStorage();
  private readonly errorFlags = new Set<string>();
  private readonly input: LineDiscipline;
  private runtime: VirtualRuntime;
  private promptShown = false;
  private pending: { reset: boolean; load?: string } = { reset: false };
  /** Ctrl-C bytes seen in the input, and Ctrl-Cs used up (by an interrupt or by the input). */
  private ctrlCSeen = 0;
  private ctrlCHandled = 0;

  private constructor(private readonly module: QuickJSWASMModule, private readonly options: BoardOptions) {
    this.runtime = this.newRuntime();
    this.input = new LineDiscipline({
      echo: (text) => this.send(text),
      execute: (source, echo) => {
        // The line was entered: output now follows it, without erasing the prompt.
        this.promptShown = false;
        this.run(() => this.runtime.evaluate(source, "REPL", echo), echo);
      },
      emptyLine: (echo) => {
        if (echo) this.prompt();
      },
      ctrlC: () => this.onCtrlCByte(),
    });
  }

  /** Loads QuickJS (once per thread) and builds a board. */
  static async create(options: BoardOptions): Promise<VirtualBoard> {
    return new VirtualBoard(await getQuickJS(), options);
  }

  /** Shows the first prompt. */
  start(): void {
    this.prompt();
  }

  /** Console input from the host (latin1 byte string). */
  feed(bytes: string): void {
    this.input.feed(bytes);
  }

  /** Frees QuickJS and stops timers. */
  dispose(): void {
    this.runtime.dispose();
  }

  private newRuntime(): VirtualRuntime {
    const version = `${ESPRUINO_VERSION}-virtual-qjs${QUICKJS_EMSCRIPTEN_VERSION}`;
    const options: RuntimeOptions = {
      total: this.options.total,
      blocksize: this.options.blocksize,
      version,
      env: { BOARD: "VIRTUAL", VERSION: version, ENGINE: "quickjs", QUICKJS_EMSCRIPTEN: QUICKJS_EMSCRIPTEN_VERSION },
      stackBytes: STACK_BYTES,
    };
    return new VirtualRuntime(this.module, options, {
      print: (text) => this.print(text),
      takeCtrlC: () => this.takeCtrlC(),
      timerDue: (id) => this.run(() => this.runtime.fireTimer(id), false),
      requestReset: () => (this.pending.reset = true),
      requestLoad: (name) => (this.pending.load = name),
      takeErrorFlags: () => {
        const flags = [...this.errorFlags];
        this.errorFlags.clear();
        return flags;
      },
      storage: this.storage,
    });
  }

  /** Runs a command or a callback, reports how it ended, then shows the prompt if it was erased. */
  private run(code: () => Outcome, showValue: boolean): void {
    this.report(code(), showValue);
    for (const failure of this.runtime.runJobs()) this.report(failure, false);
    if (this.runtime.outOfBudget()) this.outOfMemory();
    this.afterCode();
    if (!this.promptShown) this.prompt();
  }

  private report(outcome: Outcome, showValue: boolean): void {
    switch (outcome.kind) {
      case "ok":
        if (showValue && outcome.value !== undefined) this.print(`=${outcome.value}\n`);
        return;
      case "error":
        this.print(`Uncaught ${outcome.text}\n`);
        return;
      case "oom":
        this.outOfMemory();
        this.print("Execution Interrupted\n");
        // Let QuickJS free what the stopped code left behind in cycles.
        this.runtime.memory.collect();
        return;
      case "interrupted":
        this.print("Execution Interrupted\n");
    }
  }

  // Like Espruino: the message is printed only when the MEMORY flag was not already set.
  private outOfMemory(): void {
    if (this.errorFlags.has("MEMORY")) return;
    this.errorFlags.add("MEMORY");
    this.print("ERROR: Out of Memory!\n");
  }

  /** `reset()` and `load()` act once the code that called them has finished. */
  private afterCode(): void {
    const { reset, load } = this.pending;
    this.pending = { reset: false };
    if (!reset && load === undefined) return;
    this.runtime.dispose();
    this.runtime = this.newRuntime();
    if (load === undefined) {
      this.print(`\nthincall virtual board: Espruino ${ESPRUINO_VERSION} API on QuickJS (quickjs-emscripten ${QUICKJS_EMSCRIPTEN_VERSION})\n`);
      return;
    }
    const file = this.storage.read(load);
    if (file === undefined) {
      this.print(`ERROR: File ${JSON.stringify(load)} not found\n`);
      return;
    }
    this.run(() => this.runtime.evaluate(file, load, false), false);
  }

  private onCtrlCByte(): void {
    this.ctrlCSeen++;
    // This Ctrl-C already stopped running code through the interrupt handler.
    if (this.ctrlCSeen <= this.ctrlCHandled) return;
    this.ctrlCHandled = this.ctrlCSeen;
    this.input.clear();
    this.send(ERASE_PROMPT);
    this.promptShown = false;
    this.prompt();
  }

  private takeCtrlC(): boolean {
    if (this.options.ctrlCSent() <= this.ctrlCHandled) return false;
    this.ctrlCHandled++;
    return true;
  }

  private prompt(): void {
    const line = this.input?.pendingLine;
    this.send(">" + (line?.echo ? line.text : ""));
    this.promptShown = true;
  }

  /** Program output: `\n` becomes `\r\n`; between commands the prompt is erased first. */
  private print(text: string): void {
    if (this.promptShown) {
      this.send(ERASE_PROMPT);
      this.promptShown = false;
    }
    this.send(toBytes(text.replace(/\r?\n/g, "\r\n")));
  }

  private send(chunk: string): void {
    this.options.send(chunk);
  }
}

/**
 * Like Espruino, strings are byte strings: input bytes become chars 0-255 as they are (UTF-8 source
 * stays as its bytes), and chars 0-255 print as one byte. Only chars above 255, which Espruino's
 * strings cannot hold, are sent as UTF-8.
 */
export function toBytes(text: string): string {
  return text.replace(/[^\x00-\xff]+/gu, (wide) => Buffer.from(wide, "utf8").toString("latin1"));
}
