/// <reference path="./espruino-lib.d.ts" />
/// <reference path="./espruino-modules.d.ts" />
/**
 * Declarations of the Espruino globals that firmware uses, so a `.ts` program type-checks without
 * declaring them itself. Add `/// <reference types="thincall/espruino" />` (or list this file in your
 * tsconfig) when building outside thincall's own tsconfig.
 *
 * Only what Espruino 2v2x provides on every board is declared here unconditionally; pins and
 * peripherals vary by board.
 */

/** Prints its arguments, space-separated, followed by a newline. */
declare function print(...values: unknown[]): void;
/** Seconds since boot (or since setTime), as a float with µs resolution on most boards. */
declare function getTime(): number;
/** Restarts and runs a program from Storage (after the current code returns). */
declare function load(file?: string): void;
/** Clears all code and variables. */
declare function reset(clearFlash?: boolean): void;
/** Turns console echo on or off. */
declare function echo(on: boolean): void;
declare function setTimeout(fn: () => void, ms?: number): number;
declare function setInterval(fn: () => void, ms?: number): number;
declare function clearTimeout(id?: number): void;
declare function clearInterval(id?: number): void;
declare function atob(base64: string): string;
declare function btoa(binary: string): string;

/** A pin: a number-like value such as `D2`, `A0` or `LED1`. */
interface Pin {
  read(): boolean;
  write(value: boolean): void;
  set(): void;
  reset(): void;
  mode(mode: PinMode): void;
  getInfo(): object;
}
type PinMode = "analog" | "input" | "input_pullup" | "input_pulldown" | "output" | "opendrain" | "af_output" | "auto";
declare function digitalWrite(pin: Pin | Pin[], value: number | boolean): void;
declare function digitalRead(pin: Pin | Pin[]): number;
declare function digitalPulse(pin: Pin, value: boolean, time: number | number[]): void;
declare function analogRead(pin: Pin): number;
declare function analogWrite(pin: Pin, value: number, options?: { freq?: number; soft?: boolean; forceSoft?: boolean }): void;
declare function pinMode(pin: Pin, mode?: PinMode): void;

interface SetWatchEvent { time: number; lastTime: number; state: boolean; pin: Pin; data?: boolean }
declare function setWatch(
  fn: (e: SetWatchEvent) => void,
  pin: Pin,
  options?: boolean | { repeat?: boolean; edge?: "rising" | "falling" | "both"; debounce?: number; irq?: boolean; data?: Pin },
): number;
declare function clearWatch(id?: number): void;

/** Common board pins. Which exist depends on the board: check before relying on one. */
declare const LED1: Pin;
declare const LED2: Pin;
declare const BTN: Pin;
declare const BTN1: Pin;
declare const D0: Pin, D1: Pin, D2: Pin, D3: Pin, D4: Pin, D5: Pin, D12: Pin, D13: Pin, D14: Pin, D15: Pin;
declare const A0: Pin, A1: Pin, A5: Pin, B3: Pin, B4: Pin, B5: Pin;

/** Memory figures in JsVars (blocks of `blocksize` bytes). */
interface EspruinoMemory {
  free: number;
  usage: number;
  total: number;
  history: number;
  blocksize: number;
  gc?: number;
  gctime?: number;
}

declare const process: {
  /** Interpreter version, e.g. "2v29". */
  version: string;
  env: { VERSION: string; BOARD: string; ENGINE?: string; [key: string]: unknown };
  /** Memory in JsVars; runs a garbage collection first unless `gc` is false. */
  memory(gc?: boolean): EspruinoMemory;
};

/** Espruino's utility object. */
declare const E: {
  /** Error flags raised since the last call (e.g. "MEMORY", "LOW_MEMORY"); reading clears them. */
  getErrorFlags(): string[];
  /** Resets the watchdog, on boards that have one. */
  kickWatchdog(): void;
  enableWatchdog(timeout: number, isAuto?: boolean): void;
  /** JsVars used by `v` and everything it references. */
  getSizeOf(v: unknown, depth?: number): number;
  getTemperature(): number;
  /** Sum of `a[i] * b[(i + offset) % b.length]` over `a`: a dot product in native code. */
  convolve(a: ArrayLike<number>, b: ArrayLike<number>, offset: number): number;
  on(event: string, fn: (...args: unknown[]) => void): void;
  [key: string]: unknown;
};

declare const global: Record<string, unknown>;
declare const console: { log(...values: unknown[]): void };

/** Facts of the board the bundle was built for, injected by thincall's build. */
declare module "thincall:board" {
  /** Board profile id, e.g. "esp32". */
  export const BOARD_ID: string;
  /** Declared JsVar count. */
  export const BOARD_JSVARS: number;
  /** Bytes per JsVar. */
  export const BOARD_BLOCKSIZE: number;
  /** Whether the "jit" directive works on this board. */
  export const BOARD_JIT: boolean;
  /** Whether long loops must kick a watchdog. */
  export const BOARD_WATCHDOG: boolean;
  /** Shortest timed sample in ms the board's clock allows (0: no minimum); 100 on the emulator. */
  export const BOARD_MIN_SAMPLE_MS: number;
}
