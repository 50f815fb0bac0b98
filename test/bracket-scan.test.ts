/** One scanner for chunking, REPL-safe lines and the virtual board: they agree, and regexes are not divisions. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { replHazards } from "../scripts/bundle/repl-safe.ts";
import { replPieces } from "../scripts/console/chunks.ts";
import { isComplete } from "../scripts/virtual/balance.ts";

test("a regex after return, typeof or an operator is a regex, not a division", () => {
  assert.equal(isComplete("function f(s){return/[(]/.test(s)}"), true);
  assert.equal(isComplete("var r = a ? /[{]/ : /[}]/;"), true);
  assert.equal(isComplete("if (x) /[(]/.test(s);"), true);
  assert.equal(isComplete("var q = a / b / c; f(("), false);
  assert.equal(isComplete("var half = n / 2 /* ( */;"), true);
});

test("open strings, templates, comments and regexes are incomplete; other junk is the board's to report", () => {
  for (const open of ["var s = 'abc", "var t = `line one", "var t = `${a", "/* comment", "x = /abc", "f(`a${'('}b`"]) {
    assert.equal(isComplete(open), false, open);
  }
  for (const done of ["var t = `a\nb`;", "x = `${f({a:1})}`", "#oops", "a)", "// just a comment"]) assert.equal(isComplete(done), true, done);
});

const PROGRAMS = [
  "var a = 1;\nfunction f(s) {\n  return/[(]/.test(s);\n}\nvar t = `x\n${a}\n`;\nf('(');\n",
  "var o = {\n  a: 1,\n  b: /[{]/,\n};\nif (o.a) {\n  print(o.b);\n}\nelse {\n  print(2);\n}\n",
  "var s = 'a\\'(';\nvar d = 4 / 2 / 1;\nsetTimeout(function () {\n  print(d);\n}, 0);\n",
];

test("upload pieces end exactly where the virtual board takes a statement as complete", () => {
  for (const program of PROGRAMS) {
    const pieces = replPieces(program, 1);
    assert.equal(pieces.join("\n").replace(/\n+$/, ""), program.replace(/\n+$/, ""));
    let sent = "";
    for (const piece of pieces) {
      sent += piece + "\n";
      assert.equal(isComplete(sent), true, `piece ends complete: ${JSON.stringify(piece)}`);
    }
    // Every line end inside a piece is inside a statement.
    const lines = program.split("\n");
    let prefix = "";
    for (const line of lines.slice(0, -1)) {
      prefix += line + "\n";
      const cut = pieces.some((_, i) => pieces.slice(0, i + 1).join("\n") + "\n" === prefix);
      if (!cut) assert.equal(isComplete(prefix) && prefix.trim() !== "", false, `no cut after ${JSON.stringify(line)} although complete`);
    }
  }
});

test("the hazard check sees the same depth: no hazard inside a multi-line template or regex-bearing line", () => {
  assert.deepEqual(replHazards(PROGRAMS[0]!), []);
  assert.equal(replHazards(PROGRAMS[1]!).length, 1, "`else` on a new line is the one hazard");
});
