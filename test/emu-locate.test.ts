import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { defaultPort, EMU_HINT } from "../scripts/emu/default-port.ts";
import { EMU_FILES } from "../scripts/emu/files.ts";
import { findEmulator, requireEmulator } from "../scripts/emu/locate.ts";
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
