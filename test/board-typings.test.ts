/**
 * The hardware typings, per board (types/boards/<id>.d.ts): programs written as their users write
 * them (a Bangle.js 2 clock, a Puck.js button that advertises, an ESP32 I2C logger with WiFi)
 * build for their boards with no error; misuses fail at the user's line with a message that
 * names what is wrong; and what the typings declare exists on the real interpreter (Linux build,
 * $ESPRUINO_BIN) and on the emulator (Bangle.js 2, $ESPRUINO_EMU).
 */
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, describe, test } from "node:test";
import ts from "typescript";
import { loadBoard } from "../scripts/boards/profile.ts";
import { buildBundle } from "../scripts/bundle/build.ts";
import { boardsWithGlobal } from "../scripts/bundle/board-globals.ts";
import { boardTypings } from "../scripts/bundle/plugin.ts";
import { runScript } from "../scripts/check/probe.ts";
import { findEmulator } from "../scripts/emu/locate.ts";
import { EmuRuntime } from "../scripts/emu/runtime.ts";
import { runBuild } from "../scripts/commands/build.ts";
import { UserError } from "../scripts/errors.ts";

const APPS = new URL("./fixtures/apps/", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "thincall-apps-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Builds `file` for `board`; the error message, or undefined when it built. */
async function buildError(file: string, board: string): Promise<string | undefined> {
  try {
    await buildBundle(file, loadBoard(board), join(dir, "dist"), { allErrors: true });
    return undefined;
  } catch (e) {
    assert.ok(e instanceof UserError, String(e));
    return e.message;
  }
}

/** A program of `lines` in the temp folder; returns its path. */
function program(name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, lines.join("\n") + "\n");
  return file;
}

const at = (file: string) => relative(process.cwd(), file).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("three apps as their users write them build for their boards with no error", async () => {
  for (const [app, board] of [["bangle-clock.ts", "banglejs2"], ["puck-button.ts", "puckjs"], ["esp32-logger.ts", "esp32"]]) {
    assert.equal(await buildError(join(APPS, app), board), undefined, `${app} on ${board}`);
  }
});

test("a Bangle.js global on an ESP32 fails at the user's line, naming the boards that have it", async () => {
  const message = (await buildError(join(APPS, "bangle-clock.ts"), "esp32"))!;
  const file = at(join(APPS, "bangle-clock.ts"));
  assert.match(message, new RegExp(`^  ${file}:8:13: TS2304: Cannot find name 'Bangle'\\. esp32's firmware has no Bangle \\(banglejs2, emu have it\\)\\.$`, "m"));
  assert.match(message, new RegExp(`^  ${file}:9:3: TS2304: Cannot find name 'g'\\. esp32's firmware has no g \\(banglejs2, emu, pixljs have it\\)\\.$`, "m"));
  // A callback's untyped parameter is an echo of the missing Bangle, not a finding of its own.
  assert.doesNotMatch(message, /TS7006/);
  // One error a line: the heading, then each error.
  const count = Number(/failed: (\d+) errors/.exec(message)![1]);
  assert.equal(message.split("\n").length, count + 1);
});

test("a wrong argument type, a built-in the board lacks, and LED1 on Linux fail at their lines", async () => {
  const file = program("misuse.ts", [
    "I2C1.setup({ scl: D22, sda: \"D21\" });",
    "E.showMessage(\"hello\");",
    "digitalWrite(LED1, 1);",
    "setWatch(function (e) { print(e.state); }, D2, { edge: \"up\" });",
    "function twice(x) { return x * 2; }",
    "print([[1], [2]].flat());",
  ]);
  const esp32 = (await buildError(file, "esp32"))!;
  assert.match(esp32, new RegExp(`${at(file)}:1:24: TS2322: Type 'string' is not assignable to type 'Pin'`));
  assert.match(esp32, new RegExp(`${at(file)}:2:3: TS2339: Property 'showMessage' does not exist on type 'EspruinoE'\\. esp32's firmware has no E\\.showMessage \\(banglejs2, emu have it\\)`));
  assert.match(esp32, new RegExp(`${at(file)}:4:\\d+: TS2322: Type '"up"' is not assignable`));
  assert.doesNotMatch(esp32, /LED1/);
  // TypeScript's "change the 'lib' compiler option to 'es2019'" says what Espruino lacks instead.
  assert.match(esp32, new RegExp(`${at(file)}:6:18: TS2550: Property 'flat' does not exist on type 'number\\[\\]\\[\\]'\\. Espruino does not have it`));
  assert.doesNotMatch(esp32, /es2019|lib' compiler option/);
  // An untyped parameter of the user's own function is still a finding.
  assert.match(esp32, new RegExp(`${at(file)}:5:16: TS7006: Parameter 'x' implicitly has an 'any' type`));
  const linux = (await buildError(file, "linux"))!;
  assert.match(linux, new RegExp(`${at(file)}:3:14: TS2304: Cannot find name 'LED1'\\. linux's firmware has no LED1 \\(`));
  const bangle = (await buildError(file, "banglejs2"))!;
  assert.doesNotMatch(bangle, /showMessage|LED1|D22/);
});

test("a #private field is reported at its line, not as a WeakMap at line 1", async () => {
  const file = program("private.ts", ["// a counter", "class Counter {", "  n = 0;", "  #step = 1;", "  inc(): number { return (this.n += this.#step); }", "}", "print(new Counter().inc());"]);
  const message = (await buildError(file, "linux"))!;
  assert.match(message, new RegExp(`failed: 1 error\\n  ${at(file)}:4:3: private class members #x are not supported by Espruino 2v2x \\(rule class-private\\)$`));
  assert.doesNotMatch(message, /WeakMap/);
});

test("setTimeout takes any function (a Promise's resolve); a module from Espruino's library is any", async () => {
  const file = program("timers.ts", [
    "const wait = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));",
    "setTimeout(function (a: number, b: string) { print(a, b); }, 10, 1, \"x\");",
    "const ow = new OneWire(D2);",
    "const sensor = require(\"DS18B20\").connect(ow);",
    "wait(5).then(() => sensor.getTemp((t: number) => print(t)));",
  ]);
  assert.equal(await buildError(file, "linux"), undefined);
});

test("a board the typings do not know gets what every Espruino board has", () => {
  assert.match(boardTypings("no-such-board"), /types[\\/]espruino\.d\.ts$/);
  assert.match(boardTypings("puckjs"), /types[\\/]boards[\\/]puckjs\.d\.ts$/);
  assert.deepEqual(boardsWithGlobal("Puck"), ["puckjs"]);
  assert.deepEqual(boardsWithGlobal("NRF"), ["banglejs2", "emu", "mdbt42q", "pixljs", "puckjs"]);
});

/** Names to look for on the interpreter: every global the board's typings declare, and the members of some. */
function declaredNames(board: string, membersOf: string[]): string[] {
  const program = ts.createProgram({ rootNames: [boardTypings(board)], options: { noLib: true, types: [], noEmit: true } });
  const checker = program.getTypeChecker();
  const ownFile = (d: ts.Declaration) => /types[\\/](espruino\.d\.ts|hw[\\/]|boards[\\/])/.test(d.getSourceFile().fileName);
  const file = program.getSourceFile(boardTypings(board))!;
  const names: string[] = [];
  for (const s of checker.getSymbolsInScope(file, ts.SymbolFlags.Value)) {
    if (!(s.declarations ?? []).some(ownFile) || s.name === "WIDGETS") continue;
    names.push(s.name);
    if (!membersOf.includes(s.name)) continue;
    for (const p of checker.getPropertiesOfType(checker.getTypeOfSymbol(s))) {
      const optional = (p.flags & ts.SymbolFlags.Optional) !== 0;
      if (!optional && !/^(on|removeListener|removeAllListeners)$/.test(p.name)) names.push(`${s.name}.${p.name}`);
    }
  }
  return names.sort();
}

/** A script printing `@@MISSING [names]`: those whose typeof is "undefined" on the interpreter. */
function missingScript(names: string[]): string {
  return `var m=[],n=${JSON.stringify(names)};n.forEach(function(x){try{if(eval("typeof "+x)==="undefined")m.push(x)}catch(e){m.push(x)}});console.log("@@MISSING "+JSON.stringify(m));\n`;
}

function missingFrom(out: string): string[] {
  const line = /@@MISSING (.*)/.exec(out);
  assert.ok(line, out);
  return JSON.parse(line[1]) as string[];
}

const bin = process.env.ESPRUINO_BIN;
const skipBin = bin ? false : "ESPRUINO_BIN is not set (path to Espruino built for Linux): skipping the typings probe on the interpreter";
if (skipBin) process.stdout.write(`# notice: ${skipBin}\n`);

describe("the Linux build has every global its typings declare", { skip: skipBin }, () => {
  test("globals, and the members of E, I2C1, SPI1 and Serial1", async () => {
    const names = declaredNames("linux", ["E", "I2C1", "SPI1", "Serial1", "Graphics"]);
    assert.ok(names.includes("I2C1.readFrom") && names.includes("D31") && !names.includes("LED1"), names.join());
    const file = join(dir, "probe-linux.js");
    writeFileSync(file, missingScript(names));
    assert.deepEqual(missingFrom(await runScript(bin!, file)), []);
  });
});

const emu = findEmulator();
const skipEmu = emu ? false : "ESPRUINO_EMU is not set (the Espruino emulator's folder): skipping the Bangle.js 2 typings probe";
if (skipEmu) process.stdout.write(`# notice: ${skipEmu}\n`);

describe("the Bangle.js 2 emulator has every global its typings declare", { skip: skipEmu }, () => {
  test("globals, and the members of Bangle, E, g and Graphics", async () => {
    // The emulator's NRF is a stub without a radio: its globals are checked, not its members.
    const names = declaredNames("banglejs2", ["Bangle", "E", "g", "Graphics", "I2C1"]);
    assert.ok(names.includes("Bangle.setUI") && names.includes("g.drawString") && names.includes("E.showMessage"), names.join());
    let out = "";
    const runtime = await EmuRuntime.load({ files: emu!.files, send: (c) => (out += c) });
    runtime.start();
    try {
      runtime.feed("\x10" + missingScript(names));
      // The script runs as it is fed; its output is there when feed returns.
      assert.deepEqual(missingFrom(out), []);
    } finally {
      runtime.stop();
    }
  });

  test("the Bangle.js 2 clock runs on the emulator without an error", async () => {
    const built = await buildBundle(join(APPS, "bangle-clock.ts"), loadBoard("emu"), join(dir, "dist"));
    let out = "";
    const runtime = await EmuRuntime.load({ files: emu!.files, send: (c) => (out += c) });
    runtime.start();
    try {
      runtime.feed(built.code.split("\n").map((l) => "\x10" + l + "\n").join("") + "\x10print('@@ran', typeof Bangle.appRect)\n");
      assert.match(out, /@@ran object/);
      assert.doesNotMatch(out, /Uncaught|Error/);
    } finally {
      runtime.stop();
    }
  });
});

test("a failed build ends the progress bar's line on a terminal, so its errors start on their own", async () => {
  const file = program("fails.ts", ["print(g);"]);
  const stderr = process.stderr as NodeJS.WriteStream & { isTTY: boolean };
  const wasTTY = stderr.isTTY;
  const write = stderr.write;
  let shown = "";
  stderr.isTTY = true;
  stderr.write = ((chunk: string | Uint8Array) => ((shown += String(chunk)), true)) as typeof stderr.write;
  try {
    await assert.rejects(runBuild({ board: "esp32", entries: [file], out: { write: () => true } as unknown as NodeJS.WritableStream }), UserError);
  } finally {
    stderr.write = write;
    stderr.isTTY = wasTTY;
  }
  assert.match(shown, /\r\x1b\[Kbuild \[-+\] 0\/1 esp32\/fails\.ts\n$/);
});
