/// <reference path="./espruino-lib.d.ts" />
/// <reference path="./espruino-modules.d.ts" />
/// <reference path="./hw/pins.d.ts" />
/// <reference path="./hw/peripherals.d.ts" />
/**
 * Declarations of what every Espruino 2v2x build has, so a `.ts` program type-checks without
 * declaring them itself: the console, timers, pins as a type and the functions on them, the
 * I2C/SPI/Serial/OneWire classes, `E`, `process`, `require`.
 *
 * What varies by board (pin names such as `LED1` and `D2`, instances such as `I2C1`, `NRF`, `g`,
 * `Bangle`) is declared in `types/boards/<board>.d.ts`, which the build selects for `--board`:
 * each board's build sees only the globals its firmware has. Written for thincall from Espruino's
 * reference (espruino.com/Reference), checked against the interpreter by test/board-typings.test.ts;
 * see the README's "Typings" section for why these and not `@types/espruino`.
 */

/** Prints its arguments, space-separated, followed by a newline. */
declare function print(...values: unknown[]): void;
/** Seconds since boot (or since setTime), as a float with µs resolution on most boards. */
declare function getTime(): number;
/** Sets the clock returned by getTime() and Date, in seconds since 1970. */
declare function setTime(time: number): void;
/** Restarts and runs a program from Storage (after the current code returns); no file: `.bootcde`. */
declare function load(file?: string): void;
/** Clears all code and variables. */
declare function reset(clearFlash?: boolean): void;
/** Prints the current code and state as source. */
declare function dump(): void;
/** Turns console echo on or off. */
declare function echo(on: boolean): void;
/** The board's serial number. */
declare function getSerial(): string;
/**
 * Calls `fn` (with `args`) after `ms` milliseconds; returns an id for clearTimeout. Any function
 * fits, so `new Promise(r => setTimeout(r, 100))` type-checks.
 */
declare function setTimeout(fn: (...args: any[]) => unknown, ms?: number, ...args: unknown[]): number;
/** Calls `fn` (with `args`) every `ms` milliseconds; returns an id for clearInterval. */
declare function setInterval(fn: (...args: any[]) => unknown, ms?: number, ...args: unknown[]): number;
/** Changes the period of a running interval. */
declare function changeInterval(id: number, ms: number): void;
/** Stops a timeout; no id: every timeout and interval. */
declare function clearTimeout(id?: number): void;
/** Stops an interval; no id: every timeout and interval. */
declare function clearInterval(id?: number): void;
declare function atob(base64: string): string;
declare function btoa(binary: string): string;
/** Reads or writes memory at an address (8, 16 or 32 bits), for registers. */
declare function peek8(addr: number, count?: number): number;
declare function poke8(addr: number, value: number | number[]): void;
declare function peek16(addr: number, count?: number): number;
declare function poke16(addr: number, value: number | number[]): void;
declare function peek32(addr: number, count?: number): number;
declare function poke32(addr: number, value: number | number[]): void;
declare const HIGH: 1;
declare const LOW: 0;

/** Memory figures in JsVars (blocks of `blocksize` bytes). */
interface EspruinoMemory {
  free: number;
  usage: number;
  total: number;
  history: number;
  blocksize: number;
  gc?: number;
  gctime?: number;
  stackEndAddress?: number;
  flash_start?: number;
  flash_binary_end?: number;
  flash_code_start?: number;
  flash_length?: number;
}

declare const process: {
  /** Interpreter version, e.g. "2v29". */
  version: string;
  env: { VERSION: string; BOARD: string; ENGINE?: string; [key: string]: unknown };
  /** Memory in JsVars; runs a garbage collection first unless `gc` is false. */
  memory(gc?: boolean): EspruinoMemory;
  on(event: "uncaughtException", fn: (e: unknown) => void): void;
};

/**
 * Espruino's utility object. Boards add members (Bangle.js: `E.showMessage`, `E.getBattery`): each
 * board's typings extend this interface.
 */
interface EspruinoE {
  /** Error flags raised since the last call (e.g. "MEMORY", "LOW_MEMORY"); reading clears them. */
  getErrorFlags(): string[];
  /** Resets the watchdog, on boards that have one. */
  kickWatchdog(): void;
  enableWatchdog(timeout: number, isAuto?: boolean): void;
  /** JsVars used by `v` and everything it references. */
  getSizeOf(v: unknown, depth?: number): number;
  /** The chip's temperature in °C. */
  getTemperature(): number;
  /** The analog reference voltage. */
  getAnalogVRef(): number;
  /** Sum of `a[i] * b[(i + offset) % b.length]` over `a`: a dot product in native code. */
  convolve(a: ArrayLike<number>, b: ArrayLike<number>, offset: number): number;
  /** Sum of the elements of an array, in native code. */
  sum(arr: ArrayLike<number>): number;
  /** Variance of the elements around `mean`, in native code. */
  variance(arr: ArrayLike<number>, mean: number): number;
  /** Maps every element of `from` through `map` (array or function) into `to`, in native code. */
  mapInPlace(from: ArrayLike<number>, to: ArrayLike<number>, map?: ArrayLike<number> | ((v: number) => number), bits?: number): void;
  /** `x` limited to [min, max]. */
  clip(x: number, min: number, max: number): number;
  /** The CRC32 of a string or array. */
  CRC32(data: string | ArrayLike<number> | ArrayBuffer): number;
  /** An RGB colour (24 bit, or an array with `asArray`) from hue, saturation and brightness in 0..1. */
  HSBtoRGB(hue: number, sat: number, bri: number, asArray?: false): number;
  HSBtoRGB(hue: number, sat: number, bri: number, asArray: true): [number, number, number];
  /** A random number from the hardware's generator. */
  hwRand(): number;
  /** Seeds Math.random. */
  srand(seed: number): void;
  reverseByte(x: number): number;
  /** The data as a string, stored flat (one block) where memory allows. */
  toFlatString(...args: unknown[]): string | undefined;
  toUint8Array(...args: unknown[]): Uint8Array;
  toArrayBuffer(str: string): ArrayBuffer;
  toString(...args: unknown[]): string;
  /** The JS source of a value, as JSON would give, with functions. */
  toJS(v: unknown): string;
  /** Timezone offset in hours from UTC, for Date. */
  setTimeZone(zone: number): void;
  setDST(...params: number[]): void;
  /** Flags of the interpreter (`pretokenise`, `unsafeFlash`, …). */
  getFlags(): Record<string, number>;
  setFlags(flags: Record<string, number | boolean>): void;
  /** Moves the console to another device ("Serial1", "USB", "Bluetooth", "Terminal", "null"). */
  setConsole(device: string | null, options?: { force?: boolean }): void;
  getConsole(): string | undefined;
  /** Code run at boot before `.bootcde`. */
  setBootCode(code: string, alwaysExec?: boolean): void;
  setPassword(password: string | undefined): void;
  lockConsole(): void;
  /** Restarts the chip. */
  reboot(): void;
  /** Sets the CPU clock (board-specific options); returns the new clock in Hz. */
  setClock(options: number | Record<string, unknown>): number;
  getClock(): { sysclk: number; [key: string]: number };
  /** Packs memory (rarely needed: Espruino's garbage collector does not move things). */
  defrag(): void;
  dumpVariables(): void;
  /** Copies from a stream (File, Serial, …) to another in chunks. */
  pipe(source: unknown, destination: unknown, options?: { chunkSize?: number; end?: boolean; complete?: () => void }): void;
  /** Reads a string as UTF-8, or marks one as UTF-8. */
  decodeUTF8(str: string, lookup: string[], replaceFn: string | ((c: number) => string)): string;
  asUTF8(str: string): string;
  fromUTF8(str: string): string;
  isUTF8(str: string): boolean;
  /** The key of `obj` matching `key` whatever its case. */
  lookupNoCase(obj: object, key: string, returnKey?: boolean): unknown;
  /** In an event handler: stops later handlers of the same event. */
  stopEventPropagation(): void;
  /** Runs a fast Fourier transform in place. */
  FFT(arrReal: ArrayLike<number>, arrImage?: ArrayLike<number>, inverse?: boolean): void;
  /** Power used by each peripheral, in µA where known. */
  getPowerUsage(): { device: Record<string, number> };
  /** The memory address of a variable's data (advanced). */
  getAddressOf(v: unknown, flatAddress: boolean): number;
  /** Calls native code at an address (advanced). */
  nativeCall(addr: number, sig: string, data?: string): (...args: unknown[]) => unknown;
  on(event: "init" | "kill", fn: () => void): void;
  on(event: "errorFlag", fn: (flags: string[]) => void): void;
  on(event: string, fn: (...args: any[]) => void): void;
}
/** Espruino's utility object: native helpers and board services. */
declare const E: EspruinoE;

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
