/**
 * Every protocol line carries a hash of its JSON text (scripts/protocol/line-hash.ts): one changed
 * digit, a ×10 slip, a lost byte or a lost hash is refused, counted as mangled and named, and the
 * run is not whole. Older lines without hashes (older firmware, old results files) still read.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { MANGLED, NO_PREFIX, UNHASHED, readProtocolLine } from "../scripts/bench/records.ts";
import { STYLE_IDS, type HelloRecord } from "../scripts/bench/schema.ts";
import { summarize, type ResultsLine } from "../scripts/bench/summary.ts";
import { LINE_HASH, lineHash, protocolLine, splitHash } from "../scripts/protocol/line-hash.ts";
import { parseResultsText, splitRuns, toResultsText } from "../scripts/report/results-lines.ts";
import { toBytes } from "../scripts/virtual/board.ts";
import { collectPrinted } from "./support/collect-printed.ts";
import { runLines } from "./support/report-fixtures.ts";

const N = STYLE_IDS.length;
/** A result line as Espruino 2v29 printed it (docs/results/linux-2v29.bench2.jsonl). */
const RESULT =
  '{"t":"result","r":"918d7164","id":"baseline.inline","run":0,"n":100,"forOfUs":1.566,"indexUs":3.816,"growUs":1.647,"hoistedUs":null,' +
  '"buildUs":12.46,"calUs":3.686606,"varsPerObject":5.54,"fixedVars":3,"objectsFit":467,"sum":1173,"loops":[{"name":"area","us":1.566,"sum":1173},{"name":"grow","us":1.647,"sum":995}]}';

/** A fixture run with its hello announcing hashes, as the firmware prints it. */
function hashedRun(): ResultsLine[] {
  return runLines().map((l) => (l.t === "hello" ? { ...l, hash: LINE_HASH } : l.t === "result" ? { ...l, calUs: 0.5 } : l));
}
const printedHashed = (lines: ResultsLine[]) => lines.filter((l) => l.t !== "host").map((l) => protocolLine(JSON.stringify(l)));

/** Collects printed lines as bench does, with the summary of what was kept. */
async function collect(printed: string[]) {
  const { lines, stopped } = await collectPrinted(printed);
  return { lines, stopped, summary: summarize(lines) };
}

/** The printed line of the first result of `id`. */
const lineOf = (printed: string[], id: string) => printed.findIndex((p) => p.includes('"t":"result"') && p.includes(`"id":"${id}"`));

test("the hash catches every single changed character and every swap of two neighbours in a real result line", () => {
  const h = lineHash(RESULT);
  let tried = 0;
  for (let i = 0; i < RESULT.length; i++) {
    for (const ch of '0123456789.,-"e:{}[]ablnrtu ') {
      if (ch === RESULT[i]) continue;
      tried++;
      assert.notEqual(lineHash(RESULT.slice(0, i) + ch + RESULT.slice(i + 1)), h, `${ch} at ${i}`);
    }
    if (i + 1 < RESULT.length && RESULT[i] !== RESULT[i + 1]) {
      assert.notEqual(lineHash(RESULT.slice(0, i) + RESULT[i + 1] + RESULT[i] + RESULT.slice(i + 2)), h, `swap at ${i}`);
    }
  }
  assert.ok(tried > RESULT.length * 25);
  // Each byte lost: caught here too (in general, all but 1 in 16.8 million).
  for (let i = 0; i < RESULT.length; i++) assert.notEqual(lineHash(RESULT.slice(0, i) + RESULT.slice(i + 1)), h, `byte ${i} lost`);
  assert.match(h, /^[0-9a-z]{1,5}$/);
});

test("a line's JSON and its hash are split at the last space: error text with spaces stays JSON", () => {
  const json = '{"t":"result","r":"r1","id":"js.class","run":0,"n":1,"error":"Out of memory 12 ab"}';
  assert.deepEqual(splitHash(protocolLine(json).slice("@tc2 ".length)), { json, hash: lineHash(json) });
  assert.deepEqual(splitHash(json), { json }, "an older line, without a hash");
});

test("readProtocolLine: a matching hash is read, a changed digit is refused before it can pass as a figure", () => {
  const line = protocolLine(RESULT);
  const read = readProtocolLine(line);
  assert.ok(read && !read.refused);
  assert.equal(read.hashed, true);
  assert.equal(read.record.t === "result" && read.record.forOfUs, 1.566);
  // ×10 slip: still valid JSON, still in range; only the hash tells.
  const slip = line.replace('"forOfUs":1.566', '"forOfUs":15.66');
  assert.deepEqual(readProtocolLine(slip), { refused: { kind: MANGLED, line: slip } });
  const hashDigit = line.slice(0, -1) + (line.endsWith("0") ? "1" : "0");
  assert.equal(readProtocolLine(hashDigit)?.refused?.kind, MANGLED);
  // An older firmware's line, without a hash: read, and said to be unhashed.
  const older = readProtocolLine(`@tc2 ${RESULT}`);
  assert.ok(older && !older.refused && older.hashed === false);
});

test("text above 0xFF, which QuickJS prints as it is and the virtual board sends as UTF-8, is hashed as the board saw it", () => {
  const json = '{"t":"result","r":"r1","id":"js.class","run":0,"n":1,"error":"a\u2260b \u00e9 \ud83d\ude00"}';
  const read = readProtocolLine(toBytes(protocolLine(json)));
  assert.ok(read && !read.refused, JSON.stringify(read));
  assert.equal(read.record.t === "result" && read.record.error, "a\u2260b \u00e9 \ud83d\ude00");
  // A changed byte in such a line is still refused.
  assert.equal(readProtocolLine(toBytes(protocolLine(json)).replace("\xe2", "\xe3"))?.refused?.kind, MANGLED);
});

test("a hello that announces hashes but carries none (its hash lost) is refused", () => {
  const hello = hashedRun()[1] as HelloRecord;
  assert.equal(readProtocolLine(`@tc2 ${JSON.stringify(hello)}`)?.refused?.kind, UNHASHED);
  const kept = readProtocolLine(protocolLine(JSON.stringify(hello)));
  assert.ok(kept && !kept.refused && kept.record.t === "hello" && kept.record.hash === LINE_HASH);
});

test("a whole hashed run is read as the firmware prints it: complete, no problem", async () => {
  const { lines, summary } = await collect(printedHashed(hashedRun()));
  assert.deepEqual(summary.problems, []);
  assert.equal(summary.complete, true);
  assert.equal(lines.filter((l) => l.t === "result").length, N);
});

for (const [what, mangle, field] of [
  ["a ×10 slip in one forOfUs", (p: string) => p.replace(/"forOfUs":(\d+)\.(\d)/, '"forOfUs":$1$2.'), "forOfUs"],
  ["one digit of a calUs", (p: string) => p.replace('"calUs":0.5', '"calUs":0.4'), "calUs"],
  ["one digit of a varsPerObject", (p: string) => p.replace(/"varsPerObject":(\d)/, (_m, d: string) => `"varsPerObject":${(Number(d) + 1) % 10}`), "varsPerObject"],
] as const) {
  test(`${what}: refused as mangled, named in the problems, no wrong figure kept, the run incomplete`, async () => {
    const printed = printedHashed(hashedRun());
    const at = lineOf(printed, "js.closure");
    const before = printed[at];
    printed[at] = mangle(before);
    assert.notEqual(printed[at], before, "the line was mangled");
    const { lines, summary } = await collect(printed);
    assert.ok(summary.problems.includes(`1 protocol line(s) failed validation: 1 ${MANGLED}`), summary.problems.join("\n"));
    assert.ok(summary.problems.includes(`the board announced ${N} result(s) and sent ${N - 1}`), summary.problems.join("\n"));
    assert.equal(summary.complete, false);
    // No result of js.closure was kept: its figure is missing, never wrong.
    assert.equal(lines.filter((l) => l.t === "result" && l.id === "js.closure").length, 0, field);
    assert.deepEqual(lines.filter((l) => l.t === "invalid"), [{ t: "invalid", r: "r1", kind: MANGLED, line: printed[at] }]);
    // report reads the file back the same way.
    const again = splitRuns(parseResultsText(toResultsText(lines)).lines).map(summarize);
    assert.deepEqual(again[0].problems, summary.problems);
  });
}

test("one byte dropped from the hello: refused as mangled; the run has no hello and says so", async () => {
  const printed = printedHashed(hashedRun());
  const at = printed[0].indexOf('"free"');
  printed[0] = printed[0].slice(0, at + 3) + printed[0].slice(at + 4); // "fee"
  const { summary } = await collect(printed);
  assert.ok(summary.problems.some((p) => /no valid hello line/.test(p)), summary.problems.join("\n"));
  assert.ok(summary.problems.includes(`1 protocol line(s) failed validation: 1 ${MANGLED}`), summary.problems.join("\n"));
  assert.equal(summary.blocksize, null);
  assert.equal(summary.complete, false);
});

test("a result whose hash was lost, in a run whose lines are hashed, is refused as mangled (no hash)", async () => {
  const printed = printedHashed(hashedRun());
  const at = lineOf(printed, "js.bind");
  printed[at] = printed[at].slice(0, printed[at].lastIndexOf(" "));
  const { lines, summary } = await collect(printed);
  assert.ok(summary.problems.includes(`1 protocol line(s) failed validation: 1 ${UNHASHED}`), summary.problems.join("\n"));
  assert.equal(lines.filter((l) => l.t === "result" && l.id === "js.bind").length, 0);
  // Even without the hello's announcement, a hashed line before it makes hashes the rule.
  const noHello = printedHashed(hashedRun()).slice(1);
  const cut = lineOf(noHello, "js.bind");
  noHello[cut] = noHello[cut].slice(0, noHello[cut].lastIndexOf(" "));
  const second = await collect(noHello);
  assert.ok(second.summary.problems.includes(`1 protocol line(s) failed validation: 1 ${UNHASHED}`), second.summary.problems.join("\n"));
});

test("a mangled progress line (no figure in it) still makes the run incomplete, with a problem", async () => {
  const printed = printedHashed(hashedRun());
  const progress = { t: "progress", r: "r1", id: "js.class", i: 2, n: N, run: 0 };
  printed.splice(1, 0, protocolLine(JSON.stringify(progress)).replace('"i":2', '"i":3'));
  const { lines, summary } = await collect(printed);
  assert.equal(lines.filter((l) => l.t === "result").length, N, "every result arrived");
  assert.deepEqual(summary.problems, [`1 protocol line(s) failed validation: 1 ${MANGLED}`]);
  assert.equal(summary.complete, false);
});

test("a record whose prefix lost a byte is still counted as a mangled line of the run; an end line so ends it at once", async () => {
  const printed = printedHashed(hashedRun());
  const at = lineOf(printed, "thin.vtable");
  printed[at] = printed[at].replace("@tc2 ", "@c2 ");
  const { lines, summary } = await collect(printed);
  assert.ok(summary.problems.includes(`1 protocol line(s) failed validation: 1 ${NO_PREFIX}`), summary.problems.join("\n"));
  assert.equal(lines.filter((l) => l.t === "result" && l.id === "thin.vtable").length, 0);
  const end = printedHashed(hashedRun());
  end[end.length - 1] = end.at(-1)!.replace("@tc2 ", "tc2 ");
  assert.match((await collect(end)).stopped ?? "", /the board's end line failed validation \(mangled \(no prefix\)\)/);
});

test("a mangled end line ends the run at once, naming the hash", async () => {
  const printed = printedHashed(hashedRun());
  printed[printed.length - 1] = printed.at(-1)!.replace(`"count":${N}`, `"count":${N + 1}`);
  const { stopped } = await collect(printed);
  assert.match(stopped ?? "", /the board's end line failed validation \(mangled \(hash mismatch\)\)/);
});

test("older firmware (no hash announced, no hashes) and older results files read as before", async () => {
  const older = runLines().filter((l) => l.t !== "host").map((l) => `@tc2 ${JSON.stringify(l)}`);
  const { summary } = await collect(older);
  assert.deepEqual(summary.problems, []);
  assert.deepEqual(summarize(runLines()), summary);
});
