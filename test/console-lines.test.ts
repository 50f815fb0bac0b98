import assert from "node:assert/strict";
import { test } from "node:test";
import { tokenizer } from "acorn";
import { replPieces } from "../scripts/console/chunks.ts";
import { parseProtocolLine } from "../scripts/bench/records.ts";
import { cleanLine, parseFault, splitLines } from "../scripts/console/lines.ts";

/** The record on a console line, or null: the protocol parser behind the console cleaner. */
const parseRecord = (consoleLine: string) => parseProtocolLine(cleanLine(consoleLine))?.record ?? null;

const HELLO = {
  t: "hello", r: "a1b2", board: "linux", engine: "espruino", version: "2v29", blocksize: 27, free: 7143,
  total: 8192, mode: "ram", quick: true, styles: 14, runs: 1, sizes: [32, 257],
};
const RESULT = {
  t: "result", r: "a1b2", id: "js.class", run: 0, n: 257, forOfUs: 3.2, indexUs: 8.1, growUs: 3.5, hoistedUs: 3.9,
  buildUs: 40.2, varsPerObject: 6.012, fixedVars: 1, objectsFit: 506, sum: 3043.5,
};
const END = { t: "end", r: "a1b2", checksum: 37541.5, count: 14 };
const line = (record: object) => "@tc2 " + JSON.stringify(record);

/** Feeds chunks through splitLines the way ConsoleSession does and returns every complete line. */
function feed(chunks: string[]): { lines: string[]; rest: string } {
  let rest = "";
  const lines: string[] = [];
  for (const chunk of chunks) {
    const out = splitLines(rest, chunk);
    lines.push(...out.lines);
    rest = out.rest;
  }
  return { lines, rest };
}

/** Cuts text into chunks of the given sizes, repeating the pattern. */
function cut(text: string, sizes: number[]): string[] {
  const chunks: string[] = [];
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length]!;
    chunks.push(text.slice(at, at + size));
    at += size;
  }
  return chunks;
}

// A console transcript as Espruino prints it: prompt, timer output (`\r\x1b[J`), echo, junk.
const TRANSCRIPT =
  ">\r\x1b[J" + line(HELLO) + "\r\n>" +
  'print("@tc2 "+JSON.stringify({t:"end",r:"a1b2",checksum:0,count:0}))\r\n' + // echo with the prefix in a string
  "=undefined\r\n>" +
  "\x00\xff\xfe\x1b[1mjunk\x1b[0m\r\n" +
  "\r\x1b[J" + line(RESULT) + "\n" + // a bare \n line end
  '@tc2 {"t":"result","r":"a1b2","id":"js.pro' + "\r\n" + // truncated by a reset
  "\r\x1b[J" + line(END) + "\r\n>";

test("splitLines gives the same lines however the transcript is chunked", () => {
  const whole = feed([TRANSCRIPT]);
  assert.equal(whole.lines.length, 7);
  assert.equal(whole.rest, ">", "the trailing prompt waits for its line end");
  for (const sizes of [[1], [2, 3], [7], [5, 1, 13], [64]]) {
    assert.deepEqual(feed(cut(TRANSCRIPT, sizes)), whole, `chunk sizes ${sizes}`);
  }
  assert.ok(whole.lines.every((l) => !l.includes("\r")), "no \\r survives");
});

test("a chunk boundary inside \\r\\n or inside an escape changes nothing", () => {
  const text = "a\r\n\x1b[Jb\r\n";
  for (let at = 0; at <= text.length; at++) {
    const { lines, rest } = feed([text.slice(0, at), text.slice(at)]);
    assert.deepEqual(lines.map(cleanLine), ["a", "b"], `cut at ${at}`);
    assert.equal(rest, "");
  }
});

test("cleanLine drops prompts, ANSI escapes and control bytes", () => {
  assert.equal(cleanLine(">\x1b[J@tc1 {}"), "@tc1 {}");
  assert.equal(cleanLine("\x10\x03>  :x"), "x");
  assert.equal(cleanLine("\x1b[1;32mok\x1b[0m"), "ok");
  assert.equal(cleanLine(":  print(1)"), "print(1)", "continuation prompt of multi-line echo");
  assert.equal(cleanLine("a > b"), "a > b", "only leading prompts go");
});

test("parseRecord finds every record in a chunked transcript and nothing else", () => {
  for (const sizes of [[1], [3, 11], [50]]) {
    const records = feed(cut(TRANSCRIPT, sizes)).lines.map(parseRecord).filter((r) => r !== null);
    assert.deepEqual(records, [HELLO, RESULT, END], `chunk sizes ${sizes}`);
  }
});

test("parseRecord rejects echo, truncation, junk and other protocol versions", () => {
  assert.equal(parseRecord('>print("@tc2 "+JSON.stringify({t:"end",r:"a",checksum:1,count:0}))'), null);
  assert.equal(parseRecord(`>console.log('${line(END)}')`), null, "a whole record inside a string literal");
  assert.equal(parseRecord(line(END).slice(0, -1)), null, "truncated JSON");
  assert.equal(parseRecord(line(END) + "garbage"), null);
  assert.equal(parseRecord("\xff" + line(END)), null, "binary junk before the prefix");
  assert.equal(parseRecord("@tc1 " + JSON.stringify(END)), null);
  assert.equal(parseRecord("@tc2 null"), null);
  assert.equal(parseRecord("@tc2 [1,2]"), null);
  assert.equal(parseRecord(""), null);
  assert.equal(parseRecord(">"), null);
});

test("parseRecord rejects records whose fields have the wrong types", () => {
  assert.deepEqual(parseRecord(line(RESULT)), RESULT, "the well-formed record parses");
  const bad: object[] = [
    { ...HELLO, blocksize: "27" },
    { ...HELLO, board: 1 },
    { ...HELLO, free: null },
    { ...RESULT, id: 5 },
    { ...RESULT, sum: "4.1" },
    { ...RESULT, r: undefined },
    { ...RESULT, error: 1 },
    { ...END, count: "12" },
    { ...END, checksum: null },
    { t: "progress", r: "a1b2", id: "js.class", i: "1", n: 12, run: 0 },
    { t: "bogus" },
    { ...END, t: undefined },
  ];
  for (const record of bad) assert.equal(parseRecord(line(record)), null, JSON.stringify(record));
  assert.deepEqual(parseRecord(line({ ...RESULT, forOfUs: null, error: "Out of memory" })), { ...RESULT, forOfUs: null, error: "Out of memory" });
});

test("parseFault recognises Espruino's error reports, wherever the prompt leaves them", () => {
  assert.deepEqual(parseFault("OUT OF MEMORY"), { kind: "memory", text: "OUT OF MEMORY" });
  assert.deepEqual(parseFault("ERROR: Out of Memory!"), { kind: "memory", text: "ERROR: Out of Memory!" });
  assert.deepEqual(parseFault('>\x1b[JUncaught ReferenceError: "foo" is not defined'), {
    kind: "uncaught",
    text: 'Uncaught ReferenceError: "foo" is not defined',
  });
  assert.equal(parseFault("Execution Interrupted")?.kind, "interrupted");
  for (const quiet of ["    at REPL (:1:1)", "^", ">", "", "=undefined", 'print("Uncaught")', "TCSYNC1"]) {
    assert.equal(parseFault(quiet), null, JSON.stringify(quiet));
  }
});

test("a protocol record that reports a style's memory error is not an interpreter fault", () => {
  // The bench reports a style that ran out of memory as a result with error "Out of memory".
  assert.equal(parseFault(line({ ...RESULT, forOfUs: null, error: "Out of memory" })), null);
});

/** Bracket depth after each token, counting template literals as brackets. */
function depthAt(code: string): number {
  let depth = 0;
  const stack: string[] = [];
  for (const tok of tokenizer(code, { ecmaVersion: "latest" })) {
    const label = tok.type.label;
    if (label === "`") {
      if (stack.at(-1) === "`") stack.pop();
      else stack.push("`");
    } else if (["{", "(", "[", "${"].includes(label)) stack.push(label);
    else if (["}", ")", "]"].includes(label)) stack.pop();
    depth = stack.length;
  }
  return depth;
}

const PROGRAM = [
  "var N=256,k=0;",
  "function f(a){",
  "  return a+1;",
  "}",
  "var o={a:[1,2,3],b:function(){return k}};",
  "var s=`x${o.a.map(function(v){",
  "return v}).join(`,`)}y`;",
  'print("@tc1 "+JSON.stringify({t:"end",checksum:s.length,count:0}));',
  "setTimeout(function(){",
  "  print(f(k));",
  "},0);",
].join("\n");

test("replPieces gives the program back, in pieces that each end with every bracket closed", () => {
  for (const maxBytes of [1, 8, 20, 40, 80, 1024]) {
    const pieces = replPieces(PROGRAM, maxBytes);
    assert.equal(pieces.join("\n"), PROGRAM, `maxBytes ${maxBytes}`);
    for (const piece of pieces) assert.equal(depthAt(piece), 0, `maxBytes ${maxBytes}: ${piece}`);
  }
  assert.equal(replPieces(PROGRAM, 1024).length, 1, "a small program is one piece");
  assert.ok(replPieces(PROGRAM, 1).length >= 6, "a tiny limit cuts at every balanced line end");
});

test("replPieces never cuts a statement, even one longer than the limit", () => {
  const long = "var t={\n" + Array.from({ length: 50 }, (_, i) => `  k${i}:${i},`).join("\n") + "\n};";
  const pieces = replPieces(`print(1);\n${long}\nprint(2);`, 8);
  assert.deepEqual(pieces, ["print(1);", long, "print(2);"]);
});

test("replPieces never cuts inside a multi-line template literal", () => {
  // A cut there would send the sync line into the middle of the string: the board never answers.
  const tpl = "var s=`line one\nline two\nline three`;";
  const nested = "var u=`a${`b\nc`}d\n${s}\ne`;";
  const pieces = replPieces(`print(1);\n${tpl}\n${nested}\nprint(s);`, 8);
  assert.deepEqual(pieces, ["print(1);", tpl, nested, "print(s);"]);
});

test("replPieces skips empty input", () => {
  assert.deepEqual(replPieces("", 100), []);
  assert.deepEqual(replPieces("\n\n", 1), []);
});
