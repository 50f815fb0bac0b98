import assert from "node:assert/strict";
import { test } from "node:test";
import { listBoardIds, loadAllBoards, loadBoard, ramBytes } from "../scripts/boards/profile.ts";
import { UserError } from "../scripts/errors.ts";

test("every board the issues name has a valid profile", () => {
  assert.deepEqual(listBoardIds(), ["esp32", "esp32c3", "espruino-pico", "linux", "rp2040-pico", "rp2350-pico2", "virtual"]);
  for (const b of loadAllBoards()) assert.ok(ramBytes(b) > 0, b.id);
});

test("bytes per JsVar follow Espruino's rule from the JsVar count (boards only)", () => {
  // src/jsutils.h: up to 2047 JsVars 12 bytes, 8191 13, 16383 14, 65535 16.
  const expected = (n: number) => (n <= 2047 ? 12 : n <= 8191 ? 13 : n <= 16383 ? 14 : 16);
  for (const b of loadAllBoards().filter((p) => p.id !== "linux")) {
    assert.equal(b.bytesPerVar, expected(b.jsvars), b.id);
  }
  assert.equal(loadBoard("linux").bytesPerVar, 27, "Linux builds use 32-bit refs");
});

test("only ARM's Espruino Pico has the JIT; only the Linux build exits on Ctrl-C", () => {
  assert.deepEqual(loadAllBoards().filter((b) => b.jit).map((b) => b.id), ["espruino-pico"]);
  assert.deepEqual(loadAllBoards().filter((b) => b.console.ctrlCExits).map((b) => b.id), ["linux"]);
});

test("an unknown board is a one-line error that lists the known ones", () => {
  assert.throws(
    () => loadBoard("esp8266"),
    (e: unknown) => e instanceof UserError && /unknown board "esp8266"; known boards: esp32, esp32c3/.test(e.message) && !e.message.includes("\n"),
  );
});

test("the board comes from --board, else $ESPRUINO_BOARD, else virtual on the virtual port", async () => {
  const { resolveBoard } = await import("../scripts/boards/profile.ts");
  assert.equal(resolveBoard("esp32", undefined, {}).id, "esp32");
  assert.equal(resolveBoard(undefined, "/dev/ttyUSB0", { ESPRUINO_BOARD: "rp2040-pico" }).id, "rp2040-pico");
  assert.equal(resolveBoard(undefined, undefined, {}).id, "virtual");
  assert.throws(() => resolveBoard(undefined, undefined, { ESPRUINO_PORT: "/dev/ttyACM0" }), /--board is needed with port \/dev\/ttyACM0/);
});
