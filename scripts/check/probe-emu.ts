/**
 * Runs the member probe (`probe-members.ts`) on the emulator: an older build (2v29.74) than the
 * Linux build the rules come from, and a 32-bit board build. What it lacks and the Linux build
 * has arrived after it, which `member-since.ts` must account for; and its answers through each
 * constructor's `prototype` show the same unreachable prototypes as the Linux build.
 * Writes `scripts/check/probe-emu-results.json`.
 *
 *   ESPRUINO_EMU=/path/to/emu npx tsx scripts/check/probe-emu.ts
 */
import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { requireEmulator } from "../emu/locate.ts";
import { EmuRuntime } from "../emu/runtime.ts";
import { UserError } from "../errors.ts";
import { BUILD_SCRIPT, parseBuild } from "./probe.ts";
import type { ProbeBuild } from "./probe-file.ts";
import { memberProbeScript, parseMemberOutput, type MemberResult } from "./probe-members.ts";
import { libMembers } from "./lib-members.ts";

/** Where the emulator's member probe is kept. */
export const EMU_RESULTS_FILE = new URL("./probe-emu-results.json", import.meta.url);

/** The emulator's probe result: its build and every member's answers. */
export interface EmuProbeFile {
  build: ProbeBuild;
  members: Record<string, MemberResult>;
}

/** Runs `script` in the emulator's REPL (echo off) until it prints `@@END`. */
async function runOnEmulator(script: string): Promise<string> {
  let out = "";
  let done!: () => void;
  const ended = new Promise<void>((resolve) => (done = resolve));
  const emu = await EmuRuntime.load({
    files: requireEmulator().files,
    send: (chunk) => {
      out += chunk;
      if (/@@END \S+\s/.test(out)) done();
    },
  });
  emu.start();
  emu.feed("echo(0);\n");
  emu.feed(script);
  const timeout = setTimeout(() => done(), 120_000);
  await ended;
  clearTimeout(timeout);
  emu.stop();
  return out;
}

/** Probes the build and every lib member on the emulator. */
export async function probeEmulator(): Promise<EmuProbeFile> {
  const members = libMembers();
  const out = await runOnEmulator(`${BUILD_SCRIPT}${memberProbeScript(members)}`);
  const build = parseBuild(out);
  if (!build) throw new UserError("the emulator did not report its build");
  return { build, members: parseMemberOutput(out, members).results };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  probeEmulator()
    .then((result) => {
      writeFileSync(EMU_RESULTS_FILE, JSON.stringify(result, null, 2) + "\n");
      console.log(`Espruino ${result.build.version} (emulator): wrote ${EMU_RESULTS_FILE.pathname}`);
    })
    .catch((e: unknown) => {
      console.error(e instanceof UserError ? e.message : e);
      process.exitCode = 1;
    });
}
