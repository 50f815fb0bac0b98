/**
 * Code nested past any real program is refused before rollup parses it: rollup's native parser
 * ended the process with a segmentation fault (exit 139) on these, which no catch can report.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { rollup } from "rollup";
import { loadBoard } from "../scripts/boards/profile.ts";
import { MAX_TREE_DEPTH, tooDeepEntry, tooDeepToBuild } from "../scripts/bundle/depth-guard.ts";
import { buildBundle, firmwareEntries } from "../scripts/bundle/build.ts";
import { UserError } from "../scripts/errors.ts";
import { thincall } from "../scripts/bundle/plugin.ts";

const dir = mkdtempSync(join(tmpdir(), "thincall-build-depth-"));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Each of these crashed rollup's parser natively (measured: exit 139). */
const CRASHERS = {
  "50,000 chained +": `var x = ${"1+".repeat(50000)}1;\n`,
  "50,000 unary -": `var x = ${"- ".repeat(50000)}1;\n`,
  "50,000 chained calls": `var x = f${"(1)".repeat(50000)};\n`,
  "200,000 member links": `var x = a${".b".repeat(200000)};\n`,
};

test("the guard names each input that crashed rollup, and passes real code", () => {
  for (const [name, code] of Object.entries(CRASHERS)) assert.ok(tooDeepToBuild(code), name);
  // A real program of 6,000 lines (acorn itself) parses, and passes.
  assert.equal(tooDeepToBuild(readFileSync(new URL("../node_modules/acorn/dist/acorn.mjs", import.meta.url), "utf8")), undefined);
  assert.equal(tooDeepToBuild(`var x = a${".b".repeat(MAX_TREE_DEPTH - 10)};\n`), undefined);
  // Syntax errors are rollup's to report, in its words.
  assert.equal(tooDeepToBuild("var = ;"), undefined);
});

test("a build of such code fails with one error naming it, and the process lives", async () => {
  for (const [name, code] of Object.entries(CRASHERS)) {
    const file = join(dir, "deep.js");
    writeFileSync(file, code);
    await assert.rejects(
      rollup({ input: file, plugins: thincall({ board: loadBoard("linux"), typescript: false }), logLevel: "silent" }),
      (e: Error) => /nested too deeply|syntax tree is over \d+ levels deep/.test(e.message) && !/Maximum call stack/.test(e.message),
      name,
    );
  }
});

test("an entry that deep fails before any compiler sees it (TypeScript spent minutes on it), in one line; real entries pass", async () => {
  for (const [name, code] of Object.entries(CRASHERS)) {
    const file = join(dir, "deep-entry.ts");
    writeFileSync(file, code);
    assert.match(tooDeepEntry(file) ?? "", /deep-entry\.ts: (its syntax tree is over 1000 levels deep|nested too deeply for a parser's stack) \(a recursive parser/, name);
    await assert.rejects(buildBundle(file, loadBoard("linux"), join(dir, "out")), (e: unknown) => e instanceof UserError && /deep-entry\.ts: /.test(e.message) && !e.message.includes("\n"), name);
  }
  for (const entry of firmwareEntries()) assert.equal(tooDeepEntry(entry), undefined, entry);
});
