/**
 * The three files of the Espruino Web IDE's emulator (Espruino compiled to JavaScript with
 * emscripten, MPL-2.0), in the order they are evaluated, and what each must contain. The files
 * are never bundled with thincall: they come from `$ESPRUINO_EMU` or `thincall emu install`.
 */

/** One emulator file. */
export interface EmuFile {
  /** File name, as in the `emu/` folder of espruino/EspruinoWebIDE. */
  name: string;
  /** What it is, for messages. */
  role: string;
  /** Strings a genuine copy contains (a "wrong file" lacks one). */
  markers: string[];
  /** Smallest plausible size in bytes (a truncated download is smaller). */
  minBytes: number;
}

/** The emulator files, in evaluation order: the interpreter, the board's constants, the glue. */
export const EMU_FILES: readonly EmuFile[] = [
  {
    name: "emulator_banglejs2.js",
    role: "Espruino interpreter (emscripten)",
    markers: ["wasm2js", "_jsInit", "jshPushIOCharEvent", "end include: postamble.js"],
    minBytes: 1_000_000,
  },
  { name: "emu_banglejs2.js", role: "Bangle.js 2 constants", markers: ["DEVICE_NAME", "FLASH_SIZE"], minBytes: 100 },
  { name: "common.js", role: "emulator glue", markers: ["function jsTransmitString", "function jsIdle", "function jsInit"], minBytes: 1000 },
];

/** Where `thincall emu install` downloads from by default: the Web IDE's `emu/` folder, default branch. */
export const DEFAULT_EMU_URL = "https://raw.githubusercontent.com/espruino/EspruinoWebIDE/HEAD/emu/";
