/**
 * Ten traps of moving code between boards, each reported for the board it names and not for a
 * board where the code works: reads through a built-in's prototype, members newer than the
 * board's Espruino, modules its build lacks (or has), non-ASCII strings without Unicode, dates
 * before 1500 with a limited date range, and `require` of a class.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { loadBoard } from "../scripts/boards/profile.ts";
import { checkCode, formatViolation, type Violation } from "../scripts/check/check.ts";
import { main } from "../scripts/cli.ts";
import { captureOutput } from "./support/capture-output.ts";

/** One trap: code, the board it names, what is reported there, and a board where nothing is. */
interface Trap {
  name: string;
  code: string;
  board: string;
  /** `rule:severity` of each finding on the named board. */
  expect: string[];
  /** A text each finding's message must contain. */
  says: RegExp;
  /** Boards where the same code passes (no finding at all). */
  passesOn: string[];
}

const TRAPS: Trap[] = [
  {
    name: "Array.prototype.slice.call(arguments, 1) throws on every Espruino; the message names a working form",
    code: "function rest() { return Array.prototype.slice.call(arguments, 1); }\nrest(1, 2);",
    board: "esp32", expect: ["prototype-read:error"], says: /`\[\]\.slice\.call\(arguments, 1\)`/, passesOn: [],
  },
  {
    name: "String.prototype.trim read through the prototype; Object.prototype.hasOwnProperty works",
    code: 'var o = { x: 1 };\nvar s = String.prototype.trim.call(" a ");\nvar h = Object.prototype.hasOwnProperty.call(o, "x");',
    board: "banglejs2", expect: ["prototype-read:error"], says: /String\.prototype\.trim is undefined on Espruino.*`""\.trim\.call\(" a "\)`/, passesOn: [],
  },
  {
    name: "Date.prototype.getUTCHours arrived in 2v29.215, after the Pico's minimum",
    code: "var h = new Date().getUTCHours();",
    board: "espruino-pico", expect: ["newer-than-board:warning"], says: /needs Espruino 2v29\.215 or later; espruino-pico \(Espruino Pico\)'s minimum is 2v29\b/,
    passesOn: ["virtual"],
  },
  {
    name: "neopixel on the RP2040 Pico: its board file builds only GRAPHICS",
    code: 'require("neopixel").write(B15, [255, 0, 0]);',
    board: "rp2040-pico", expect: ["board-module:error"], says: /rp2040-pico's Espruino build has no neopixel module \(boards\/RP2040_PICO\.py/,
    passesOn: ["esp32", "espruino-pico", "puckjs"],
  },
  {
    name: "TLS is built into the Espruino Pico, not the Pico 2",
    code: 'var tls = require("tls");',
    board: "rp2350-pico2", expect: ["board-module:error"], says: /no tls module/, passesOn: ["espruino-pico", "esp32", "esp32c3", "linux"],
  },
  {
    name: "TLS and a filesystem on the ESP32-C3; neither on the ESP8266",
    code: 'var tls = require("tls");\nvar fs = require("fs");',
    board: "esp8266", expect: ["board-module:error", "board-module:error"], says: /esp8266's Espruino build has no (tls|fs) module/, passesOn: ["esp32c3"],
  },
  {
    name: "non-ASCII text in a string on a build without ESPR_UNICODE_SUPPORT",
    code: 'var unit = "°C";\nprint(unit.length);',
    board: "esp32", expect: ["board-unicode:warning"], says: /without ESPR_UNICODE_SUPPORT \(boards\/ESP32\.py\)/, passesOn: ["banglejs2", "linux", "emu"],
  },
  {
    name: "a date before 1500 throws with ESPR_LIMIT_DATE_RANGE (Pixl.js)",
    code: "var d = new Date(1200, 0, 1);\nvar e = new Date(\"1066-10-14\");",
    board: "pixljs", expect: ["board-date-range:error", "board-date-range:error"], says: /ESPR_LIMIT_DATE_RANGE \(boards\/PIXLJS\.py\)/,
    passesOn: ["esp32", "puckjs", "banglejs2"],
  },
  {
    name: "require(\"ESP32\") fails everywhere: ESP32 is a class",
    code: 'var esp = require("ESP32");',
    board: "esp32", expect: ["require-class:error"], says: /ESP32 is a global class, not a module/, passesOn: [],
  },
  {
    name: "the 512 KB ESP8266 build has no telnet",
    code: 'require("TelnetServer").setOptions({ mode: "off" });',
    board: "esp8266-512k", expect: ["board-module:error"], says: /esp8266-512k's Espruino build has no TelnetServer module/, passesOn: ["esp8266", "esp32"],
  },
];

const summary = (vs: Violation[]) => vs.map((v) => `${v.rule}:${v.severity ?? "error"}`);

for (const trap of TRAPS) {
  test(`trap: ${trap.name}`, () => {
    const found = checkCode(trap.code, { board: loadBoard(trap.board) });
    assert.deepEqual(summary(found), trap.expect, trap.board);
    for (const v of found) assert.match(formatViolation(v, "t.js"), trap.says);
    for (const other of trap.passesOn) assert.deepEqual(summary(checkCode(trap.code, { board: loadBoard(other) })), [], `passes on ${other}`);
  });
}

test("the \"jit\" directive is ignored on a board without the JIT, and kept by the build", async () => {
  const code = 'function sum(n) {\n  "jit";\n  var s = 0;\n  for (var i = 0; i < n; i++) s += i;\n  return s;\n}\nprint(sum(10));';
  assert.deepEqual(summary(checkCode(code, { board: loadBoard("esp32") })), ["board-no-jit:warning"]);
  assert.match(formatViolation(checkCode(code, { board: loadBoard("rp2040-pico") })[0], "t.js"), /t\.js:2:3: warning: the "jit" directive: rp2040-pico .*no 'JIT' in the libraries of boards\/RP2040_PICO\.py/);
  for (const id of ["espruino-pico", "rp2350-pico2", "banglejs2"]) assert.deepEqual(checkCode(code, { board: loadBoard(id) }), [], id);
  // Terser drops directives it does not know unless told not to.
  const { minify } = await import("terser");
  const { espruinoTerserOptions } = await import("../scripts/bundle/terser-options.ts");
  assert.match((await minify(code, espruinoTerserOptions())).code ?? "", /"jit"/);
});

test("a board's own classes (Bangle, NRF, ESP32, …) are ReferenceErrors on builds without them", () => {
  const cases: [code: string, board: string, passesOn: string[]][] = [
    ["Bangle.buzz();", "esp32", ["banglejs2", "banglejs1", "emu"]],
    ["NRF.setAdvertising({}, { name: \"x\" });", "espruino-pico", ["puckjs", "esp32", "banglejs2", "emu"]],
    ["ESP32.deepSleep(1000);", "rp2040-pico", ["esp32", "esp32c3", "esp32s3"]],
    ["var g2 = Graphics.createArrayBuffer(8, 8, 1);", "esp8266-512k", ["esp8266", "rp2040-pico", "linux"]],
  ];
  for (const [code, board, passesOn] of cases) {
    const found = checkCode(code, { board: loadBoard(board) });
    assert.deepEqual(summary(found), ["board-global:error"], `${code} on ${board}`);
    assert.match(formatViolation(found[0], "t.js"), /build has no \w+ \(boards\/\w+\.py\): ReferenceError/);
    for (const other of passesOn) assert.deepEqual(checkCode(code, { board: loadBoard(other) }), [], `${code} on ${other}`);
  }
  const guarded = 'if (typeof Bangle !== "undefined") Bangle.buzz();\nvar t = typeof Puck == "object" ? Puck.light() : 0;\ntypeof Jolt != "undefined" && Jolt.setDriverMode(0, true);';
  assert.deepEqual(checkCode(guarded, { board: loadBoard("esp32") }), [], "code that tests for the class first");
  assert.deepEqual(summary(checkCode("if (typeof Bangle !== \"undefined\") print(1); else Bangle.buzz();", { board: loadBoard("esp32") })), ["board-global:error"], "the else branch runs where it is missing");
  assert.deepEqual(checkCode("function f(NRF) { return NRF.x; }", { board: loadBoard("espruino-pico") }), [], "a parameter of that name");
});

test("Object.prototype.toString.call(x) as a type test is silently wrong on every Espruino (it gives \"\" for an array)", () => {
  const code = 'function isArray(x) { return Object.prototype.toString.call(x) === "[object Array]"; }\nvar own = Object.prototype.hasOwnProperty.call({ a: 1 }, "a");';
  const found = checkCode(code, { board: loadBoard("esp32c3") });
  assert.deepEqual(summary(found), ["object-tostring-tag:error"]);
  assert.match(formatViolation(found[0], "t.js"), /t\.js:1:30: .*gives "" for \[\], not "\[object Array\]": use Array\.isArray\(x\)/);
});

test("a member newer than the board's minimum passes once the build is said to be new enough", () => {
  const code = "var h = new Date().getUTCHours();";
  const pico = loadBoard("espruino-pico");
  assert.deepEqual(checkCode(code, { board: pico, espruino: "2v29.215" }), []);
  assert.deepEqual(summary(checkCode(code, { board: pico, espruino: "2v29.214" })), ["newer-than-board:warning"]);
  assert.deepEqual(summary(checkCode(code)), ["newer-than-board:warning"], "no board: the probed release, 2v29");
  // replaceAll and class fields arrived in 2v22: a board on 2v29 is fine, a 2v21 build is not.
  assert.deepEqual(checkCode('"a-b".replaceAll("-", "+");', { board: pico }), []);
  assert.match(formatViolation(checkCode('"a-b".replaceAll("-", "+");', { board: pico, espruino: "2v21" })[0], "t.js"), /needs Espruino 2v22 or later; the target is Espruino 2v21/);
  assert.deepEqual(checkCode("var d = { getUTCHours: function () { return 1; } };\nd.getUTCHours();", { board: pico }), [], "a program's own member of that name");
  // Typed arrays got some/every in 2v27, arrays always had them: a call by name says nothing.
  assert.deepEqual(checkCode("[1, 2].some(function (x) { return x > 1; });", { board: pico, espruino: "2v26" }), []);
});

test("a member a board's build leaves out (SAVE_ON_FLASH drops getUTC*) is an error there, whatever the version", () => {
  const esp = loadBoard("esp8266");
  const small = { ...esp, firmware: { ...esp.firmware!, saveOnFlash: ["SAVE_ON_FLASH", "SAVE_ON_FLASH_MATH"] } };
  const found = checkCode("var h = new Date().getUTCHours();", { board: small, espruino: "2v30" });
  assert.deepEqual(summary(found), ["not-in-build:error"]);
  assert.match(formatViolation(found[0], "t.js"), /esp8266 \(ESP8266 \(4 MB flash\)\)'s build defines SAVE_ON_FLASH, which leaves it out/);
  assert.deepEqual(checkCode("var h = new Date().getUTCHours();", { board: esp, espruino: "2v30" }), []);
});

test("thincall check --board prints warnings and errors, and fails only on errors", async () => {
  const dir = mkdtempSync(join(tmpdir(), "thincall-traps-"));
  const file = join(dir, "a.js");
  writeFileSync(file, 'var unit = "°C";\nvar n = require("neopixel");\n');
  const pico = await captureOutput(() => main(["check", "--board", "rp2040-pico", file]));
  const esp = await captureOutput(() => main(["check", "--board", "esp32", file]));
  assert.equal(pico.result, 1, "neopixel is an error on the RP2040 Pico");
  assert.match(pico.err[0], /a\.js:1:12: warning: non-ASCII text in a string: rp2040-pico/);
  assert.match(pico.err[1], /a\.js:2:9: require\("neopixel"\) fails on this board/);
  assert.equal(esp.result, 0, "only a warning on the ESP32");
  assert.match(esp.err[0], /a\.js:1:12: warning: non-ASCII text in a string: esp32/);
  assert.deepEqual(esp.out, [`ok ${file} (esp32)\n`]);
  await assert.rejects(main(["check", "--espruino", "2v2x", file]), /--espruino takes an Espruino version such as 2v29 or 2v29\.215, not "2v2x"/);
});
