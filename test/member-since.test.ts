/**
 * The first version of each member agrees with the probes of two builds: the Linux build the rules
 * come from (2v29.277) and the older emulator (2v29.74). Both read built-in prototypes alike.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { isOlderVersion } from "../scripts/boards/version.ts";
import { MEMBER_SINCE } from "../scripts/check/member-since.ts";
import { DEVICE_LIB_FILE } from "../scripts/check/device-lib.ts";
import { EMU_RESULTS_FILE, probeEmulator, type EmuProbeFile } from "../scripts/check/probe-emu.ts";
import { memberExists, PROBE_FILE, PROBE_RESULTS } from "../scripts/check/rules.ts";

const emu = JSON.parse(readFileSync(EMU_RESULTS_FILE, "utf8")) as EmuProbeFile;
const onEmu = (id: string) => !["undefined", "throws", undefined].includes(emu.members[id]?.typeof);

test("the probes record the exact builds: version with build number, and commit", () => {
  assert.match(PROBE_FILE.build.version, /^\d+v\d+\.\d+$/, "a build after a release says how far after");
  assert.equal(PROBE_FILE.espruinoVersion, PROBE_FILE.build.version);
  assert.ok(PROBE_FILE.build.commit, "the Linux build names its commit");
  assert.equal(emu.build.version, "2v29.74");
});

test("what the Linux build has and the older emulator lacks is in the since table, between the two builds", () => {
  const newer = Object.keys(PROBE_FILE.members).filter((id) => memberExists(id) && !onEmu(id));
  assert.ok(newer.length > 0);
  for (const id of newer) {
    const since = MEMBER_SINCE[id];
    assert.ok(since, `${id}: no first version`);
    assert.ok(isOlderVersion(emu.build.version, since.version), `${id}: ${since.version} is not after ${emu.build.version}`);
    assert.ok(!isOlderVersion(PROBE_FILE.build.version, since.version), `${id}: ${since.version} is after the probed ${PROBE_FILE.build.version}`);
  }
  for (const [id, since] of Object.entries(MEMBER_SINCE)) {
    // globalThis is no lib member: its behaviour probe says.
    if (!(id in PROBE_FILE.members)) {
      assert.equal(PROBE_RESULTS[id]?.runs, true, `${id} runs on the probed build`);
      continue;
    }
    assert.ok(memberExists(id), `${id} (since ${since.version}) exists on the probed build`);
    assert.equal(onEmu(id), !isOlderVersion(emu.build.version, since.version), `${id} on the emulator`);
  }
});

test("both interpreters read the same members through built-in prototypes", () => {
  const differ = Object.entries(PROBE_FILE.members).filter(([id, m]) => m.viaPrototype !== emu.members[id]?.viaPrototype).map(([id]) => id);
  assert.deepEqual(differ, []);
  assert.equal(PROBE_FILE.members["Array.prototype.slice"].viaPrototype, "undefined");
  assert.equal(PROBE_FILE.members["Object.prototype.hasOwnProperty"].viaPrototype, "function");
});

test("re-probing the emulator gives the committed result", {
  skip: process.env.ESPRUINO_EMU ? false : "ESPRUINO_EMU not set: skipping the member probe on the emulator",
}, async () => {
  assert.deepEqual(await probeEmulator(), emu);
});

test("the typings carry each member's first version as @since", () => {
  const lib = readFileSync(DEVICE_LIB_FILE, "utf8");
  assert.equal(lib.match(/@since Espruino 2v29\.215, not in SAVE_ON_FLASH builds/g)?.length, 8, "the eight getUTC* methods");
  assert.match(lib, /@since Espruino 2v22 \(thincall check warns on older boards\)\n\s*\*\/\n\s*replaceAll\(/);
});
