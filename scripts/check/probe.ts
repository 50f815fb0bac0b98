/**
 * Runs every snippet from `features.ts` on the real Espruino interpreter and writes
 * `scripts/check/probe-results.json`, the evidence the rule table is built from.
 *
 *   ESPRUINO_BIN=/path/to/espruino npx tsx scripts/check/probe.ts
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { UserError } from "../errors.ts";
import { FEATURES, type Feature } from "./features.ts";

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

/** Default location of the results file, next to this script. */
export const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), "probe-results.json");

// The marker is printed only after the feature ran and gave the right answer.
const PRELUDE = 'function __ok(c,v){console.log(c?"@@OK":"@@WRONG "+v)}\n';
const TIMEOUT_MS = 3000;

/**
 * Runs one script file on the interpreter at `bin` and returns its console output once it printed
 * a `@@` marker or an uncaught error, or the time ran out. Stdin stays open so that timers and promises get to run (Espruino
 * exits at end of input); the process ignores SIGTERM, so it is stopped with SIGKILL.
 */
export function runScript(bin: string, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [file], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    let timer: NodeJS.Timeout | undefined;
    const finish = (delay: number) => {
      clearTimeout(timer);
      // A short grace period lets the rest of an error message arrive.
      timer = setTimeout(() => child.kill("SIGKILL"), delay);
    };
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (/@@|Uncaught /.test(out)) finish(100);
    });
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      resolve(out);
    });
    finish(TIMEOUT_MS);
  });
}

/** Reads the verdict out of the interpreter's output. */
function verdict(out: string): { runs: boolean; error?: string } {
  const ok = out.indexOf("@@OK");
  const uncaught = /Uncaught (.*)/.exec(out);
  if (ok >= 0 && (!uncaught || uncaught.index > ok)) return { runs: true };
  if (uncaught) return { runs: false, error: uncaught[1].trim() };
  const wrong = /@@WRONG (.*)/.exec(out);
  if (wrong) return { runs: false, error: `wrong result: ${wrong[1].trim()}` };
  return { runs: false, error: "no result (timed out without output)" };
}

/** Runs one feature's snippet on the interpreter at `bin`. */
export async function probeFeature(bin: string, feature: Feature, dir: string, version: string): Promise<ProbeResult> {
  const file = join(dir, `${feature.id.replace(/[^\w.-]/g, "_")}.js`);
  writeFileSync(file, PRELUDE + feature.code + "\n");
  return { feature: feature.name, ...verdict(await runScript(bin, file)), espruinoVersion: version, snippet: feature.code };
}

/** Runs every probe (a few at a time) and returns feature id → result. */
export async function runProbe(bin: string): Promise<Record<string, ProbeResult>> {
  const dir = mkdtempSync(join(tmpdir(), "thincall-probe-"));
  try {
    const versionFile = join(dir, "version.js");
    writeFileSync(versionFile, 'console.log("@@VERSION "+process.version)\n');
    const version = /@@VERSION (\S+)/.exec(await runScript(bin, versionFile))?.[1];
    if (!version) throw new UserError(`${bin} did not report an Espruino version`);
    const results: Record<string, ProbeResult> = {};
    const queue = [...FEATURES];
    const worker = async () => {
      for (let ft = queue.shift(); ft; ft = queue.shift()) results[ft.id] = await probeFeature(bin, ft, dir, version);
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    // Keep the file in feature order so diffs stay readable.
    return Object.fromEntries(FEATURES.map((ft) => [ft.id, results[ft.id]]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const bin = process.env.ESPRUINO_BIN;
  if (!bin) throw new UserError("ESPRUINO_BIN is not set: point it at an Espruino interpreter built for Linux");
  const results = await runProbe(bin);
  writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + "\n");
  const failed = Object.entries(results).filter(([, r]) => !r.runs);
  for (const [id, r] of failed) console.log(`fails  ${id}: ${r.error}`);
  console.log(`${Object.keys(results).length - failed.length} run, ${failed.length} fail; wrote ${RESULTS_FILE}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e instanceof UserError ? e.message : e);
    process.exitCode = 1;
  });
}
