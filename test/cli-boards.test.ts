/**
 * Broken board profiles. The CLI always reads the shipped boards/ folder (BOARDS_DIR, next to the
 * scripts) and has no option or variable to point it elsewhere, so a broken profile is tested on
 * scripts/boards/profile.ts directly, on copies of the shipped profiles in a temp folder.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { BOARDS_DIR, loadAllBoards, loadBoard, loadProfileFile, validateProfile } from "../scripts/boards/profile.ts";
import { UserError } from "../scripts/errors.ts";
import { tempDir } from "./support/cli-helpers.ts";

const tmp = tempDir();
after(() => tmp.remove());

const esp32 = (): Record<string, any> => JSON.parse(readFileSync(join(BOARDS_DIR, "esp32.json"), "utf8"));

/** Writes `content` as `<name>.json` in the temp folder; returns its path. */
function profileFile(name: string, content: unknown): string {
  const file = tmp.path(`${name}.json`);
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Asserts that loading throws a one-line UserError naming the file and matching `pattern`. */
function assertProfileError(file: string, pattern: RegExp): void {
  assert.throws(
    () => loadProfileFile(file),
    (e: unknown) => {
      assert.ok(e instanceof UserError, `a UserError, got ${String(e)}`);
      assert.ok(e.message.startsWith(`${file}: `), e.message);
      assert.doesNotMatch(e.message, /\n/);
      assert.match(e.message, pattern);
      return true;
    },
  );
}

describe("board profiles", () => {
  test("the shipped profiles load, and a copy of one loads", () => {
    assert.ok(loadAllBoards().length >= 7);
    assert.equal(loadProfileFile(profileFile("esp32", esp32())).jsvars, 3157);
  });

  test("a missing field is named", () => {
    const p = esp32();
    delete p.jsvars;
    assertProfileError(profileFile("esp32", p), /field "jsvars" must be an integer from 1 to 16777216 \(got nothing\)/);
  });

  test("absurd numbers are refused: jsvars 1e300", () => {
    const p = esp32();
    p.jsvars = 1e300;
    assertProfileError(profileFile("esp32", p), /field "jsvars" must be an integer from 1 to 16777216 \(got 1e\+300\)/);
  });

  test("a missing nested field is named with its path", () => {
    const p = esp32();
    delete p.console.ctrlCExits;
    assertProfileError(profileFile("esp32", p), /field "console\.ctrlCExits" must be true or false/);
  });

  test("a wrong type is named with the value found", () => {
    const p = esp32();
    p.bytesPerVar = "13";
    assertProfileError(profileFile("esp32", p), /field "bytesPerVar" must be an integer from 8 to 64 \(got "13"\)/);
    const q = esp32();
    q.flash.default = "rom";
    assertProfileError(profileFile("esp32", q), /field "flash\.default" must be "ram" or "flash" \(got "rom"\)/);
  });

  test("an id that does not match the file name", () => {
    assertProfileError(profileFile("esp32-copy", esp32()), /field "id" must equal the file name "esp32-copy"/);
  });

  test("invalid JSON", () => {
    const text = JSON.stringify(esp32()).replace('"jit":false', '"jit":false,');
    assertProfileError(profileFile("esp32", text.slice(0, -1) + ",}"), /not valid JSON/);
  });

  test("not an object", () => {
    assert.throws(() => validateProfile([1], "x/esp32.json"), /^UserError: x\/esp32\.json: a board profile must be a JSON object$/);
  });

  test("loadBoard in a folder with a broken profile names that file", () => {
    const p = esp32();
    p.console.tcpPort = 70000;
    profileFile("esp32", p);
    assert.throws(() => loadBoard("esp32", tmp.dir), new RegExp(`${tmp.path("esp32.json")}: field "console\\.tcpPort" must be a TCP port or null`));
    assert.throws(() => loadBoard("nope", tmp.dir), /unknown board "nope"; known boards: esp32/);
  });
});
