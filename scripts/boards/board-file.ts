/**
 * Reads an Espruino board file (`boards/<NAME>.py` in an Espruino checkout) the way Espruino's
 * own build scripts do (Python imports it), and derives the facts a thincall profile states:
 * JsVars, Storage, console, chip, and the firmware's features. Used to check the shipped profiles
 * against Espruino's source (test/board-sources.test.ts) and to start a new profile.
 *
 *   npx tsx scripts/boards/board-file.ts /path/to/Espruino PICO_R1_3
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { UserError } from "../errors.ts";
import { globalsFor, modulesFor } from "./firmware-modules.ts";
import type { FeatureSource } from "./profile.ts";

/** A board file's three dicts, as Python evaluates them. */
export interface BoardFile {
  /** The board's name in Espruino (`PICO_R1_3`). */
  name: string;
  info: { name?: string; variables?: number; default_console?: string; default_console_baudrate?: string; build: { libraries?: string[]; makefile?: string[] } };
  chip: { part: string; family: string; saved_code?: { pages: number; page_size: number } };
}

// Espruino's build scripts import board files with scripts/ and boards/ on the path.
const LOADER = `import sys, json, importlib
d = sys.argv[1]
sys.path[:0] = [d + "/scripts", d + "/boards"]
out = {}
for n in sys.argv[2:]:
  m = importlib.import_module(n)
  out[n] = {"name": n, "info": m.info, "chip": m.chip}
print(json.dumps(out, default=str))
`;

/** Loads board files from an Espruino checkout with python3. */
export function readBoardFiles(espruinoDir: string, names: string[]): Record<string, BoardFile> {
  for (const n of names) {
    if (!existsSync(join(espruinoDir, "boards", `${n}.py`))) throw new UserError(`${espruinoDir}: no boards/${n}.py`);
  }
  const text = execFileSync("python3", ["-c", LOADER, espruinoDir, ...names], { cwd: espruinoDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  return JSON.parse(text) as Record<string, BoardFile>;
}

/** src/jshardware.h: `#define DEFAULT_BAUD_RATE 9600`, used when a board file names no console baud rate. */
export const DEFAULT_BAUD_RATE = 9600;

/** The SAVE_ON_FLASH levels src/jsutils.h knows; SAVE_ON_FLASH turns SAVE_ON_FLASH_MATH on. */
const SAVE_ON_FLASH_LEVELS = ["SAVE_ON_FLASH", "SAVE_ON_FLASH_MATH", "SAVE_ON_FLASH_EXTREME"];

/** What a board file says about the build, in profile terms. */
export interface BoardFacts {
  boardFile: string;
  chip: string;
  family: string;
  /** `info.variables`; null when 0 (resizable, Linux). */
  variables: number | null;
  /** `saved_code` pages × page size, or null without one. */
  storageBytes: number | null;
  /** `default_console` (EV_SERIAL1, EV_USBSERIAL, EV_BLUETOOTH, …). */
  console: string | null;
  /** The serial console's baud rate when the default console is a UART, else null. */
  serialBaud: number | null;
  libraries: string[];
  /** Names defined by its makefile lines (`-DESPR_LIMIT_DATE_RANGE`, `SAVE_ON_FLASH=1`). */
  defines: string[];
  unicode: boolean;
  saveOnFlash: string[];
  limitDateRange: boolean;
  jit: boolean;
  modules: string[];
  /** Board-specific global classes (`Bangle`, `ESP32`, `NRF`, …). */
  globals: string[];
  sources: FeatureSource[];
}

/** Derives the profile facts from a loaded board file. */
export function boardFacts(board: BoardFile): BoardFacts {
  const file = `boards/${board.name}.py`;
  const libraries = board.info.build.libraries ?? [];
  const lines = board.info.build.makefile ?? [];
  const defines = new Set<string>();
  for (const l of lines) {
    if (/^\s*DEFINES\s*\+?=/.test(l)) for (const m of l.matchAll(/-D(\w+)/g)) defines.add(m[1]);
    const v = /^\s*(SAVE_ON_FLASH\w*)\s*:?=\s*1\s*$/.exec(l);
    if (v) defines.add(v[1]);
  }
  const lineWith = (name: string) => lines.find((l) => new RegExp(`(?:-D|^\\s*)${name}\\b`).test(l))?.trim();
  const saveOnFlash = SAVE_ON_FLASH_LEVELS.filter((n) => defines.has(n) || (n === "SAVE_ON_FLASH_MATH" && defines.has("SAVE_ON_FLASH")));
  const unicode = defines.has("ESPR_UNICODE_SUPPORT");
  const limitDateRange = defines.has("ESPR_LIMIT_DATE_RANGE");
  const saved = board.chip.saved_code;
  const consoleDev = board.info.default_console ?? null;
  const serial = !!consoleDev && /^EV_SERIAL\d$/.test(consoleDev);
  const baud = board.info.default_console_baudrate;
  const says = (field: string, text: string, from = file): FeatureSource => ({ field, file: from, says: text });
  const sources: FeatureSource[] = [
    says("libraries", `'libraries' : [${libraries.map((l) => `'${l}'`).join(", ")}]`),
    says("modules", `each library L sets USE_L=1 (scripts/get_makefile_decls.py); the Makefile and the "type": "library" wrappers turn them into modules (scripts/boards/firmware-modules.ts)`, "Makefile"),
    unicode ? says("unicode", lineWith("ESPR_UNICODE_SUPPORT")!) : says("unicode", "no ESPR_UNICODE_SUPPORT in its makefile lines: strings are bytes (src/jsutils.h)"),
    saveOnFlash.length ? says("saveOnFlash", saveOnFlash.map((n) => lineWith(n) ?? `${n} (implied by SAVE_ON_FLASH, src/jsutils.h)`).join("; ")) : says("saveOnFlash", "no SAVE_ON_FLASH* in its makefile lines"),
    limitDateRange ? says("limitDateRange", lineWith("ESPR_LIMIT_DATE_RANGE")!) : says("limitDateRange", "no ESPR_LIMIT_DATE_RANGE: years from -1250000 to 1250000 (src/jswrap_date.c)"),
    says("jit", libraries.includes("JIT") ? "'JIT' in its libraries (USE_JIT adds src/jsjit.c)" : "no 'JIT' in its libraries"),
    says("globals", "its libraries, chip family and WRAPPERSOURCES lines give its board classes (scripts/boards/firmware-modules.ts GLOBAL_RULES)"),
  ];
  return {
    boardFile: file,
    chip: board.chip.part,
    family: board.chip.family,
    variables: board.info.variables ? board.info.variables : null,
    storageBytes: saved ? saved.pages * saved.page_size : null,
    console: consoleDev,
    serialBaud: serial ? (baud ? Number(baud) : DEFAULT_BAUD_RATE) : null,
    libraries,
    defines: [...defines],
    unicode,
    saveOnFlash,
    limitDateRange,
    jit: libraries.includes("JIT"),
    modules: modulesFor(libraries, saveOnFlash, board.chip.family),
    globals: globalsFor(libraries, board.chip.family, lines),
    sources,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dir, ...names] = process.argv.slice(2);
  if (!dir || names.length === 0) {
    console.error("usage: board-file.ts <Espruino checkout> <BOARD_NAME…>");
    process.exitCode = 1;
  } else {
    const files = readBoardFiles(dir, names);
    console.log(JSON.stringify(Object.fromEntries(names.map((n) => [n, boardFacts(files[n])])), null, 2));
  }
}
