import { readFileSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { UserError } from "../errors.ts";

/** How the board's console is reached. */
export type ConsoleKind = "uart" | "usb-cdc" | "usb-jtag" | "telnet" | "virtual";

/** A board profile, as stored in `boards/<id>.json`. */
export interface BoardProfile {
  /** Profile id, equal to the file name. */
  id: string;
  /** Human name. */
  name: string;
  /** Chip or host. */
  chip: string;
  /** Declared JsVar count (for resizable builds: the starting pool). */
  jsvars: number;
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
}

/** Folder holding the shipped board profiles. */
export const BOARDS_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "boards");

type Check = (v: unknown) => boolean;
const isStr: Check = (v) => typeof v === "string" && v.length > 0;
const isPosInt: Check = (v) => Number.isInteger(v) && (v as number) > 0;
/** An integer in [lo, hi]: a profile is a file a user may get wrong (`jsvars: 1e300` is an integer too). */
const intIn = (lo: number, hi: number): Check => (v) => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi;
const isBool: Check = (v) => typeof v === "boolean";
const isPortOrNull: Check = (v) => v === null || (Number.isInteger(v) && (v as number) > 0 && (v as number) < 65536);

const FIELDS: Array<[path: string, check: Check, expected: string]> = [
  ["id", isStr, "a non-empty string"],
  ["name", isStr, "a non-empty string"],
  ["chip", isStr, "a non-empty string"],
  // Espruino's largest builds address a few million JsVars; 2^24 leaves room and rejects nonsense.
  ["jsvars", intIn(1, 2 ** 24), "an integer from 1 to 16777216"],
  ["bytesPerVar", (v) => isPosInt(v) && (v as number) >= 8 && (v as number) <= 64, "an integer from 8 to 64"],
  ["console.kind", (v) => ["uart", "usb-cdc", "usb-jtag", "telnet", "virtual"].includes(v as string), "uart, usb-cdc, usb-jtag, telnet or virtual"],
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
  const profile = value as BoardProfile;
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
 * Picks the board: `--board`, else `$ESPRUINO_BOARD`, else the virtual profile when the port is
 * virtual; a real port without a board is an error that lists the boards.
 */
export function resolveBoard(board: string | undefined, port: string | undefined, env = process.env): BoardProfile {
  const id = board ?? env.ESPRUINO_BOARD;
  if (id) return loadBoard(id);
  const spec = port ?? env.ESPRUINO_PORT ?? "virtual";
  if (spec === "virtual") return loadBoard("virtual");
  throw new UserError(`--board is needed with port ${spec} (or set ESPRUINO_BOARD); known boards: ${listBoardIds().join(", ")}`);
}
