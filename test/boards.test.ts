import assert from "node:assert/strict";
import { test } from "node:test";
import { listBoardIds, loadAllBoards, loadBoard, ramBytes } from "../scripts/boards/profile.ts";
import { UserError } from "../scripts/errors.ts";

test("every board the issues name has a valid profile", () => {
  assert.deepEqual(listBoardIds(), [
    "banglejs2", "emu", "esp32", "esp32c3", "esp32s3", "esp8266", "espruino-pico", "linux", "mdbt42q", "pixljs", "puckjs",
    "rp2040-pico", "rp2350-pico2", "virtual",
  ]);
  for (const b of loadAllBoards()) assert.ok(ramBytes(b) > 0, b.id);
});

test("bytes per JsVar follow Espruino's rule from the board file's variables (boards only)", () => {
  // src/jsutils.h: up to 2047 JsVars 12 bytes, 8191 13, 16383 14, 65535 16.
  const expected = (n: number) => (n <= 2047 ? 12 : n <= 8191 ? 13 : n <= 16383 ? 14 : 16);
  for (const b of loadAllBoards().filter((p) => p.variables !== null)) {
    assert.equal(b.bytesPerVar, expected(b.variables!), b.id);
    assert.ok(b.jsvars <= b.variables!, b.id);
  }
  assert.equal(loadBoard("linux").bytesPerVar, 27, "Linux builds use 32-bit refs");
  // ESP32 sizes its pool at boot, so its JsVar format comes from the cap, not the count.
  assert.equal(loadBoard("esp32").bytesPerVar, 14);
});

test("profiles state what Espruino's board files state (boards/*.py, Espruino's source)", () => {
  const facts: Record<string, [variables: number, storage: number, jit: boolean, console: string]> = {
    esp32: [16383, 224 * 4096, false, "uart"],
    esp32c3: [4095, 224 * 4096, false, "usb-jtag"],
    esp32s3: [16383, 224 * 4096, false, "usb-jtag"],
    esp8266: [1600, 48 * 4096, false, "uart"],
    "espruino-pico": [5100, 3 * 16384, true, "usb-cdc"],
    "rp2040-pico": [12000, 64 * 4096, false, "usb-cdc"],
    "rp2350-pico2": [16000, 768 * 4096, true, "usb-cdc"],
    puckjs: [2630, 10 * 4096, true, "bluetooth"],
    pixljs: [2950, 9 * 4096, true, "bluetooth"],
    mdbt42q: [2950, 10 * 4096, true, "bluetooth"],
    banglejs2: [12000, 2048 * 4096, true, "bluetooth"],
    emu: [12000, 2048 * 4096, false, "emu"],
  };
  for (const [id, [variables, storage, jit, kind]] of Object.entries(facts)) {
    const b = loadBoard(id);
    assert.deepEqual([b.variables, b.storageBytes, b.jit, b.console.kind], [variables, storage, jit, kind], id);
    assert.match(b.source, /boards\/[A-Z0-9_]+\.py/, `${id} names its board file`);
    assert.match(b.note, /boards\/[A-Z0-9_]+\.py/, `${id}'s note names its board file`);
  }
  // Every free-after-boot figure says where it comes from: a command, a derivation from files, or a basis.
  for (const b of loadAllBoards()) {
    const { how, source } = b.freeAtBoot;
    if (how === "measured") assert.match(source, /^measured: `thincall [^`]+`/, `${b.id}: a measured figure gives its command`);
    if (how === "derived") assert.match(source, /(boards\/[A-Z0-9_]+\.py|targets\/)/, `${b.id}: a derived figure names its files`);
    if (how === "estimated") assert.match(source, /^estimated: .*(thincall mem|measured)/, `${b.id}: an estimate gives its basis and how to measure`);
  }
  // The ESP32 family sizes its pool at boot: the profile gives the computation from Espruino's source.
  for (const id of ["esp32", "esp32c3", "esp32s3"]) {
    assert.match(loadBoard(id).jsvarsAtBoot!, /targets\/esp32\/main\.c.*esp_get_free_heap_size\(\) − ESP_HEAP_SIZE\) \/ sizeof\(JsVar\)/, id);
  }
  // The ports merged after 2v29 need a newer build; the ESP32 family sizes its pool at boot.
  assert.deepEqual(loadAllBoards().filter((b) => b.minVersion === "2v30").map((b) => b.id), ["rp2040-pico", "rp2350-pico2"]);
  assert.deepEqual(loadAllBoards().filter((b) => b.jsvarsAtBoot !== null && b.id !== "linux").map((b) => b.id), ["esp32", "esp32c3", "esp32s3"]);
  assert.equal(loadBoard("emu").minSampleMs, 100, "1 ms tick: samples of 100 ms or more");
});

test("the JIT is on the ARM boards whose board files list it; only the Linux build exits on Ctrl-C", () => {
  assert.deepEqual(loadAllBoards().filter((b) => b.jit).map((b) => b.id), ["banglejs2", "espruino-pico", "mdbt42q", "pixljs", "puckjs", "rp2350-pico2"]);
  assert.deepEqual(loadAllBoards().filter((b) => b.console.ctrlCExits).map((b) => b.id), ["linux"]);
});

test("an unknown board is a one-line error that lists the known ones", () => {
  assert.throws(
    () => loadBoard("esp9000"),
    (e: unknown) => e instanceof UserError && /unknown board "esp9000"; known boards: banglejs2, emu, esp32/.test(e.message) && !e.message.includes("\n"),
  );
});

test("the board comes from --board, else $ESPRUINO_BOARD, else virtual on the virtual port", async () => {
  const { resolveBoard } = await import("../scripts/boards/profile.ts");
  assert.equal(resolveBoard("esp32", undefined, {}).id, "esp32");
  assert.equal(resolveBoard(undefined, "/dev/ttyUSB0", { ESPRUINO_BOARD: "rp2040-pico" }).id, "rp2040-pico");
  assert.equal(resolveBoard(undefined, undefined, {}).id, "virtual");
  assert.equal(resolveBoard(undefined, "emu", {}).id, "emu");
  assert.throws(() => resolveBoard(undefined, undefined, { ESPRUINO_PORT: "/dev/ttyACM0" }), /--board is needed with port \/dev\/ttyACM0/);
});
