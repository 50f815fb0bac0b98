import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { UserError } from "../errors.ts";
import { PACKAGE_ROOT } from "../package-root.ts";

/** How the board's console is reached. */
export type ConsoleKind = "uart" | "usb-cdc" | "usb-jtag" | "telnet" | "bluetooth" | "virtual" | "emu";

/**
 * The free JsVars a program starts with (at the REPL after `reset()`, where `flash`, `mem` and
 * `bench` upload), and where the figure comes from.
 */
export interface FreeAtBoot {
  /** Free JsVars (`process.memory().free`) at the REPL after `reset()`. */
  jsvars: number;
  /**
   * "measured" on this board or build (the source gives the command), "derived" from Espruino's
   * board file and boot code (the source gives the files and the arithmetic), or "estimated"
   * (the source gives the basis).
   */
  how: "measured" | "derived" | "estimated";
  /** The command, the derivation, or the estimate's basis. */
  source: string;
}

/** Where one profile field comes from: a file of Espruino's source and what it says. */
export interface FeatureSource {
  /** The profile field (`unicode`, `modules`, `minVersion`, …). */
  field: string;
  /** Path in Espruino's source (`boards/PICO_R1_3.py`, `ChangeLog`). */
  file: string;
  /** What that file says, quoted or summed up. */
  says: string;
}

/** What a board's Espruino build has, from its board file and build files. */
export interface FirmwareFeatures {
  /** Espruino's board file the build is made from (`boards/PICO_R1_3.py`). */
  boardFile: string;
  /** The board file's `libraries` (each one is `USE_<LIB>=1` in the build). */
  libraries: string[];
  /** `ESPR_UNICODE_SUPPORT`: strings hold Unicode characters; without it they are bytes. */
  unicode: boolean;
  /** `SAVE_ON_FLASH` levels the build defines (`SAVE_ON_FLASH_MATH`: smaller, less exact sin and atan). */
  saveOnFlash: string[];
  /** `ESPR_LIMIT_DATE_RANGE`: a Date before the year 1500 throws "Date out of bounds". */
  limitDateRange: boolean;
  /** Board-specific global classes the build has (`Bangle`, `ESP32`, `NRF`, `Graphics`, …). */
  globals: string[];
  /** Where each feature field (and `modules`, `jit`, `minVersion`) comes from. */
  sources: FeatureSource[];
}

/** A board profile, as stored in `boards/<id>.json`. */
export interface BoardProfile {
  /** Profile id, equal to the file name. */
  id: string;
  /** Human name. */
  name: string;
  /**
   * Espruino's own names for this board (its `boards/<NAME>.py`, also `process.env.BOARD` on the
   * board), accepted by `--board` like the id, in any case. @default none
   */
  aliases?: string[];
  /** Chip or host. */
  chip: string;
  /** JsVar count thincall uses (declared; for boards that size it at boot, see {@link jsvarsAtBoot}). */
  jsvars: number;
  /**
   * The board file's `variables` (JSVAR_CACHE_SIZE), which fixes the JsVar format and so
   * {@link bytesPerVar}; null for resizable builds (Linux) and the virtual board.
   */
  variables: number | null;
  /** How the count is computed at boot when it is (ESP32 family), else null. */
  jsvarsAtBoot: string | null;
  /** Free JsVars expected right after boot. */
  freeAtBoot: FreeAtBoot;
  /** Bytes of Storage (the board file's saved_code pages × page size), or null when unknown. */
  storageBytes: number | null;
  /**
   * Oldest Espruino build that runs on this board: a release ("2v29") or a build after one
   * ("2v29.30": 30 commits on, as `git describe` and `process.env.VERSION` count), or null (not Espruino).
   */
  minVersion: string | null;
  /** Espruino's board file(s) and sources the profile was read from. */
  source: string;
  /**
   * Shortest timed sample in ms that the board's clock allows (≥ 100 with a 1 ms tick); absent
   * when the bench's own sample length suffices. @default undefined
   */
  minSampleMs?: number;
  /** Bytes per JsVar (12 to 16 on boards, 27 on Linux builds). */
  bytesPerVar: number;
  console: {
    kind: ConsoleKind;
    /** Default baud for serial consoles, or null. */
    baud: number | null;
    /** Default TCP port of the console (telnet), or null when the board has none. */
    tcpPort: number | null;
    /** Opening the serial port toggles DTR/RTS and may reset the board. */
    resetsOnOpen: boolean;
    /** A Ctrl-C on an empty line can end the interpreter (Linux build: two within 5 s). */
    ctrlCExits: boolean;
  };
  flash: {
    /** Where `--to` defaults to. */
    default: "ram" | "flash";
    /** Whether `require("Storage")` exists. */
    storage: boolean;
  };
  /** Whether the "jit" directive compiles functions on this board. */
  jit: boolean;
  /** Whether a watchdog must be kicked in long loops. */
  watchdog: boolean;
  /** Resolution of getTime() in microseconds. */
  timerResolutionUs: number;
  /** One line for users. */
  note: string;
  /**
   * Espruino's built-in modules in this board's build (`require("Wifi")`); the check flags a
   * `require` of a known module missing here. Every Espruino profile lists them. @default not checked
   */
  modules?: string[];
  /** The build's features from Espruino's board file, or null when the board is not Espruino (virtual). */
  firmware: FirmwareFeatures | null;
}

/** Folder holding the shipped board profiles. */
export const BOARDS_DIR = join(PACKAGE_ROOT, "boards");

const CONSOLE_KINDS: ConsoleKind[] = ["uart", "usb-cdc", "usb-jtag", "telnet", "bluetooth", "virtual", "emu"];

/**
 * Bytes per JsVar for a board file's `variables`, from src/jsutils.h: up to 2047 JsVars 12 bytes,
 * 8191 13, 16383 14, 65535 16.
 */
export function jsvarBytes(variables: number): number {
  return variables <= 2047 ? 12 : variables <= 8191 ? 13 : variables <= 16383 ? 14 : 16;
}

type Check = (v: unknown) => boolean;
const isStr: Check = (v) => typeof v === "string" && v.length > 0;
const isPosInt: Check = (v) => Number.isInteger(v) && (v as number) > 0;
/** An integer in [lo, hi]: a profile is a file a user may get wrong (`jsvars: 1e300` is an integer too). */
const intIn = (lo: number, hi: number): Check => (v) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
const isBool: Check = (v) => typeof v === "boolean";
const isVersion: Check = (v) => typeof v === "string" && /^\d+v\d+(\.\d+)?$/.test(v);
const isPortOrNull: Check = (v) => v === null || (Number.isInteger(v) && (v as number) > 0 && (v as number) < 65536);

const FIELDS: Array<[path: string, check: Check, expected: string]> = [
  ["id", isStr, "a non-empty string"],
  ["name", isStr, "a non-empty string"],
  ["chip", isStr, "a non-empty string"],
  // Espruino's largest builds address a few million JsVars; 2^24 leaves room and rejects nonsense.
  ["jsvars", intIn(1, 2 ** 24), "an integer from 1 to 16777216"],
  ["variables", (v) => v === null || isPosInt(v), "a positive integer or null"],
  ["jsvarsAtBoot", (v) => v === null || isStr(v), "a non-empty string or null"],
  ["freeAtBoot.jsvars", isPosInt, "a positive integer"],
  ["freeAtBoot.how", (v) => v === "measured" || v === "derived" || v === "estimated", "\"measured\", \"derived\" or \"estimated\""],
  ["freeAtBoot.source", isStr, "a non-empty string"],
  ["storageBytes", (v) => v === null || isPosInt(v), "a positive integer or null"],
  ["minVersion", (v) => v === null || isVersion(v), "an Espruino version like \"2v29\", or null"],
  ["source", isStr, "a non-empty string"],
  ["minSampleMs", (v) => v === undefined || isPosInt(v), "a positive integer of ms, or absent"],
  ["bytesPerVar", (v) => isPosInt(v) && (v as number) >= 8 && (v as number) <= 64, "an integer from 8 to 64"],
  ["console.kind", (v) => CONSOLE_KINDS.includes(v as ConsoleKind), CONSOLE_KINDS.join(", ")],
  ["console.baud", (v) => v === null || intIn(1, 10_000_000)(v), "an integer from 1 to 10000000, or null"],
  ["console.tcpPort", isPortOrNull, "a TCP port or null"],
  ["console.resetsOnOpen", isBool, "true or false"],
  ["console.ctrlCExits", isBool, "true or false"],
  ["flash.default", (v) => v === "ram" || v === "flash", "\"ram\" or \"flash\""],
  ["flash.storage", isBool, "true or false"],
  ["jit", isBool, "true or false"],
  ["watchdog", isBool, "true or false"],
  ["timerResolutionUs", (v) => typeof v === "number" && v > 0 && v <= 1_000_000, "a positive number of at most 1000000"],
  ["note", isStr, "a non-empty string"],
];

const isStrList: Check = (v) => Array.isArray(v) && v.every(isStr);
const FIRMWARE_FIELDS: Array<[path: string, check: Check, expected: string]> = [
  ["boardFile", isStr, "a board file path such as \"boards/PICO_R1_3.py\""],
  ["libraries", isStrList, "a list of library names"],
  ["unicode", isBool, "true or false"],
  ["saveOnFlash", isStrList, "a list of SAVE_ON_FLASH levels"],
  ["limitDateRange", isBool, "true or false"],
  ["globals", isStrList, "a list of global class names"],
  ["sources", (v) => Array.isArray(v) && v.every((s) => isStr(pick(s, "field")) && isStr(pick(s, "file")) && isStr(pick(s, "says"))), "a list of { field, file, says }"],
];

/** Checks the `firmware` block: null (not Espruino) or every feature field with its sources. */
function validateFirmware(firmware: unknown, file: string): void {
  if (firmware === null) return;
  if (firmware === undefined || typeof firmware !== "object" || Array.isArray(firmware)) {
    throw new UserError(`${file}: field "firmware" must be the build's features (an object) or null (got ${JSON.stringify(firmware) ?? "nothing"})`);
  }
  for (const [path, check, expected] of FIRMWARE_FIELDS) {
    const v = pick(firmware, path);
    if (!check(v)) throw new UserError(`${file}: field "firmware.${path}" must be ${expected} (got ${JSON.stringify(v) ?? "nothing"})`);
  }
}

function pick(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/**
 * Validates a parsed profile. Throws a {@link UserError} naming the file and the first bad field.
 */
export function validateProfile(value: unknown, file: string): BoardProfile {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new UserError(`${file}: a board profile must be a JSON object`);
  }
  for (const [path, check, expected] of FIELDS) {
    const v = pick(value, path);
    if (!check(v)) {
      throw new UserError(`${file}: field "${path}" must be ${expected} (got ${JSON.stringify(v) ?? "nothing"})`);
    }
  }
  const aliases = (value as { aliases?: unknown }).aliases;
  if (aliases !== undefined && !(Array.isArray(aliases) && aliases.every(isStr))) {
    throw new UserError(`${file}: field "aliases" must be a list of board names (got ${JSON.stringify(aliases)})`);
  }
  const modules = (value as { modules?: unknown }).modules;
  if (modules !== undefined && !(Array.isArray(modules) && modules.every(isStr))) {
    throw new UserError(`${file}: field "modules" must be a list of module names (got ${JSON.stringify(modules)})`);
  }
  validateFirmware((value as { firmware?: unknown }).firmware, file);
  const profile = value as BoardProfile;
  if (profile.firmware && !profile.modules) throw new UserError(`${file}: an Espruino profile (with "firmware") must list its "modules"`);
  if (profile.variables !== null && profile.bytesPerVar !== jsvarBytes(profile.variables)) {
    throw new UserError(`${file}: field "bytesPerVar" must be ${jsvarBytes(profile.variables)} for ${profile.variables} variables (src/jsutils.h)`);
  }
  if (profile.variables !== null && profile.jsvars > profile.variables) {
    throw new UserError(`${file}: field "jsvars" (${profile.jsvars}) exceeds "variables" (${profile.variables})`);
  }
  if (profile.freeAtBoot.jsvars > profile.jsvars) {
    throw new UserError(`${file}: field "freeAtBoot.jsvars" (${profile.freeAtBoot.jsvars}) exceeds "jsvars" (${profile.jsvars})`);
  }
  const stem = basename(file, ".json");
  if (profile.id !== stem) throw new UserError(`${file}: field "id" must equal the file name "${stem}"`);
  return profile;
}

/** Reads and validates one profile file. */
export function loadProfileFile(file: string): BoardProfile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new UserError(`${file}: cannot read board profile`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return validateProfile(json, file);
}

/** Ids of all profiles in a folder, sorted. @default folder {@link BOARDS_DIR} */
export function listBoardIds(dir = BOARDS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => basename(f, ".json"))
    .sort();
}

/** Loads every profile in a folder. @default folder {@link BOARDS_DIR} */
export function loadAllBoards(dir = BOARDS_DIR): BoardProfile[] {
  return listBoardIds(dir).map((id) => loadProfileFile(join(dir, `${id}.json`)));
}

/**
 * The profile id a `--board` name means: an id, or one of Espruino's board names
 * ({@link BoardProfile.aliases}), in any case; undefined when none matches.
 * @default folder {@link BOARDS_DIR}
 */
export function boardIdFor(name: string, dir = BOARDS_DIR): string | undefined {
  const ids = listBoardIds(dir);
  if (ids.includes(name)) return name;
  const wanted = name.toLowerCase();
  const byId = ids.find((id) => id.toLowerCase() === wanted);
  if (byId) return byId;
  // Aliases are read leniently: a broken profile elsewhere must not hide the known ones.
  return ids.find((id) => aliasesIn(join(dir, `${id}.json`)).some((a) => a.toLowerCase() === wanted));
}

function aliasesIn(file: string): string[] {
  try {
    const aliases = (JSON.parse(readFileSync(file, "utf8")) as { aliases?: unknown }).aliases;
    return Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === "string") : [];
  } catch {
    return [];
  }
}

/**
 * Loads one profile by id or Espruino board name ({@link boardIdFor}); an unknown name lists the
 * known ids. @default folder {@link BOARDS_DIR}
 */
export function loadBoard(name: string, dir = BOARDS_DIR): BoardProfile {
  const id = boardIdFor(name, dir);
  if (id === undefined) {
    throw new UserError(`unknown board "${name}"; known boards: ${listBoardIds(dir).join(", ")} (or Espruino's names: thincall boards)`);
  }
  return loadProfileFile(join(dir, `${id}.json`));
}

/** The byte size of a JsVar pool: declared JsVars times bytes per JsVar. */
export function ramBytes(profile: BoardProfile): number {
  return profile.jsvars * profile.bytesPerVar;
}

/**
 * Picks the board: `--board`, else `$ESPRUINO_BOARD`, else the virtual (or emu) profile when the
 * port is virtual (or emu); a real port without a board is an error that lists the boards.
 */
export function resolveBoard(board: string | undefined, port: string | undefined, env = process.env): BoardProfile {
  const id = board ?? env.ESPRUINO_BOARD;
  if (id) return loadBoard(id);
  const spec = port ?? env.ESPRUINO_PORT ?? "virtual";
  if (spec === "virtual") return loadBoard("virtual");
  if (spec === "emu") return loadBoard("emu");
  throw new UserError(`--board is needed with port ${spec} (or set ESPRUINO_BOARD); known boards: ${listBoardIds().join(", ")}`);
}
