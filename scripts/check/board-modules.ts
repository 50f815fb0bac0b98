/**
 * `require("Wifi")` on a board whose Espruino build has no Wifi module: the call fails at run time
 * (`Module Wifi not found`), so the check flags it for that board. `require("ESP32")` fails on
 * every board: ESP32 is a global class, not a module.
 */
import type * as acorn from "acorn";
import * as walk from "acorn-walk";
import { BUILTIN_MODULES, CLASSES_NOT_MODULES } from "../boards/firmware-modules.ts";

/** One `require("<literal>")` call. */
interface ModuleRequire {
  module: string;
  /** Offset of the `require` call. */
  offset: number;
}

/** Every `require` of a literal name. */
function requires(ast: acorn.Program): ModuleRequire[] {
  const found: ModuleRequire[] = [];
  walk.simple(ast, {
    CallExpression(n) {
      const arg = n.arguments[0];
      if (n.callee.type !== "Identifier" || n.callee.name !== "require" || arg?.type !== "Literal") return;
      const name = (arg as acorn.Literal).value;
      if (typeof name === "string") found.push({ module: name, offset: n.start });
    },
  });
  return found;
}

/** Every `require("<built-in module>")` whose module the board's build lacks. */
export function findMissingModules(ast: acorn.Program, available: readonly string[]): ModuleRequire[] {
  return requires(ast).filter((r) => BUILTIN_MODULES.includes(r.module) && !available.includes(r.module));
}

/** Every `require` of a name that is a class, not a module, with where Espruino says so. */
export function findClassRequires(ast: acorn.Program): { name: string; offset: number; source: string }[] {
  return requires(ast).flatMap((r) => (r.module in CLASSES_NOT_MODULES ? [{ name: r.module, offset: r.offset, source: CLASSES_NOT_MODULES[r.module] }] : []));
}
