import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { before, test } from "node:test";
import { TraceMap, originalPositionFor } from "@jridgewell/trace-mapping";
import { loadAllBoards, loadBoard } from "../scripts/boards/profile.ts";
import { buildBundle, entryName, firmwareEntries, sizeBudget, type BuiltBundle } from "../scripts/bundle/build.ts";
import { runBuild } from "../scripts/commands/build.ts";
import { replHazards } from "../scripts/bundle/repl-safe.ts";
import { checkCode } from "../scripts/check/check.ts";
import { UserError } from "../scripts/errors.ts";

const out = mkdtempSync(join(tmpdir(), "thincall-build-"));
const built: BuiltBundle[] = [];

/**
 * Boards differ to the build only in their injected constants and modules: every entry is built
 * for three boards of different kinds (a 2-core CI machine cannot afford all of them), and the
 * bench for every board. Type errors do not depend on the board (its constants are typed alike
 * for all), so each entry is type-checked once, on the first board, and only compiled for the others.
 */
const FULL = ["esp32", "espruino-pico", "linux"];

before(async () => {
  for (const board of loadAllBoards()) {
    for (const entry of firmwareEntries()) {
      if (FULL.includes(board.id) || /\/bench\.ts$/.test(entry)) built.push(await buildBundle(entry, board, out, { typeCheck: board.id === FULL[0] }));
    }
  }
});

test("every firmware entry builds for boards of each kind, and the bench for every board", () => {
  const names = firmwareEntries().map(entryName);
  assert.ok(names.includes("bench") && names.includes("selftest") && names.includes("examples/sensors"), names.join());
  assert.equal(built.length, FULL.length * names.length + loadAllBoards().length - FULL.length);
  assert.deepEqual(new Set(built.filter((b) => b.name === "bench").map((b) => b.board)), new Set(loadAllBoards().map((b) => b.id)));
});

test("each bundle is one self-contained, checked, REPL-safe script", () => {
  for (const b of built) {
    const where = `${b.board}/${b.name}`;
    assert.deepEqual(checkCode(b.code), [], where);
    assert.deepEqual(replHazards(b.code), [], where);
    assert.doesNotMatch(b.code, /\bimport\b|\bexport\b/, where);
    for (const m of b.code.matchAll(/require\("([^"]+)"\)/g)) assert.equal(m[1], "Storage", `${where} requires ${m[1]}`);
    assert.equal(readFileSync(b.file, "utf8").trimEnd(), b.code.trimEnd(), `${where} written to ${b.file}`);
    const longest = Math.max(...b.code.split("\n").map((l) => l.length));
    assert.ok(longest <= 400, `${where} has a ${longest}-character line`);
  }
});

test("no false alarm: every bundle passes its own board's check, and each entry every board's, warnings included", () => {
  const boards = loadAllBoards();
  for (const b of built) assert.deepEqual(checkCode(b.code, { board: loadBoard(b.board) }), [], `${b.board}/${b.name}`);
  // Bundles differ between boards only in their injected constants.
  for (const b of built.filter((x) => x.board === FULL[0])) {
    for (const board of boards) assert.deepEqual(checkCode(b.code, { board }), [], `${b.name} checked for ${board.id}`);
  }
});

test("the board's facts are injected as constants", () => {
  for (const b of built.filter((x) => x.name === "bench")) assert.ok(b.code.includes(JSON.stringify(b.board)), b.board);
});

test("a bundle's source map leads back to the TypeScript", () => {
  const b = built.find((x) => x.board === "esp32" && x.name === "bench")!;
  const map = new TraceMap(readFileSync(b.file + ".map", "utf8"));
  const line = b.code.split("\n").findIndex((l) => l.includes('"@tc2 "')) + 1;
  const pos = originalPositionFor(map, { line, column: b.code.split("\n")[line - 1].indexOf('"@tc2 "') });
  assert.match(pos.source ?? "", /scripts\/protocol\/line-prefix\.ts$/);
});

function userEntry(name: string, source: string): string {
  const file = join(out, name);
  writeFileSync(file, source);
  return file;
}

test("a user's own program builds through the same pipeline, with thincall and the board facts", async () => {
  const file = userEntry(
    "blink.ts",
    'import { func } from "thincall";\nimport { BOARD_ID } from "thincall:board";\n' +
      "const led = func({ on: false }, function (this: { on: boolean }) { this.on = !this.on; return this.on; });\n" +
      "setInterval(() => print(BOARD_ID, led.f()), 500);\n",
  );
  const b = await buildBundle(file, loadBoard("rp2040-pico"), out);
  assert.equal(b.name, "blink");
  assert.match(b.code, /"rp2040-pico"/);
  assert.deepEqual(checkCode(b.code), []);
});

test("a construct Espruino cannot run fails the build, naming it and the TypeScript line", async () => {
  const file = userEntry("spread.ts", 'const a: number[] = JSON.parse("[1, 2]");\nprint([0, ...a].length);\n');
  await assert.rejects(buildBundle(file, loadBoard("esp32"), out), (e: unknown) => {
    assert.ok(e instanceof UserError);
    assert.match(e.message, /spread/);
    assert.match(e.message, /spread\.ts:2:/);
    return true;
  });
});

test("a type error fails the build, and leaves no file watcher open", async () => {
  const file = userEntry("typo.ts", "const n: number = 'x';\nprint(n);\n");
  await assert.rejects(buildBundle(file, loadBoard("esp32"), out), UserError);
  // The type check runs in a TypeScript watch program: an fs.watch left open would keep every
  // process that builds alive after its work. A closed watcher is gone within a turn or two.
  const deadline = Date.now() + 2000;
  while (openWatchers() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  assert.equal(openWatchers(), 0, `file watchers left open: ${process.getActiveResourcesInfo().join(", ")}`);
});

test("a build that does not type-check only compiles: a type error passes", async () => {
  const file = userEntry("typo-unchecked.ts", "const n: number = 'x';\nprint(n);\n");
  const b = await buildBundle(file, loadBoard("esp32"), out, { typeCheck: false });
  assert.match(b.code, /print\(/);
});

function openWatchers(): number {
  return process.getActiveResourcesInfo().filter((r) => r === "FSEventWrap").length;
}

test("every bundle stays within the bundle budget (the core's own: core-size.test.ts)", () => {
  const budget = sizeBudget();
  for (const b of built) assert.ok(b.bytes <= budget.bundleBytes, `${b.board}/${b.name} is ${b.bytes} bytes`);
});

test("a build prints the core's size only for a board whose bundle carries the core", async () => {
  const printed = async (file: string) => {
    let text = "";
    const sink = new Writable({ write: (chunk, _enc, done) => ((text += String(chunk)), done()) });
    await runBuild({ board: "linux", entries: [file], out: sink });
    return text;
  };
  const bare = await printed(userEntry("no-core.ts", 'print("hi");\n'));
  assert.match(bare, /linux\/no-core\.js/);
  assert.doesNotMatch(bare, /: core/);
  const withCore = await printed(userEntry("with-core.ts", 'import { tag } from "thincall";\nprint(tag({ w: 1 }, 0).t);\n'));
  assert.match(withCore, /linux: core +\d+/);
  assert.ok(built.every((b) => b.hasCore === /^(bench|selftest|examples\/)/.test(b.name)), built.map((b) => `${b.name}: ${b.hasCore}`).join(", "));
});
