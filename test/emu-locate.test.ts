import assert from "node:assert/strict";
import { appendFileSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { Writable } from "node:stream";
import { join } from "node:path";
import { after, test } from "node:test";
import { defaultPort, EMU_HINT } from "../scripts/emu/default-port.ts";
import { EMU_FILES } from "../scripts/emu/files.ts";
import { findEmulator, requireEmulator } from "../scripts/emu/locate.ts";
import { loadBoard } from "../scripts/boards/profile.ts";
import { runEmu } from "../scripts/commands/emu.ts";
import { UserError } from "../scripts/errors.ts";
import { createTransport, parsePort } from "../scripts/transport/open-port.ts";
import { tempDir } from "./support/cli-helpers.ts";

const tmp = tempDir();
after(() => tmp.remove());

/** A folder with three files that look like the emulator to the checks (markers, sizes). */
function fakeEmulator(dir: string, change: (name: string, text: string) => string = (_n, t) => t): string {
  mkdirSync(dir, { recursive: true });
  for (const f of EMU_FILES) writeFileSync(join(dir, f.name), change(f.name, f.markers.join("\n") + "\n" + "x".repeat(f.minBytes)));
  return dir;
}

test("ESPRUINO_EMU may name the folder or one of its files; a stranger file is refused", () => {
  const dir = fakeEmulator(join(tmp.dir, "ok"));
  assert.equal(requireEmulator({ ESPRUINO_EMU: dir }).dir, dir);
  assert.equal(requireEmulator({ ESPRUINO_EMU: join(dir, "common.js") }).files[0], join(dir, EMU_FILES[0].name));
  writeFileSync(join(dir, "other.js"), "");
  assert.throws(() => findEmulator({ ESPRUINO_EMU: join(dir, "other.js") }), /not an emulator file/);
});

test("missing, corrupt and wrong files each get one line saying so", () => {
  const missing = fakeEmulator(join(tmp.dir, "missing"));
  writeFileSync(join(missing, "common.js"), "");
  assert.throws(() => requireEmulator({ ESPRUINO_EMU: missing }), /common\.js is corrupt: 0 bytes/);
  const cut = fakeEmulator(join(tmp.dir, "cut"), (n, t) => (n === EMU_FILES[0].name ? t.replace("end include: postamble.js", "") : t));
  assert.throws(() => requireEmulator({ ESPRUINO_EMU: cut }), /emulator_banglejs2\.js is corrupt: it ends early/);
  const wrong = fakeEmulator(join(tmp.dir, "wrong"), (n, t) => (n === "emu_banglejs2.js" ? t.replace("DEVICE_NAME", "") : t));
  assert.throws(() => requireEmulator({ ESPRUINO_EMU: wrong }), (e: Error) => /emu_banglejs2\.js is not the Bangle\.js 2 constants/.test(e.message) && !e.message.includes("\n"));
});

test("a command without a port or board uses the emulator when installed, else QuickJS with a hint", () => {
  const warned: string[] = [];
  const warn = (l: string) => warned.push(l);
  const cache = join(tmp.dir, "xdg");
  assert.equal(defaultPort(undefined, undefined, warn, { XDG_CACHE_HOME: cache }), "virtual");
  assert.deepEqual(warned, [EMU_HINT]);
  assert.match(EMU_HINT, /thincall emu install/);
  fakeEmulator(join(cache, "thincall", "emu"));
  assert.equal(defaultPort(undefined, undefined, warn, { XDG_CACHE_HOME: cache }), "emu");
  // A named port is the user's choice: untouched, no note.
  assert.equal(defaultPort("virtual", undefined, warn, { XDG_CACHE_HOME: cache }), "virtual");
  assert.equal(defaultPort(undefined, undefined, warn, { XDG_CACHE_HOME: cache, ESPRUINO_PORT: "/dev/ttyUSB0" }), "/dev/ttyUSB0");
  assert.equal(warned.length, 1);
  // A named board runs on the emulator with its budget when the emulator can hold it, and says so.
  assert.equal(defaultPort(undefined, "esp32", warn, { XDG_CACHE_HOME: cache }), "emu");
  assert.match(warned.at(-1)!, /no --port: running on the Espruino emulator with esp32's free memory \(--port emu --board esp32\)/);
  assert.equal(defaultPort(undefined, undefined, warn, { XDG_CACHE_HOME: cache, ESPRUINO_BOARD: "ESP32" }), "emu");
  assert.equal(defaultPort(undefined, "EMSCRIPTEN2", warn, { XDG_CACHE_HOME: cache }), "emu", "the emulator's own board");
  // More free JsVars than the emulator holds: the virtual board, sized as that board.
  assert.equal(defaultPort(undefined, "esp32s3", warn, { XDG_CACHE_HOME: cache }), "virtual");
  assert.equal(defaultPort(undefined, "esp32", warn, {}), "virtual", "no emulator installed");
});

const EMU = process.env.ESPRUINO_EMU;
const NO_EMU = EMU ? false : "ESPRUINO_EMU is not set (path to the Espruino emulator's folder): skipped";

test("--port emu refuses a mixed install (a tampered file among known ones) with the very line `emu where` gives", { skip: NO_EMU }, async () => {
  const dir = join(tmp.dir, "mixed");
  mkdirSync(dir, { recursive: true });
  for (const f of EMU_FILES) copyFileSync(join(requireEmulator({ ESPRUINO_EMU: EMU }).dir, f.name), join(dir, f.name));
  appendFileSync(join(dir, "common.js"), "\n// tampered, markers kept\n");
  const env = { ESPRUINO_EMU: dir };
  let portLine = "";
  assert.throws(() => requireEmulator(env), (e: unknown) => e instanceof UserError && ((portLine = e.message), true));
  assert.match(portLine, /^emulator \(ESPRUINO_EMU\) in .*mixed: a mixed install: .*common\.js is unknown \(sha256 [0-9a-f]{64}\); run `thincall emu install` or set ESPRUINO_EMU/);
  assert.doesNotMatch(portLine, /\n/);
  // The transport the port opens goes through the same check.
  const saved = process.env.ESPRUINO_EMU;
  process.env.ESPRUINO_EMU = dir;
  try {
    await assert.rejects(createTransport(parsePort("emu", loadBoard("emu")), loadBoard("emu")), (e: unknown) => e instanceof UserError && e.message === portLine);
    const out = new Writable({ write: (_c, _e, done) => done() });
    await assert.rejects(runEmu("where", {}, out), (e: unknown) => e instanceof UserError && e.message === portLine);
  } finally {
    if (saved === undefined) delete process.env.ESPRUINO_EMU;
    else process.env.ESPRUINO_EMU = saved;
  }
});
