/**
 * `require("Wifi")` on a board whose Espruino build has no Wifi module: the call fails at run time
 * (`Module Wifi not found`), so the check flags it for that board.
 */
import type * as acorn from "acorn";
import * as walk from "acorn-walk";

/** Espruino's built-in modules thincall knows (typed in `types/espruino-modules.d.ts`). */
export const BUILTIN_MODULES = ["Storage", "Flash", "fs", "net", "tls", "http", "Wifi", "ESP32", "crypto", "heatshrink", "neopixel", "dgram", "TelnetServer"];

/** The board a program is checked for, and the modules its build has. */
export interface BoardModules {
  board: string;
  available: string[];
}

/** One `require` of a built-in module the board lacks. */
export interface MissingModule {
  module: string;
  /** Offset of the `require` call. */
  offset: number;
}

/** Every `require("<built-in module>")` whose module the board lacks. */
export function findMissingModules(ast: acorn.Program, modules: BoardModules): MissingModule[] {
  const found: MissingModule[] = [];
  walk.simple(ast, {
    CallExpression(n) {
      const arg = n.arguments[0];
      if (n.callee.type !== "Identifier" || n.callee.name !== "require" || arg?.type !== "Literal") return;
      const name = (arg as acorn.Literal).value;
      if (typeof name === "string" && BUILTIN_MODULES.includes(name) && !modules.available.includes(name)) found.push({ module: name, offset: n.start });
    },
  });
  return found;
}
