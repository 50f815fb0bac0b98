import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBoard } from "../scripts/boards/profile.ts";
import { parseEspruinoVersion, versionWarning } from "../scripts/boards/version.ts";

test("Espruino versions parse with their build number, and a suffix is ignored", () => {
  assert.deepEqual(parseEspruinoVersion("2v29.74"), { major: 2, minor: 29, build: 74 });
  assert.deepEqual(parseEspruinoVersion("2v30"), { major: 2, minor: 30, build: 0 });
  assert.deepEqual(parseEspruinoVersion("2v29-virtual-qjs0.32.0"), { major: 2, minor: 29, build: 0 });
  assert.equal(parseEspruinoVersion("unknown"), undefined);
});

test("bench warns, in one line, only when the board's Espruino is older than the profile's minimum", () => {
  const rp = loadBoard("rp2350-pico2");
  const warning = versionWarning(rp, "2v29.74");
  assert.match(warning ?? "", /^warning: the board runs Espruino 2v29\.74, older than 2v29\.135, the minimum for rp2350-pico2/);
  assert.ok(!warning!.includes("\n"));
  assert.match(versionWarning(loadBoard("rp2040-pico"), "2v29") ?? "", /older than 2v29\.30/, "the 2v29 release has no RP2040 port");
  assert.equal(versionWarning(loadBoard("rp2040-pico"), "2v29.30"), undefined);
  assert.equal(versionWarning(rp, "2v29.135"), undefined, "build numbers compare: 135 is the minimum itself");
  assert.equal(versionWarning(rp, "2v29.277"), undefined, "a later build");
  assert.equal(versionWarning(rp, "2v30"), undefined);
  assert.equal(versionWarning(rp, "2v31.5"), undefined);
  assert.match(versionWarning(loadBoard("esp32"), "2v28.100") ?? "", /older than 2v29/);
  assert.equal(versionWarning(loadBoard("esp32"), "2v29"), undefined);
  assert.equal(versionWarning(loadBoard("virtual"), "2v29-virtual-qjs0.32.0"), undefined, "no minimum: not Espruino");
  assert.equal(versionWarning(loadBoard("esp32"), "garbage"), undefined, "unknown version: no claim");
});
