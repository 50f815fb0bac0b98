/**
 * The device typings and `thincall init`: the editor (TypeScript with the written tsconfig) and the
 * build agree. for…of over arrays compiles, a missing member fails at its line in both, built-in
 * modules are typed, a module the board lacks is flagged, and the example runs on the interpreter.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import ts from "typescript";
import { loadBoard, validateProfile } from "../scripts/boards/profile.ts";
import { buildBundle } from "../scripts/bundle/build.ts";
import { checkCode, formatViolation } from "../scripts/check/check.ts";
import { runInit } from "../scripts/commands/init.ts";
import { UserError } from "../scripts/errors.ts";

const dir = mkdtempSync(join(tmpdir(), "thincall-init-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const quiet = { write: () => true } as unknown as NodeJS.WritableStream;
runInit({ dir, out: quiet });
const main = join(dir, "firmware", "main.ts");

/** What the editor shows: TypeScript's errors under the tsconfig `init` wrote, as `file:line: TSnnnn`. */
function editorErrors(): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  assert.deepEqual(parsed.errors, []);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    return `${d.file?.fileName.replace(dir + "/", "")}:${line}: TS${d.code}`;
  });
}

/** Builds `firmware/main.ts` for `board`; returns the error message, or undefined when it built. */
async function buildError(board = "linux", all = false): Promise<string | undefined> {
  try {
    await buildBundle(main, loadBoard(board), join(dir, "dist"), { allErrors: all });
    return undefined;
  } catch (e) {
    assert.ok(e instanceof UserError, String(e));
    return e.message;
  }
}

test("init writes a tsconfig and an example that the editor and the build both accept", async () => {
  assert.deepEqual(editorErrors(), []);
  assert.equal(await buildError(), undefined);
  assert.throws(() => runInit({ dir, out: quiet }), /init would overwrite .*tsconfig\.json.*use --force/);
});

test("a missing member fails at its line, in the editor and in the build", async () => {
  const example = readFileSync(main, "utf8");
  try {
    writeFileSync(main, example + "const xs = [1, 2];\nprint(Math.log2(8));\nprint(xs.reduceRight(function (a: number, b: number) { return a + b; }, 0));\nprint(xs.lastIndexOf(2));\n");
    const base = example.split("\n").length;
    assert.deepEqual(editorErrors(), [`firmware/main.ts:${base + 1}: TS2550`, `firmware/main.ts:${base + 2}: TS2339`, `firmware/main.ts:${base + 3}: TS2339`]);
    const message = (await buildError())!;
    assert.match(message, /failed: 3 errors/);
    assert.match(message, new RegExp(`main\\.ts:${base + 1}:\\d+: TS2550: Property 'log2' does not exist on type 'Math'\\. Espruino does not have it`));
    assert.match(message, new RegExp(`main\\.ts:${base + 2}:\\d+: TS2339: Property 'reduceRight'`));
    assert.doesNotMatch(message, /change your target library/);
  } finally {
    writeFileSync(main, example);
  }
});

test("every build error is listed up to ten, with a count that --all lifts", async () => {
  const example = readFileSync(main, "utf8");
  try {
    writeFileSync(main, example + Array.from({ length: 12 }, (_, i) => `print(Math.log2(${i}));`).join("\n") + "\n");
    const capped = (await buildError())!;
    assert.match(capped, /failed: 12 errors\n/);
    assert.match(capped, /… and 2 more \(--all lists every one\)$/);
    assert.equal((await buildError("linux", true))!.split("\n").length, 13);
  } finally {
    writeFileSync(main, example);
  }
});

test("async/await is reported as async/await, where the user wrote it", async () => {
  const example = readFileSync(main, "utf8");
  try {
    writeFileSync(main, example + "async function later(): Promise<number> {\n  return await Promise.resolve(1);\n}\nlater();\n");
    const message = (await buildError())!;
    const line = example.split("\n").length;
    assert.match(message, new RegExp(`main\\.ts:${line}:1: async functions and await are not supported by Espruino 2v2x`));
    assert.doesNotMatch(message, /generator/);
  } finally {
    writeFileSync(main, example);
  }
});

test("for…of over arrays, typed arrays and strings compiles; require() of built-in modules is typed", () => {
  const example = readFileSync(main, "utf8");
  try {
    writeFileSync(main, example + [
      "let n = 0;",
      "for (const b of new Uint8Array(4)) n += b;",
      "for (const c of 'ab') n += c.length;",
      "const text: string | undefined = require('Storage').read('cfg');",
      "require('Wifi').connect('net', { password: 'pw' }, function (err) { print(err); });",
      "require('Storage').nope();",
      "const m = new Map();",
    ].join("\n") + "\n");
    const base = example.split("\n").length;
    assert.deepEqual(editorErrors(), [`firmware/main.ts:${base + 5}: TS2339`, `firmware/main.ts:${base + 6}: TS2585`]);
  } finally {
    writeFileSync(main, example);
  }
});

test("require() of a module the board's build lacks is flagged for that board", async () => {
  const code = 'var w = require("Wifi");\nvar s = require("Storage");\nvar mine = require("my-module");';
  const pico = loadBoard("espruino-pico");
  const found = checkCode(code, { board: pico });
  assert.deepEqual(found.map((v) => `${v.rule}@${v.line}`), ["board-module@1"]);
  assert.match(formatViolation(found[0], "a.js"), /^a\.js:1:9: require\("Wifi"\) fails on this board: espruino-pico's Espruino build has no Wifi module/);
  const esp32 = loadBoard("esp32");
  assert.deepEqual(checkCode(code, { board: esp32 }), []);
  assert.deepEqual(checkCode(code), [], "no board, no module check");
  const example = readFileSync(main, "utf8");
  try {
    writeFileSync(main, example + 'require("Wifi").disconnect();\n');
    assert.match((await buildError("espruino-pico"))!, /require\("Wifi"\) fails on this board/);
    assert.equal(await buildError("esp32"), undefined);
  } finally {
    writeFileSync(main, example);
  }
});

test("a board profile's modules must be a list of names", () => {
  const good = JSON.parse(readFileSync(new URL("../boards/esp32.json", import.meta.url), "utf8"));
  assert.throws(() => validateProfile({ ...good, modules: "Wifi" }, "esp32.json"), /field "modules" must be a list of module names/);
  assert.deepEqual(validateProfile({ ...good, modules: undefined, firmware: null }, "esp32.json").modules, undefined, "not Espruino: no modules needed");
  assert.throws(() => validateProfile({ ...good, modules: undefined }, "esp32.json"), /an Espruino profile \(with "firmware"\) must list its "modules"/);
  assert.throws(() => validateProfile({ ...good, firmware: { ...good.firmware, unicode: "no" } }, "esp32.json"), /field "firmware.unicode" must be true or false/);
  assert.throws(() => validateProfile({ ...good, firmware: undefined }, "esp32.json"), /field "firmware" must be the build's features/);
});

test("the example built by init runs on the real interpreter", {
  skip: process.env.ESPRUINO_BIN ? false : "ESPRUINO_BIN not set: skipping the run of the init example on Espruino",
}, async () => {
  const built = await buildBundle(main, loadBoard("linux"), join(dir, "dist"));
  const out = await new Promise<string>((resolve) => {
    const child = spawn(process.env.ESPRUINO_BIN!, [built.file], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (d: Buffer) => {
      text += d.toString();
      // Kill only once the whole line is in: a chunk can end mid-number.
      if (/total area[^\n]*\n/.test(text)) child.kill("SIGKILL");
    });
    child.on("close", () => resolve(text));
    setTimeout(() => child.kill("SIGKILL"), 10000).unref();
  });
  assert.match(out, /linux: 3 shapes, total area 9\.93/);
  assert.doesNotMatch(out, /Uncaught/);
});

test("init's tsconfig keeps two files without imports apart, and --board gives the board's globals", () => {
  const other = mkdtempSync(join(tmpdir(), "thincall-init-board-"));
  try {
    runInit({ dir: other, out: quiet, board: "puckjs" });
    writeFileSync(join(other, "firmware", "a.ts"), "const x = 1;\nprint(x, LED1, NRF.getAddress());\n");
    writeFileSync(join(other, "firmware", "b.ts"), "const x = 2;\nprint(x);\n");
    const parsed = ts.getParsedCommandLineOfConfigFile(join(other, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    assert.deepEqual(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")), []);
    // The example uses the core.
    assert.match(readFileSync(join(other, "firmware", "main.ts"), "utf8"), /from "thincall";/);
    assert.throws(() => runInit({ dir: other, out: quiet, board: "nope", force: true }), /unknown board "nope"/);
  } finally {
    rmSync(other, { recursive: true, force: true });
  }
});
