/** Untrusted text reaches the terminal without escape sequences or control characters. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { terminalLines, terminalText } from "../scripts/terminal/text.ts";

test("escape sequences are removed whole, control characters dropped", () => {
  assert.equal(terminalText("js.\x1b[31mclass\x1b[0m"), "js.class");
  assert.equal(terminalText("a\x1b]0;pwned\x07b"), "ab");
  assert.equal(terminalText("a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b"), "alinkb");
  assert.equal(terminalText("x\x1bcy"), "xy", "ESC c (full reset)");
  assert.equal(terminalText("up\x9b2Adown"), "up2Adown", "8-bit CSI");
  assert.equal(terminalText("a\x00b\x07c\x08d\x7fe"), "abcde");
  assert.equal(terminalText("evil\u202egnp.exe"), "evilgnp.exe");
  assert.equal(terminalText("one\r\ntwo\tthree"), "one  two three");
  assert.equal(terminalText("µs per call — ok"), "µs per call — ok", "printable Unicode stays");
});

test("terminalLines keeps line breaks", () => {
  assert.equal(terminalLines("a\x1b[2J\nb\rc"), "a\nb c");
});

test("the boards table strips a profile note's escapes", async () => {
  const { runBoards } = await import("../scripts/commands/boards.ts");
  let out = "";
  runBoards({ write: (s: string) => ((out += s), true) } as unknown as NodeJS.WritableStream);
  assert.doesNotMatch(out, /[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
});

test("progress shows a device's style id and error without its escapes", async () => {
  const { createProgress } = await import("../scripts/terminal/progress.ts");
  for (const isTTY of [false, true]) {
    let out = "";
    const stream = { isTTY, write: (s: string) => ((out += s), true) } as unknown as NodeJS.WriteStream;
    const p = createProgress("bench", 2, stream);
    p.update(1, "js.\x1b[2J\x1b]0;x\x07class: Out\x9b of memory");
    p.done();
    // The progress line's own redraw (\r ESC[K) is the only escape left.
    assert.equal(out.replace(/\r\x1b\[K/g, "").replace(/\n/g, "").match(/[\x00-\x1f\x7f-\x9f]/g), null, JSON.stringify(out));
    assert.match(out, /js\.class: Out of memory/);
  }
});
