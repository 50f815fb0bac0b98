/**
 * The committed probe results file and its shape: read by the check's rules and the typings
 * generator, written by the probe.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MemberResult } from "./probe-members.ts";

/** What one probe found on the interpreter. */
export interface ProbeResult {
  /** Human-readable feature name. */
  feature: string;
  /** True when the snippet parsed, ran and produced the expected result. */
  runs: boolean;
  /** Espruino's error (`ReferenceError: "Map" is not defined`) or `wrong result: …`. */
  error?: string;
  /** `process.version` of the interpreter that ran the probe. */
  espruinoVersion: string;
  /** The snippet that was run. */
  snippet: string;
}

/** The exact build probed, as the binary reports it (`process.env`). */
export interface ProbeBuild {
  /** `process.env.VERSION`: the release, and the build number after it when there is one ("2v29.277"). */
  version: string;
  /** `process.env.GIT_COMMIT`, when the binary says. @default absent */
  commit?: string;
  /** `process.env.BUILD_DATE`, when the binary says. @default absent */
  date?: string;
  /** `process.env.BOARD` ("LINUX"). @default absent */
  board?: string;
  /** `process.env.MODULES`: the built-in modules of this build. @default absent */
  modules?: string[];
  /** Which board-specific global classes (`NRF`, `Graphics`, …) the build defines. @default absent */
  globals?: string[];
}

/** The committed probe result: syntax and behaviour probes, and every built-in member's `typeof`. */
export interface ProbeFile {
  /** The build's version (`process.env.VERSION`, else `process.version`). */
  espruinoVersion: string;
  /** The exact build probed. */
  build: ProbeBuild;
  /** Feature id → result of its snippet. */
  features: Record<string, ProbeResult>;
  /** Member id (`Array.prototype.at`) → what `typeof` said. */
  members: Record<string, MemberResult>;
}

/** Default location of the results file, next to this script. */
export const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), "probe-results.json");
