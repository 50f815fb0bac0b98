import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UserError } from "../errors.ts";
import { emuCacheDir } from "./cache-dir.ts";
import { EMU_FILES } from "./files.ts";
import { identifyEmulatorFiles } from "./known-versions.ts";

/** Where the emulator was found. */
export interface EmuLocation {
  /** Folder holding the three files. */
  dir: string;
  /** Absolute paths of the files, in evaluation order (see {@link EMU_FILES}). */
  files: string[];
  /** How it was found, for messages. */
  from: "ESPRUINO_EMU" | "cache";
}

const INSTALL_HINT = "run `thincall emu install` or set ESPRUINO_EMU to the emulator's folder";

/**
 * The emulator's folder: `$ESPRUINO_EMU` (the folder, or the path of any of its files), else the
 * cache that `thincall emu install` fills. Returns undefined when neither is set up; a set but
 * wrong `$ESPRUINO_EMU` is an error, never a silent fallback.
 */
export function findEmulator(env: NodeJS.ProcessEnv = process.env): EmuLocation | undefined {
  const given = env.ESPRUINO_EMU;
  if (given) {
    if (!existsSync(given)) throw new UserError(`ESPRUINO_EMU=${given}: no such file or folder; ${INSTALL_HINT}`);
    const dir = statSync(given).isDirectory() ? given : dirname(given);
    if (!statSync(given).isDirectory() && !EMU_FILES.some((f) => f.name === basename(given))) {
      throw new UserError(`ESPRUINO_EMU=${given}: not an emulator file (expected ${EMU_FILES.map((f) => f.name).join(", ")})`);
    }
    return { dir, files: EMU_FILES.map((f) => join(dir, f.name)), from: "ESPRUINO_EMU" };
  }
  const dir = emuCacheDir(env);
  if (!EMU_FILES.every((f) => existsSync(join(dir, f.name)))) return undefined;
  return { dir, files: EMU_FILES.map((f) => join(dir, f.name)), from: "cache" };
}

/**
 * Checks that each file is there, large enough and the right one (its markers), with one line
 * per problem: missing, truncated (corrupt) or not the emulator (wrong). Returns the problem or
 * undefined. Reading 3 MB takes a few ms, far less than starting the emulator.
 */
export function checkEmulatorFiles(location: EmuLocation): string | undefined {
  for (const [i, path] of location.files.entries()) {
    const spec = EMU_FILES[i];
    if (!existsSync(path)) return `${path} is missing (the ${spec.role})`;
    const text = readFileSync(path, "latin1");
    if (text.length < spec.minBytes) return `${path} is corrupt: ${text.length} bytes, a complete copy has at least ${spec.minBytes}`;
    const lacking = spec.markers.find((m) => !text.includes(m));
    if (lacking !== undefined) {
      // A file cut short loses its end; anything else lacking a marker is another file.
      const truncated = lacking === "end include: postamble.js" && text.includes("wasm2js");
      return truncated ? `${path} is corrupt: it ends early (an interrupted download?)` : `${path} is not the ${spec.role} (no "${lacking}" in it)`;
    }
  }
  return undefined;
}

/**
 * Why these files are no emulator to run, in one line, or undefined: missing, corrupt or wrong
 * files ({@link checkEmulatorFiles}), or files of two versions (a mixed install: a tampered file
 * among known ones, an install stopped half way). `--port emu` and `emu where` both refuse by it.
 * A whole set of unknown files is not refused here: `emu install --allow-unknown` installs one.
 */
export function emulatorRefusal(location: EmuLocation): string | undefined {
  const fix = location.from === "cache" ? "run `thincall emu install` again" : INSTALL_HINT;
  const problem = checkEmulatorFiles(location);
  if (problem) return `emulator (${location.from}): ${problem}; ${fix}`;
  const identity = identifyEmulatorFiles(location.files);
  if (!identity.known && identity.mixed) return `emulator (${location.from}) in ${location.dir}: ${identity.problem}; ${fix}`;
  return undefined;
}

/** Finds and checks the emulator ({@link emulatorRefusal}), or fails with one line saying what to do. */
export function requireEmulator(env: NodeJS.ProcessEnv = process.env): EmuLocation {
  const location = findEmulator(env);
  if (!location) throw new UserError(`the Espruino emulator is not installed; ${INSTALL_HINT}`);
  const refusal = emulatorRefusal(location);
  if (refusal) throw new UserError(refusal);
  return location;
}
