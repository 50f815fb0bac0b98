import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { listBoardIds, loadAllBoards, loadBoard, ramBytes } from "../scripts/boards/profile.ts";
import { UserError } from "../scripts/errors.ts";

test("every board the issues name has a valid profile", () => {
  assert.deepEqual(listBoardIds(), [
    "banglejs1", "banglejs2", "emu", "esp32", "esp32c3", "esp32s3", "esp8266", "esp8266-512k", "espruino-original", "espruino-pico",
    "espruino-wifi", "joltjs", "linux", "mdbt42q", "microbit2", "nrf52832dk", "nrf52840dk", "nucleo-f401re", "nucleo-f411re", "pixljs",
    "puckjs", "puckjs-lite", "puckjs-minimal", "rp2040-pico", "rp2350-pico2", "ruuvitag", "virtual", "xiao-ble",
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
  // The ports merged after 2v29 need a build from after it (git describe counts); the ESP32 family sizes its pool at boot.
  assert.deepEqual(loadAllBoards().filter((b) => b.minVersion !== "2v29" && b.minVersion !== null).map((b) => [b.id, b.minVersion]), [["rp2040-pico", "2v29.30"], ["rp2350-pico2", "2v29.135"]]);
  assert.deepEqual(loadAllBoards().filter((b) => b.jsvarsAtBoot !== null && b.id !== "linux").map((b) => b.id), ["esp32", "esp32c3", "esp32s3"]);
  assert.equal(loadBoard("emu").minSampleMs, 100, "1 ms tick: samples of 100 ms or more");
});

test("the JIT is on the ARM boards whose board files list it; only the Linux build exits on Ctrl-C", () => {
  assert.deepEqual(loadAllBoards().filter((b) => b.jit).map((b) => b.id), [
    "banglejs1", "banglejs2", "espruino-pico", "espruino-wifi", "joltjs", "mdbt42q", "microbit2", "nrf52832dk", "nrf52840dk", "pixljs",
    "puckjs", "rp2350-pico2", "xiao-ble",
  ]);
  assert.deepEqual(loadAllBoards().filter((b) => b.console.ctrlCExits).map((b) => b.id), ["linux"]);
});

test("an unknown board is a one-line error that lists the known ones", () => {
  assert.throws(
    () => loadBoard("esp9000"),
    (e: unknown) => e instanceof UserError && /unknown board "esp9000"; known boards: banglejs1, banglejs2, emu, esp32/.test(e.message) && !e.message.includes("\n"),
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

test("each Espruino profile lists its build's features from its board file, with a source for each", () => {
  const boards = loadAllBoards();
  for (const b of boards) {
    if (b.firmware === null) continue;
    assert.ok(b.modules, `${b.id} lists its modules`);
    for (const field of ["libraries", "modules", "unicode", "saveOnFlash", "limitDateRange", "jit", "minVersion"]) {
      assert.ok(b.firmware.sources.some((s) => s.field === field), `${b.id}: a source for ${field}`);
    }
  }
  assert.deepEqual(boards.filter((b) => b.firmware === null).map((b) => b.id), ["virtual"]);
  const has = (id: string, m: string) => loadBoard(id).modules!.includes(m);
  assert.ok(has("espruino-pico", "tls") && has("esp32c3", "tls") && has("esp32c3", "fs"), "TLS on the Pico, TLS and fs on the ESP32-C3");
  assert.ok(!has("rp2040-pico", "neopixel") && !has("rp2350-pico2", "neopixel"), "the Picos' board files build no NEOPIXEL");
  assert.ok(boards.every((b) => !b.modules?.includes("ESP32")), "ESP32 is a class, not a module");
  assert.deepEqual(boards.filter((b) => b.firmware?.unicode).map((b) => b.id), ["banglejs1", "banglejs2", "emu", "linux", "xiao-ble"]);
  assert.deepEqual(boards.filter((b) => b.firmware?.limitDateRange).map((b) => b.id), ["esp8266-512k", "espruino-pico", "pixljs"]);
  assert.equal(loadBoard("esp32c3").watchdog, false, "sdkconfig_c3: CONFIG_ESP_TASK_WDT is not set");
  assert.equal(loadBoard("espruino-pico").console.baud, 9600, "Serial1 falls back to DEFAULT_BAUD_RATE");
});

test("thincall boards prints each Espruino build's features under its note", async () => {
  const { runBoards } = await import("../scripts/commands/boards.ts");
  let text = "";
  runBoards({ write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream);
  assert.match(text, /\n {2}build \(boards\/PICO_R1_3\.py\): byte strings \(no Unicode\); dates from 1500; SAVE_ON_FLASH_MATH; classes Graphics; modules .*\btls\b/);
  assert.match(text, /\n {2}build \(boards\/BANGLEJS2\.py\): Unicode strings; classes NRF Graphics Bangle; modules /);
  assert.doesNotMatch(text, /^virtual: .*\n {2}build/m, "the virtual board is not Espruino");
});

test("Espruino's own board names (boards/<NAME>.py) pick the profiles, in any case", () => {
  for (const [name, id] of [["ESP32", "esp32"], ["BANGLEJS2", "banglejs2"], ["pico_r1_3", "espruino-pico"], ["PUCKJS", "puckjs"],
    ["RASPBERRYPI", "linux"], ["LINUX", "linux"], ["Esp32C3_IDF4", "esp32c3"], ["ESP32", "esp32"], ["Rp2040-Pico", "rp2040-pico"]]) {
    assert.equal(loadBoard(name).id, id, name);
  }
  // Each alias is a board file's name (checked against Espruino's boards/ beside $ESPRUINO_BIN when
  // there is one), and belongs to one profile only.
  const espruinoBoards = process.env.ESPRUINO_BIN ? join(dirname(dirname(process.env.ESPRUINO_BIN)), "boards") : undefined;
  const seen = new Set<string>();
  for (const b of loadAllBoards()) {
    for (const a of b.aliases ?? []) {
      assert.match(a, /^[A-Z0-9_]+$/, `${b.id}: ${a} is spelled as Espruino spells its board files`);
      if (espruinoBoards && existsSync(espruinoBoards)) assert.ok(existsSync(join(espruinoBoards, `${a}.py`)), `${b.id}: boards/${a}.py exists`);
      assert.ok(!seen.has(a.toLowerCase()), `${a} is one board's`);
      seen.add(a.toLowerCase());
    }
  }
});
