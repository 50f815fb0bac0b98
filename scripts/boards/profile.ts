import { readFileSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { UserError } from "../errors.ts";
import { PACKAGE_ROOT } from "../package-root.ts";

/** How the board's console is reached. */
export type ConsoleKind = "uart" | "usb-cdc" | "usb-jtag" | "telnet" | "bluetooth" | "virtual" | "emu";

/** The free JsVars expected right after boot, and where the figure comes from. */
export interface FreeAtBoot {
  /** Free JsVars (`process.memory().free`) right after boot. */
  jsvars: number;
  /** "measured" on this board or build, or "estimated" from another. */
  how: "measured" | "estimated";
  /** Where the figure comes from (command, build, or the estimate's basis). */
  source: string;
}

/** A board profile, as stored in `boards/<id>.json`. */
export interface BoardProfile {
  /** Profile id, equal to the file name. */
  id: string;
  /** Human name. */
  name: string;
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
  /** Oldest Espruino release thincall supports on this board (e.g. "2v29"), or null (not Espruino). */
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
   * `require` of a known module missing here. @default not checked
   */
  modules?: string[];
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
  ["freeAtBoot.how", (v) => v === "measured" || v === "estimated", "\"measured\" or \"estimated\""],
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
  const modules = (value as { modules?: unknown }).modules;
  if (modules !== undefined && !(Array.isArray(modules) && modules.every(isStr))) {
    throw new UserError(`${file}: field "modules" must be a list of module names (got ${JSON.stringify(modules)})`);
  }
  const profile = value as BoardProfile;
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

/** Loads one profile by id; an unknown id lists the known ones. @default folder {@link BOARDS_DIR} */
export function loadBoard(id: string, dir = BOARDS_DIR): BoardProfile {
  const ids = listBoardIds(dir);
  if (!ids.includes(id)) {
    throw new UserError(`unknown board "${id}"; known boards: ${ids.join(", ")}`);
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
