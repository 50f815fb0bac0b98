/**
 * Which boards declare which globals, read from the typings (`types/boards/<id>.d.ts` and the
 * `types/hw/` files they reference), so a build error for a name the board lacks can say which
 * boards have it: `Cannot find name 'g'` on an ESP32 names Bangle.js 2 and Pixl.js.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { PACKAGE_ROOT } from "./package-root.ts";

const BOARD_TYPINGS_DIR = join(PACKAGE_ROOT, "types", "boards");
const DECLARED = /^declare\s+(?:const|var|let|function)\s+([^:;(<]+)/gm;
const REFERENCE = /^\/\/\/\s*<reference\s+path="([^"]+)"/gm;

/** Members a board adds to `E` (`interface EspruinoE { showMessage(…) }`), as `E.showMessage`. */
function eMembers(text: string): string[] {
  const names: string[] = [];
  for (const block of text.matchAll(/^interface EspruinoE \{\n([\s\S]*?)\n\}/gm)) {
    for (const m of block[1].matchAll(/^ {2}([A-Za-z_$][\w$]*)\s*[(<?:]/gm)) names.push(`E.${m[1]}`);
  }
  return names;
}

/** Names a typings file declares at its top level (`declare const A: Pin, B: Pin;` gives both), and its members of `E`. */
function declaredNames(text: string): string[] {
  const names: string[] = eMembers(text);
  for (const m of text.matchAll(DECLARED)) names.push(m[1].trim());
  // More names on the same line: `declare const D0: Pin, D1: Pin`.
  for (const line of text.split("\n")) {
    if (!/^declare\s+const\s/.test(line)) continue;
    for (const m of line.matchAll(/,\s*([A-Za-z_$][\w$]*)\s*:/g)) names.push(m[1]);
  }
  return names;
}

/** Every name declared by `file` and the files it references, except the common typings. */
function boardNames(file: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  const abs = resolve(file);
  if (seen.has(abs) || !existsSync(abs) || abs.endsWith(join("types", "espruino.d.ts"))) return names;
  seen.add(abs);
  const text = readFileSync(abs, "utf8");
  for (const n of declaredNames(text)) names.add(n);
  for (const m of text.matchAll(REFERENCE)) for (const n of boardNames(join(dirname(abs), m[1]), seen)) names.add(n);
  return names;
}

let cache: Map<string, Set<string>> | undefined;

/** Board id → the globals its typings add to the common ones. */
export function boardGlobals(): Map<string, Set<string>> {
  if (cache) return cache;
  cache = new Map();
  for (const f of readdirSync(BOARD_TYPINGS_DIR).filter((f) => f.endsWith(".d.ts")).sort()) {
    cache.set(f.replace(/\.d\.ts$/, ""), boardNames(join(BOARD_TYPINGS_DIR, f)));
  }
  return cache;
}

/** The boards whose firmware has global `name` (or member `E.name`), e.g. `["banglejs2", "emu", "pixljs"]`. */
export function boardsWithGlobal(name: string): string[] {
  return [...boardGlobals()].filter(([, names]) => names.has(name)).map(([id]) => id);
}

/**
 * A note for "Cannot find name 'X'" (or "Property 'X' does not exist on type 'EspruinoE'", as
 * `E.X`) on `boardId`: the boards that have X, or undefined when none does (a plain typo, or a
 * name no Espruino board has).
 */
export function missingGlobalNote(name: string, boardId: string | undefined): string | undefined {
  const boards = boardsWithGlobal(name).filter((b) => b !== boardId);
  if (boards.length === 0) return undefined;
  const shown = boards.length > 4 ? `${boards.slice(0, 4).join(", ")} and ${boards.length - 4} more` : boards.join(", ");
  return `${boardId ?? "this board"}'s firmware has no ${name} (${shown} ${boards.length === 1 ? "has" : "have"} it).`;
}
