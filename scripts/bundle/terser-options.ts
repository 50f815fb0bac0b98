import type { MinifyOptions } from "terser";

/**
 * Globals an Espruino board defines. Top-level names are mangled (short names are faster in an
 * interpreter that runs from source text), so none of these may be chosen as a mangled name.
 */
export const ESPRUINO_GLOBALS = [
  "E", "print", "getTime", "process", "require", "load", "reset", "save", "global", "console",
  "setTimeout", "setInterval", "clearTimeout", "clearInterval", "setWatch", "clearWatch",
  "digitalWrite", "digitalRead", "digitalPulse", "analogRead", "analogWrite", "pinMode", "getPinMode",
  "peek8", "poke8", "peek16", "poke16", "peek32", "poke32", "echo", "edit", "dump", "trace",
  "atob", "btoa", "Pin", "Serial1", "Serial2", "USB", "LoopbackA", "LoopbackB", "Telnet", "Bluetooth",
  "I2C", "I2C1", "SPI", "SPI1", "LED", "LED1", "LED2", "LED3", "BTN", "BTN1", "NRF", "ESP32", "Puck",
  "Modules", "Promise", "JSON", "Math", "Date", "Object", "Array", "String", "Number", "Boolean",
  "Function", "Error", "TypeError", "RangeError", "ReferenceError", "SyntaxError", "ArrayBuffer",
  "DataView", "Uint8Array", "Int8Array", "Uint16Array", "Int16Array", "Uint32Array", "Int32Array",
  "Float32Array", "Float64Array", "Uint8ClampedArray", "Infinity", "NaN", "undefined", "eval",
  "parseInt", "parseFloat", "isNaN", "isFinite", "arguments", "this",
];

/**
 * Terser settings for Espruino.
 * - Output stays ES5-shaped where terser has a choice (`ecma: 5`): no new arrows or shorthands.
 * - Top-level names are mangled, minus {@link ESPRUINO_GLOBALS}.
 * - `inline: 1` and `reduce_funcs: false` keep calls as calls: inlining a function body into a loop
 *   would change what a benchmark measures, and grows code that lives in RAM.
 * - `hoist_funs: false`: Espruino does not hoist, so declarations must stay where they are.
 * - `directives: false`: terser drops directives it does not know, and Espruino's `"jit"` is one.
 * - One line: repl-lines.ts then cuts it where Espruino's REPL cannot split a statement.
 */
export function espruinoTerserOptions(): MinifyOptions {
  return {
    ecma: 5,
    module: false,
    toplevel: true,
    compress: {
      ecma: 5,
      passes: 2,
      inline: 1,
      reduce_funcs: false,
      hoist_funs: false,
      hoist_vars: false,
      keep_infinity: true,
      arrows: false,
      unsafe: false,
      directives: false,
    },
    mangle: { toplevel: true, reserved: ESPRUINO_GLOBALS },
    format: { ascii_only: true, comments: false, semicolons: true },
  };
}
