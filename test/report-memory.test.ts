/**
 * `report` on files of many runs holds what it needs, not the file: each run's records are let go
 * at its last line, the page and the table are written in parts that do not grow with the runs.
 * Counts, not clocks or heap sizes: these hold on a busy machine.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { summarizeRuns, type ResultsLine } from "../scripts/bench/summary.ts";
import { UserError } from "../scripts/errors.ts";
import { renderHtml, renderHtmlParts } from "../scripts/report/html.ts";
import { CHUNK_BYTES, fileSource, summarizeResultsFile } from "../scripts/report/results-file.ts";
import { LONGEST_LINE, createLineReader, parseResultsText, splitRuns, toResultsText } from "../scripts/report/results-lines.ts";
import { summarizeSource, textSource } from "../scripts/report/results-stream.ts";
import { renderTable, renderTableParts } from "../scripts/report/table.ts";
import { streamWrite, writeParts } from "../scripts/report/write-parts.ts";
import { runLines } from "./support/report-fixtures.ts";
import { manyRunsText } from "./support/report-scale-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "thincall-report-memory-"));
/** What `report` read before it streamed: every line in memory, then split and summarized. */
const wholeFile = (text: string) => summarizeRuns(splitRuns(parseResultsText(text).lines));
const ONE_RUN = runLines().length;

test("runs one after the other: each is summarized at its last line, so the records held at once are one run's, however many runs", () => {
  for (const runs of [1, 40, 160]) {
    const text = manyRunsText(runs);
    const read = summarizeSource(textSource(text));
    assert.deepEqual(read.summaries, wholeFile(text));
    assert.equal(read.summaries.length, runs);
    assert.equal(read.lines, runs * ONE_RUN);
    assert.equal(read.mostHeld, ONE_RUN, `${runs} runs`);
  }
});

test("interleaved runs stay whole, a line after a run's end still joins it, and only the open runs' records are held", () => {
  const a = runLines({ runId: "ra" });
  const b = runLines({ runId: "rb", board: "ESP32" });
  const mixed: ResultsLine[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) mixed.push(...(i < a.length ? [a[i]] : []), ...(i < b.length ? [b[i]] : []));
  // Run a's end is long past when one more of its results comes: it is a's, and a problem of a's.
  const late = a.find((l) => l.t === "result")!;
  const c = runLines({ runId: "rc", board: "PUCKJS" });
  const text = toResultsText([...mixed, ...c, late]);
  const read = summarizeSource(textSource(text));
  assert.deepEqual(read.summaries, wholeFile(text));
  assert.deepEqual(read.summaries.map((s) => s.board), ["PICO", "ESP32", "PUCKJS"]);
  assert.ok(read.summaries[0].problems.some((p) => /^duplicate result/.test(p)), "the late line is run a's");
  assert.equal(read.summaries[1].problems.length, 0, "run b is whole and alone");
  assert.ok(read.mostHeld <= a.length + 1 + b.length + c.length, `${read.mostHeld} records held`);
});

test("the runs of a sweep are one summary, read as a stream as from memory", () => {
  const runs = [40, 150].map((n, i) => runLines({ runId: `s${i}`, n }).map((l) => (l.t === "host" ? { ...l, sweep: "sw" } : l)));
  const text = toResultsText([...runs[0], ...runs[1], ...runLines({ runId: "alone" })]);
  const read = summarizeSource(textSource(text));
  assert.deepEqual(read.summaries, wholeFile(text));
  assert.deepEqual(read.summaries.map((s) => s.sweep.length), [2, 1]);
});

test("a file is read in chunks: a line, a CRLF or a character cut by a chunk's end reads as from memory", () => {
  const error = "Out of mémoire ✓";
  const lines = manyRunsText(300).split("\n").filter(Boolean);
  let text = lines.join("\r\n").replace(/"error":"[^"]*"/g, `"error":"${error}"`) + "\r\n{not json\r\n";
  text = text.replace('"id":"js.bind","run":0,"n":150,"forOfUs"', `"id":"js.bind","run":0,"n":150,"error":"${error}","forOfUs"`);
  // A byte order mark (3 bytes), then a blank line as long as it takes for a two-byte character to start on the chunk's last byte.
  const bytes = Buffer.from(text);
  const at = bytes.lastIndexOf(Buffer.from("é"), CHUNK_BYTES - 8);
  assert.ok(at > 0 && Buffer.byteLength(text) > CHUNK_BYTES, "the file is over one chunk and has the character before its end");
  const padded = "\ufeff" + " ".repeat(CHUNK_BYTES - 1 - at - 3 - 1) + "\n" + text;
  assert.equal(Buffer.from(padded).subarray(CHUNK_BYTES - 1, CHUNK_BYTES + 1).toString(), "é");
  const file = join(dir, "chunks.jsonl");
  writeFileSync(file, padded);
  const read = summarizeResultsFile(file);
  assert.deepEqual(read.summaries, wholeFile(readFileSync(file, "utf8")));
  assert.equal(read.skipped, 1);
  assert.ok(read.summaries.some((s) => s.styles.some((st) => st.error === error)), "the cut character is read whole");
});

test("a file rewritten between the two passes is refused, one appended to (a bench still writing) is read as it was", () => {
  const file = join(dir, "changing.jsonl");
  writeFileSync(file, manyRunsText(2));
  const read = fileSource(file);
  const count = () => {
    let n = 0;
    read(() => n++);
    return n;
  };
  assert.equal(count(), 2 * ONE_RUN);
  appendFileSync(file, toResultsText(runLines({ runId: "later" })));
  assert.equal(count(), 2 * ONE_RUN, "the lines the first pass read, no more");
  writeFileSync(file, manyRunsText(2).replace(/"sum":1000/, `"sum":1001`));
  assert.throws(count, (e: unknown) => e instanceof UserError && /changed while it was read/.test(e.message));
});

/** The longest part of the page and of the terminal table for a file of `runs` runs. */
function longestParts(runs: number) {
  const { summaries } = summarizeSource(textSource(manyRunsText(runs)));
  const longest = (parts: Iterable<string>) => Math.max(...[...parts].map((p) => p.length));
  return { summaries, html: longest(renderHtmlParts(summaries)), table: longest(renderTableParts(summaries)) };
}

test("the page and the table of 4× the runs come in parts no longer than those of 1×: never one string of every run", () => {
  const one = longestParts(30);
  const four = longestParts(120);
  // A run label grows by a digit ("#100"): a few characters, not another run's worth.
  assert.ok(four.html <= one.html * 1.02, `page: ${one.html} then ${four.html} characters`);
  assert.equal([...renderHtmlParts(four.summaries)].join(""), renderHtml(four.summaries));
  assert.equal([...renderTableParts(four.summaries)].join(""), renderTable(four.summaries));
  // The table's rows are as wide as the runs side by side: a part grows with the runs as a row does, no more.
  assert.ok(four.table <= one.table * 4.2, `table: ${one.table} then ${four.table} characters`);
  assert.ok(four.table * 20 < renderTable(four.summaries).length, "a part is a line or a block, not the table");
});

test("parts are written in order through a stream that makes the writer wait, and a stream that fails ends the wait", async () => {
  let text = "";
  let mostQueued = 0;
  // A reader that takes each batch later: its buffer (one byte) is always full.
  const slow = new Writable({
    highWaterMark: 1,
    write: (chunk, _e, done) => {
      mostQueued = Math.max(mostQueued, slow.writableLength);
      text += String(chunk);
      setImmediate(done);
    },
  });
  const parts = Array.from({ length: 50_000 }, (_, i) => `part ${i};`);
  await writeParts(parts, streamWrite(slow));
  assert.equal(text, parts.join(""));
  assert.ok(mostQueued < text.length / 4, `at most ${mostQueued} of ${text.length} characters waited in the stream`);
  const broken = new Writable({ write: (_c, _e, done) => done(new Error("EPIPE")) });
  broken.on("error", () => {});
  await assert.rejects(writeParts(parts, streamWrite(broken)), /EPIPE/);
});

test("summarizeResultsFile: a file with nothing usable is one line naming what it skipped", () => {
  const file = join(dir, "junk.jsonl");
  writeFileSync(file, "junk\n{}\n");
  assert.throws(() => summarizeResultsFile(file), (e: unknown) => e instanceof UserError && /no usable lines in results file .* \(skipped 2 bad line\(s\)\)$/.test(e.message));
});

test("a line longer than many chunks is read once, not searched again at every chunk", () => {
  // 64 pieces of one 64k line: searching the line so far at every piece would read it 32 times over.
  let searched = 0;
  const piece = "x".repeat(1 << 16);
  const reader = createLineReader(() => {});
  // The reader cuts rows with split: count what it is given to search.
  const split = String.prototype.split;
  String.prototype.split = function (this: string, ...args: Parameters<typeof split>) {
    searched += this.length;
    return split.apply(this, args) as string[];
  } as typeof split;
  try {
    for (let i = 0; i < 64; i++) reader.push(piece);
    reader.push("\n{}\n");
  } finally {
    String.prototype.split = split;
  }
  reader.end();
  assert.equal(reader.skipped, 2);
  assert.ok(searched <= 65 * piece.length, `${searched} characters searched for ${64 * piece.length}`);
});

test("a line longer than any record is counted as skipped and not held, read from a file or from text", () => {
  const host = JSON.stringify(runLines()[0]);
  // Valid JSON (trailing spaces are), but no bench writes such a line: its length alone refuses it.
  const long = host + " ".repeat(LONGEST_LINE);
  const text = `${long}\n${manyRunsText(1)}${long}`;
  const file = join(dir, "long.jsonl");
  writeFileSync(file, text);
  const fromFile = summarizeResultsFile(file);
  const fromText = summarizeSource(textSource(text));
  for (const read of [fromFile, fromText]) {
    assert.equal(read.skipped, 2);
    assert.equal(read.lines, ONE_RUN);
  }
  assert.deepEqual(fromFile.summaries, fromText.summaries);
});
