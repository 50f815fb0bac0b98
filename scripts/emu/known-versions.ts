/**
 * The emulator copies thincall knows, pinned by the sha256 of each file: an emulator file is code
 * from the web, so `emu install` takes a known set whole, and says so when a file is not one of
 * them. A new Web IDE release adds a line here, with the hashes `emu install` prints.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { basename } from "node:path";

/** One known copy of the three files. */
export interface EmuVersion {
  /** What it is, for messages. */
  label: string;
  /** sha256 (hex) of each file, by name. */
  sha256: Readonly<Record<string, string>>;
}

/** Known copies, newest first. */
export const KNOWN_EMU_VERSIONS: readonly EmuVersion[] = [
  {
    label: "Espruino 2v29 (EspruinoWebIDE emu/, Bangle.js 2)",
    sha256: {
      "emulator_banglejs2.js": "4979a9e8b07854a105db23f8a6a52b03576fadae04b58ea8329d373e9db79637",
      "emu_banglejs2.js": "04dd3be7d84fc0d764d430779ff61420112e6b5783fd252baf16688cb8e2c46b",
      "common.js": "c4e401a35c944497785b67c8ac396a92e5e887b62ccb38599b54a950932a9004",
    },
  },
];

/** sha256 of bytes, hex. */
export const sha256Of = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** What a set of files is: one known version, or the files that are unknown or from another version. */
export type EmuIdentity =
  | { known: true; version: EmuVersion }
  | { known: false; unknown: string[]; mixed: boolean; problem: string };

/** Identifies a set of emulator files by name and sha256 (see {@link identifyEmulatorFiles}). */
export function identifyEmulator(files: ReadonlyArray<{ name: string; sha256: string }>, known: readonly EmuVersion[] = KNOWN_EMU_VERSIONS): EmuIdentity {
  const whole = known.find((v) => files.every((f) => v.sha256[f.name] === f.sha256));
  if (whole) return { known: true, version: whole };
  const versionOf = (f: { name: string; sha256: string }) => known.find((v) => v.sha256[f.name] === f.sha256);
  const unknown = files.filter((f) => !versionOf(f)).map((f) => f.name);
  const labels = new Set(files.map((f) => versionOf(f)?.label ?? "unknown"));
  const mixed = labels.size > 1;
  const names = (list: string[]) => list.join(", ");
  const problem = mixed
    ? `a mixed install: ${files.map((f) => `${f.name} is ${versionOf(f)?.label ?? `unknown (sha256 ${f.sha256})`}`).join("; ")}`
    : `not a known emulator version: ${names(unknown)} (sha256 ${files.map((f) => f.sha256.slice(0, 16)).join(", ")}…); known: ${known.map((v) => v.label).join(", ")}`;
  return { known: false, unknown, mixed, problem };
}

/** {@link identifyEmulator} for files on disk. */
export function identifyEmulatorFiles(paths: readonly string[], known: readonly EmuVersion[] = KNOWN_EMU_VERSIONS): EmuIdentity {
  return identifyEmulator(paths.map((p) => ({ name: basename(p), sha256: sha256Of(readFileSync(p)) })), known);
}
