/**
 * Every profile field that Espruino's board and build files state, re-derived from an Espruino
 * checkout (ESPRUINO_SRC) and compared: JsVars, Storage, chip, console baud, JIT, libraries,
 * modules, Unicode, SAVE_ON_FLASH levels, date range, and the ESP32-IDF4 task watchdog.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { boardFacts, readBoardFiles } from "../scripts/boards/board-file.ts";
import { jsvarBytes, loadAllBoards } from "../scripts/boards/profile.ts";

const SRC = process.env.ESPRUINO_SRC;
const hasPython = (() => {
  try {
    execFileSync("python3", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const skip = !SRC ? "ESPRUINO_SRC not set: skipping the re-derivation of board profiles from Espruino's boards/*.py"
  : !hasPython ? "python3 not found: it reads Espruino's board files as Espruino's build does; skipping"
    : false;
if (skip) process.stdout.write(`# ${skip}\n`);

/** Letters and digits only, lower case: "ESP32-C3" and "ESP32C3" compare equal. */
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

test("the probed builds have the modules (process.env.MODULES) and board classes their profiles say", () => {
  type Build = { build: { modules: string[]; globals: string[] } };
  const probe = JSON.parse(readFileSync(new URL("../scripts/check/probe-results.json", import.meta.url), "utf8")) as Build;
  const emu = JSON.parse(readFileSync(new URL("../scripts/check/probe-emu-results.json", import.meta.url), "utf8")) as Build;
  const boards = new Map(loadAllBoards().map((b) => [b.id, b]));
  assert.deepEqual([...probe.build.modules].sort(), [...boards.get("linux")!.modules!].sort(), "the Linux build");
  // The emulator's Bangle.js build adds JavaScript modules of its own (locale, Layout), which thincall does not check.
  for (const m of boards.get("emu")!.modules!) assert.ok(emu.build.modules.includes(m), `the emulator has ${m}`);
  // Board classes the probe found defined (typeof), against what the profiles derive from the board files.
  assert.deepEqual(probe.build.globals, boards.get("linux")!.firmware!.globals, "the Linux build's board classes");
  assert.deepEqual(emu.build.globals, boards.get("emu")!.firmware!.globals, "the emulator's board classes");
});

describe("profiles against Espruino's board files", { skip }, () => {
  const boards = loadAllBoards().filter((b) => b.firmware !== null);
  const names = boards.map((b) => /boards\/(\w+)\.py$/.exec(b.firmware!.boardFile)![1]);
  const files = readBoardFiles(SRC!, names);

  for (const [i, b] of boards.entries()) {
    test(`${b.id} (${b.firmware!.boardFile})`, () => {
      const f = boardFacts(files[names[i]]);
      assert.deepEqual(b.firmware!.libraries, f.libraries, "libraries");
      assert.deepEqual([...b.modules!].sort(), [...f.modules].sort(), "modules");
      assert.deepEqual(b.firmware!.globals, f.globals, "globals (board classes)");
      assert.equal(b.firmware!.unicode, f.unicode, "unicode (ESPR_UNICODE_SUPPORT)");
      assert.deepEqual(b.firmware!.saveOnFlash, f.saveOnFlash, "saveOnFlash");
      assert.equal(b.firmware!.limitDateRange, f.limitDateRange, "limitDateRange (ESPR_LIMIT_DATE_RANGE)");
      assert.equal(b.jit, f.jit, "jit");
      assert.equal(b.variables, f.variables, "variables");
      if (f.variables !== null) assert.equal(b.bytesPerVar, jsvarBytes(f.variables), "bytesPerVar");
      if (b.storageBytes !== null) assert.equal(b.storageBytes, f.storageBytes, "storageBytes (saved_code)");
      if (f.serialBaud !== null) assert.equal(b.console.baud, f.serialBaud, `console.baud (${f.console})`);
      // The board file names the part (STM32F401CDU6); a profile may name its family (STM32F401).
      if (f.family !== "LINUX") assert.ok(norm(f.chip).startsWith(norm(b.chip)) || norm(b.chip).includes(norm(f.chip)), `chip ${b.chip} vs ${f.chip}`);
      if (f.family === "ESP32_IDF4") {
        // make/targets/ESP32_IDF4.make picks the sdkconfig by chip.
        const sdk = { ESP32C3: "sdkconfig_c3", ESP32S3: "sdkconfig_s3" }[f.chip] ?? "sdkconfig";
        const config = readFileSync(join(SRC!, "targets", "esp32", "IDF4", sdk), "utf8");
        assert.equal(b.watchdog, /^CONFIG_ESP_TASK_WDT=y$/m.test(config), `watchdog (${sdk})`);
      }
      // A telnet console comes with the TELNET library (the Linux build serves it on 2323 with --telnet).
      if (f.family !== "LINUX") assert.equal(b.console.tcpPort === 23, f.libraries.includes("TELNET"), "console.tcpPort (TELNET)");
      // A minimum after a release names the commit; git describe counts the build number from it.
      const described = b.firmware!.sources.find((s) => s.field === "minVersion" && /RELEASE_\w+-\d+-g[0-9a-f]+/.test(s.says));
      if (described && existsSync(join(SRC!, ".git"))) {
        const [, release, n, commit] = /RELEASE_(\w+)-(\d+)-g([0-9a-f]+)/.exec(described.says)!;
        const out = execFileSync("git", ["-C", SRC!, "describe", "--tags", commit], { encoding: "utf8" }).trim();
        assert.equal(out, `RELEASE_${release}-${n}-g${commit}`, "git describe of the commit");
        assert.equal(b.minVersion, `${release.toLowerCase()}.${n}`, "minVersion from git describe");
      }
      for (const s of b.firmware!.sources) {
        const path = s.file.split(" ")[0];
        if (/\//.test(path) || path === "Makefile" || path === "ChangeLog") assert.ok(existsSync(join(SRC!, path)), `source file ${s.file} exists`);
      }
    });
  }
});
