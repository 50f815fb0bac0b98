/**
 * Pins and the functions on them, on every Espruino build. Which pin names exist (`D2`, `LED1`,
 * `BTN1`, `A0`) depends on the board: `types/boards/<board>.d.ts` declares them.
 */

type PinMode = "analog" | "input" | "input_pullup" | "input_pulldown" | "output" | "opendrain" | "opendrain_pullup" | "af_output" | "af_opendrain" | "auto";

/** A pin: `D2`, `A0`, `LED1`, or `Pin(2)`. It is a number underneath. */
interface Pin {
  /** The input state (sets the pin to input first, unless its mode was set). */
  read(): boolean;
  /** Sets the output state. */
  write(value: boolean | number): void;
  /** Sets the output high. */
  set(): void;
  /** Sets the output low. */
  reset(): void;
  /** Toggles the output; returns the new state. */
  toggle(): boolean;
  mode(mode: PinMode): void;
  getMode(): PinMode;
  /** Port, number, channel and functions of the pin. */
  getInfo(): { port: string; num: number; in_addr?: number; out_addr?: number; analog?: { ADC: number; channel: number }; functions?: Record<string, unknown> };
}
/** Makes a pin from its number or name. */
declare function Pin(value: number | string): Pin;

/** Sets one pin, or several from the bits of `value` (the last pin gets bit 0). */
declare function digitalWrite(pin: Pin | Pin[], value: number | boolean): void;
/** Reads one pin (0 or 1), or several as the bits of a number. */
declare function digitalRead(pin: Pin | Pin[]): number;
/** Pulses a pin for `time` ms (an array: alternating states). */
declare function digitalPulse(pin: Pin, value: boolean | number, time: number | number[]): void;
/** The analog input, 0 to 1. */
declare function analogRead(pin: Pin): number;
/** PWM (or DAC) output, `value` 0 to 1. */
declare function analogWrite(pin: Pin, value: number, options?: { freq?: number; soft?: boolean; forceSoft?: boolean }): void;
/** Sets the pin's mode; no mode: back to automatic. */
declare function pinMode(pin: Pin, mode?: PinMode, automatic?: boolean): void;
declare function getPinMode(pin: Pin): PinMode;

/** What a watch callback receives. */
interface SetWatchEvent {
  /** Time of the edge, in seconds (getTime()). */
  time: number;
  /** Time of the previous edge. */
  lastTime: number;
  /** The pin's state after the edge. */
  state: boolean;
  /** The watched pin. */
  pin: Pin;
  /** The `data` pin's state, when one was given. */
  data?: boolean;
}
/** Options of setWatch, or `true` for `{ repeat: true }`. */
interface SetWatchOptions {
  /** Keep watching after the first edge. @default false */
  repeat?: boolean;
  /** @default "both" */
  edge?: "rising" | "falling" | "both" | 1 | -1 | 0;
  /** Debounce in ms. @default 0 (25 on buttons in some builds) */
  debounce?: number;
  /** Call in the interrupt (native functions only). @default false */
  irq?: boolean;
  /** A pin read at the edge, given as `e.data`. */
  data?: Pin;
  /** Bits of a shift register read at the edges. */
  hispeed?: boolean;
}
/** Calls `fn` on an edge of `pin`; returns an id for clearWatch. */
declare function setWatch(fn: ((e: SetWatchEvent) => void) | string, pin: Pin, options?: boolean | SetWatchOptions): number;
/** Stops a watch; no id: every watch. */
declare function clearWatch(id?: number): void;
