/** `check` on pathologically deep code: one line and exit 1, never a V8 abort (exit 134). */
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { runCli, tempDir } from "./support/cli-helpers.ts";

const tmp = tempDir();
after(() => tmp.remove());

test("500 nested function(){return: one line saying so, exit 1", async () => {
  const file = join(tmp.dir, "deep.js");
  writeFileSync(file, `var f = ${"function(){return ".repeat(500)}1${"}".repeat(500)};\n`);
  const r = await runCli(["check", file]);
  assert.equal(r.code, 1, r.stderr.slice(0, 300));
  assert.match(r.stderr.trim(), /^\S+deep\.js:1:\d+: syntax error: brackets nested deeper than 200 levels .*\(rule syntax\)$/);
});

test("nesting within the limit is read as usual", async () => {
  const file = join(tmp.dir, "fine.js");
  writeFileSync(file, `var f = ${"function(){return ".repeat(50)}1${"}".repeat(50)};\n`);
  const r = await runCli(["check", file]);
  assert.equal(r.code, 0, r.stderr);
});

test("a NUL byte or an escape sequence in a checked file never reaches the terminal raw", async () => {
  const file = join(tmp.dir, "nul.js");
  writeFileSync(file, "var a = 1;\x00\nvar b = '\x1b[2J';\x1b\n");
  const r = await runCli(["check", file]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /syntax error: Unexpected character/);
  assert.doesNotMatch(r.stderr + r.stdout, /[\x00\x1b]/);
});

test("deep code no bracket counts (a 50,000-link member chain, long operator chains): one finding each, exit 1, never an internal error", async () => {
  const cases = {
    "chain.js": `var x = a${".b".repeat(50000)};\n`,
    "plus.js": `var x = ${"1+".repeat(50000)}1;\n`,
    "minus.js": `var x = ${"- ".repeat(20000)}1;\n`,
    "ternary.js": `var x = ${"a ? ".repeat(5000)}1${" : 2".repeat(5000)};\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    const file = join(tmp.dir, name);
    writeFileSync(file, text);
    const r = await runCli(["check", file]);
    assert.equal(r.code, 1, `${name}: ${r.stderr.slice(0, 300)}`);
    assert.match(r.stderr.trim(), new RegExp(`^\\S+${name.replace(".", "\\.")}:1:\\d+: syntax error: .*\\(rule syntax\\)$`), name);
    assert.doesNotMatch(r.stderr, /internal error|Maximum call stack/, name);
  }
});
