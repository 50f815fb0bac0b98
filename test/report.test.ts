import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { STYLE_IDS } from "../scripts/bench/schema.ts";
import { summarize, type ResultsLine } from "../scripts/bench/summary.ts";
import { UserError } from "../scripts/errors.ts";
import { openResultsWriter, readResultsFile, splitRuns } from "../scripts/report/results-file.ts";
import { renderTable } from "../scripts/report/table.ts";
import { paretoFrontier, renderHtml, renderHtmlParts } from "../scripts/report/html.ts";
import { runLabels } from "../scripts/report/format.ts";
import { runReport } from "../scripts/report/command.ts";
import { runLines } from "./support/report-fixtures.ts";
import { legacyRunLines } from "./support/report-fixtures-v1.ts";

const tmp = () => mkdtempSync(join(tmpdir(), "thincall-report-"));
const toFile = (lines: (ResultsLine | string)[]) => {
  const path = join(tmp(), "run.jsonl");
  writeFileSync(path, lines.map((l) => (typeof l === "string" ? l : JSON.stringify(l))).join("\n") + "\n");
  return path;
};

/** A writable stream that keeps what it was given. */
function sink() {
  let text = "";
  const stream = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  return { stream, text: () => text };
}

// ── results files ──────────────────────────────────────────────────────────

test("readResultsFile skips and counts garbage lines", () => {
  const [host, hello, ...rest] = runLines();
  const path = toFile([
    host, "ESP32 boot banner", hello, "", `{"t":"result","id":"js.class"}`, `{"t":"mystery","x":1}`,
    "@tc2 not json either", ...rest, `{"t":"result","id":"thin.pa`,
  ]);
  const { lines, skipped } = readResultsFile(path);
  assert.equal(skipped, 5);
  assert.equal(lines.length, 2 + rest.length);
  assert.deepEqual(lines.slice(0, 2).map((l) => l.t), ["host", "hello"]);
  assert.equal(summarize(lines).styles.length, STYLE_IDS.length);
});

test("readResultsFile rejects a field of the wrong type", () => {
  const [host, hello, ...rest] = runLines();
  const result = rest.find((l) => l.t === "result")!;
  const path = toFile([host, hello, { ...result, sum: "fast" } as unknown as ResultsLine, { ...hello, mode: "rom" } as unknown as ResultsLine]);
  assert.equal(readResultsFile(path).skipped, 2);
});

test("readResultsFile: missing file and file with nothing usable are user errors", () => {
  const missing = join(tmp(), "nope.jsonl");
  assert.throws(() => readResultsFile(missing), (e: unknown) => e instanceof UserError && e.message === `results file not found: ${missing}`);
  const junk = toFile(["garbage", "{}", "[1,2]"]);
  assert.throws(() => readResultsFile(junk), (e: unknown) => e instanceof UserError && /skipped 3 bad line\(s\)/.test(e.message));
});

test("openResultsWriter creates the folder and every line is on disk at once", () => {
  const path = join(tmp(), "nested", "deeper", "run.jsonl");
  const writer = openResultsWriter(path);
  const lines = runLines();
  lines.forEach((line, i) => {
    writer.write(line);
    assert.equal(readFileSync(path, "utf8").split("\n").length - 1, i + 1);
  });
  assert.deepEqual(readResultsFile(path), { lines, skipped: 0 });
});

test("splitRuns starts a run at each host line, or at a second hello", () => {
  const a = runLines({ board: "PICO" });
  const b = runLines({ board: "ESP32" });
  assert.deepEqual(splitRuns([...a, ...b]).map((run) => summarize(run).board), ["PICO", "ESP32"]);
  const withoutHost = [...a.slice(1), ...b.slice(1)];
  assert.deepEqual(splitRuns(withoutHost).map((run) => summarize(run).board), ["PICO", "ESP32"]);
  assert.equal(splitRuns(a).length, 1);
  assert.equal(splitRuns([...a, a[0]]).length, 1, "a trailing host line without a device answer is no run");
});

// ── terminal table ─────────────────────────────────────────────────────────

/** End column (exclusive) of each heading in a header line. */
const ends = (header: string, headings: string[]) => headings.map((h) => header.indexOf(h) + h.length);

test("renderTable, one run: title, ratio columns first, right-aligned numbers, picks at the end", () => {
  const text = renderTable([summarize(runLines())]);
  const lines = text.trimEnd().split("\n");
  assert.equal(
    lines[0],
    "PICO (ram): espruino 2v25, mode ram, core 1,234 bytes, JsVar 13 bytes, free 62,400 bytes, 150 objects, median of 1 run, µs are this machine's",
  );
  const header = lines[2];
  const headings = ["×class for…of", "×class index", "×class grow", "×baseline", "µs for…of", "µs index", "µs build", "JsVars/object", "bytes/object", "fixed JsVars", "objects that fit"];
  assert.equal(header.split(/\s{2,}/).slice(1).join("|"), headings.join("|"));
  assert.match(lines[3], /^─+$/);
  const rows = lines.slice(4, 4 + STYLE_IDS.length);
  assert.deepEqual(rows.map((r) => r.split(" ")[0]), [...STYLE_IDS]);
  for (const row of rows) {
    for (const end of ends(header, headings)) {
      assert.notEqual(row[end - 1], " ", `right-aligned under the heading: ${row}`);
      assert.ok(end === row.length || row[end] === " ");
    }
  }
  const packed = rows.find((r) => r.startsWith("thin.packed (container) "))!;
  assert.deepEqual(packed.split(/\s+/), ["thin.packed", "(container)", "1.50×", "—", "1.54×", "2.95×", "18.00", "—", "30.00", "0.7", "9.1", "40", "6,800"]);
  assert.match(text, /^thin\.batch \(kernel\)\s+0\.25×/m);
  assert.doesNotMatch(text, /virtual board/);
  assert.match(text, /What to pick on PICO \(espruino 2v25, ram\)\n  - interfaces, one method \(one object per item, any method in any order\): js\.switch, for…of 0\.67× js\.class's time/);
});

test("renderTable shows — for missing figures, error text for failed styles, ± for noisy figures", () => {
  const lines = runLines({ runs: 3, jitter: [1, 1.05, 1], errors: { "js.bind": "Out of memory" } });
  // One style's for…of time jumps in one run: its ratio to js.class spreads over 10%.
  const func = lines.find((l) => l.t === "result" && l.id === "thin.func" && l.run === 1)!;
  if (func.t === "result") func.forOfUs = 20;
  const text = renderTable([summarize(lines)]);
  const row = (id: string) => text.split("\n").find((l) => l.startsWith(id + " "))!;
  assert.deepEqual(row("js.closure").split(/\s+/).slice(3, 4), ["—"], "no grow for a single-method style");
  assert.match(row("js.bind"), /^js\.bind\s+error: Out of memory$/);
  assert.match(row("thin.func"), /^thin\.func\s+0\.82×±\s/);
  assert.doesNotMatch(row("thin.vtable"), /±/);
  assert.match(text, /± spread over 10% across runs/);
  assert.match(text, /median of 3 runs/);
});

test("renderTable, two boards side by side under their labels, short columns", () => {
  const pico = summarize(runLines());
  const esp = summarize(runLines({ board: "ESP32", mode: "flash", blocksize: 16, free: 9000, speed: 0.6, errors: { "js.bind": "Out of memory" } }));
  const lines = renderTable([pico, esp]).trimEnd().split("\n");
  assert.match(lines[0], /^PICO \(ram\): espruino/);
  assert.match(lines[1], /^ESP32 \(flash\): espruino 2v25, mode flash/);
  const table = lines.slice(3, 3 + 3 + STYLE_IDS.length);
  assert.match(table[0], /^\s+│ PICO \(ram\)\s+│ ESP32 \(flash\)$/);
  // Group separators line up on every line of the table.
  const bars = (l: string) => [...l].flatMap((c, i) => (c === "│" ? [i] : []));
  const expected = bars(table[1]);
  assert.equal(expected.length, 2);
  for (const line of table.filter((l) => !l.startsWith("─"))) assert.deepEqual(bars(line), expected, line);
  const packed = table.find((l) => l.startsWith("thin.packed"))!.split("│").map((c) => c.trim().split(/\s+/));
  assert.deepEqual(packed.slice(1), [["1.50×", "—", "1.54×", "18.00", "9.1"], ["1.50×", "—", "1.54×", "10.80", "11.2"]]);
  const bind = table.find((l) => l.startsWith("js.bind"))!.split("│").map((c) => c.trim());
  assert.equal(bind[2], "error: Out of memory");
  assert.ok(lines.some((l) => l.startsWith("×cls = time over js.class's")));
  assert.equal(lines.filter((l) => l.startsWith("What to pick on ")).length, 2, "each board gets its own picks");
});

test("a /1 results file is still read: memory figures, its call time as µs, labelled", () => {
  const path = toFile(legacyRunLines() as unknown as ResultsLine[]);
  assert.equal(readResultsFile(path).skipped, 0);
  const summary = summarize(readResultsFile(path).lines);
  assert.equal(summary.source, 1);
  const packed = summary.styles.find((s) => s.id === "thin.packed")!;
  assert.equal(packed.varsPerObject, 1);
  assert.equal(packed.callUs, 12.4);
  assert.match(renderTable([summary]), /schema \/1 file/);
});

test("virtual runs are labelled, and same-board runs get distinct labels", () => {
  const espruino = summarize(runLines());
  const quick = summarize(runLines({ engine: "quickjs", speed: 0.05 }));
  assert.deepEqual(runLabels([espruino, quick]), ["PICO (ram, espruino)", "PICO (ram, quickjs)"]);
  assert.deepEqual(runLabels([espruino, espruino]), ["PICO (ram, espruino) #1", "PICO (ram, espruino) #2"]);
  const text = renderTable([espruino, quick]);
  assert.match(text, /^PICO \(ram, quickjs\): quickjs 2v25.*\n  ! virtual board \(QuickJS\), not Espruino figures$/m);
  assert.equal(text.match(/virtual board/g)?.length, 1);
});

// ── Pareto frontier ────────────────────────────────────────────────────────

test("paretoFrontier keeps styles no other beats on both time and bytes", () => {
  const s = (id: string, time: number | null, bytesPerObject: number | null) => ({ id, time, bytesPerObject });
  const styles = [
    s("slow-small", 3, 1), s("fast-big", 1, 10), s("middle", 2, 5), s("twin", 2, 5),
    s("beaten", 2, 6), s("worst", 3, 10), s("same-time-bigger", 1, 11), s("no-bytes", 0.5, null), s("no-time", null, 0.5),
  ];
  assert.deepEqual(paretoFrontier(styles), ["fast-big", "middle", "twin", "slow-small"]);
  assert.deepEqual(paretoFrontier([]), []);
  assert.deepEqual(paretoFrontier([s("alone", 1, 1)]), ["alone"]);
});

test("paretoFrontier on a realistic run: the batch store beats everything", () => {
  const { styles } = summarize(runLines());
  const points = styles.map((s) => ({ id: s.id, time: s.vsClass.forOf, bytesPerObject: s.bytesPerObject }));
  assert.deepEqual(paretoFrontier(points), ["thin.batch"]);
  assert.deepEqual(paretoFrontier(points.filter((p) => p.id !== "thin.batch")), ["baseline.inline", "thin.grouped"]);
});

// ── HTML ───────────────────────────────────────────────────────────────────

test("renderHtml escapes every text from the results and loads nothing", () => {
  const lines = runLines({ board: `<script>alert("x")</script>&'`, errors: { "js.bind": "<b>Out of memory</b>" } });
  const html = renderHtml([summarize(lines)]);
  assert.doesNotMatch(html, /<script|<b>/i);
  assert.match(html, /&#60;script&#62;alert\(&#34;x&#34;\)&#60;\/script&#62;&#38;&#39;/);
  assert.match(html, /&#60;b&#62;Out of memory&#60;\/b&#62;/);
  assert.doesNotMatch(html, /https?:\/\/|\bsrc=|\bhref=|url\(/);
});

test("renderHtml has the header, table, three charts and the picks, with findable marks", () => {
  const pico = summarize(runLines());
  const quick = summarize(runLines({ engine: "quickjs", speed: 0.05, errors: { "js.bind": "Out of memory" } }));
  const html = renderHtml([pico, quick]);
  for (const id of ["chart-pareto", "chart-fit", "chart-shapes", "picks", "results"]) assert.match(html, new RegExp(`id="${id}"`));
  const count = (re: RegExp) => html.match(re)?.length ?? 0;
  assert.equal(count(/<g class="point[^"]*" data-style="[^"]+" data-run="PICO \(ram, espruino\)"/g), 14);
  assert.equal(count(/<g class="point[^"]*" data-style="[^"]+" data-run="PICO \(ram, quickjs\)"/g), 13);
  assert.equal(count(/<g class="point frontier"/g), 2);
  assert.match(html, /<span class="warn virtual">virtual board \(QuickJS\), not Espruino figures<\/span>/);
  assert.match(html, /Not shown, no figure — PICO \(ram, quickjs\): js\.bind \(Out of memory\)/);
  assert.equal(count(/<rect class="bar" data-style="[^"]+" data-run="[^"]+" data-series="objectsFit"/g), 15 + 14);
  assert.equal(count(/<ul class="picks"/g), 2);
  assert.ok(html.indexOf('id="picks"') < html.indexOf('id="results"'), "What to pick comes first, before the figures behind it");
  // Every chart has a caption; the two loop-shape charts say which loop they are, on their axes too.
  assert.equal(count(/<figure[^>]*><figcaption>/g), count(/<figure/g));
  const axes = [...html.matchAll(/data-shape="(\w+)"[\s\S]*?class="axis-label"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]);
  assert.equal(axes.length, 2);
  assert.notEqual(axes[0][1], axes[1][1], "distinct axis labels");
  assert.match(axes[0][1], /for…of loop/);
  assert.match(axes[1][1], /index loop/);
});

// ── command ────────────────────────────────────────────────────────────────

test("runReport prints one table for all runs, warns about bad lines, writes HTML", async () => {
  const one = toFile([...runLines(), "garbage"]);
  const two = toFile([...runLines({ board: "ESP32", mode: "flash", speed: 0.6 }), ...runLines({ engine: "quickjs", speed: 0.05 })]);
  const html = join(tmp(), "out", "report.html");
  const out = sink();
  const err = sink();
  await runReport([one, two], { html, out: out.stream, err: err.stream });
  assert.equal(err.text(), `skipped 1 bad line(s) in ${one}\n`);
  assert.match(out.text(), /│ PICO \(ram, espruino\)\s+│ ESP32 \(flash\)\s+│ PICO \(ram, quickjs\)\n/);
  assert.ok(out.text().endsWith(`wrote ${html}\n`));
  assert.ok(existsSync(html));
  assert.match(readFileSync(html, "utf8"), /id="chart-pareto"/);
});

test("runReport without files is a user error with usage", async () => {
  await assert.rejects(runReport([], {}), (e: unknown) => e instanceof UserError && /usage: thincall report/.test(e.message));
});

test("the HTML page comes in sections, rendered one at a time, that make the same page", () => {
  const s = summarize(runLines());
  const parts = renderHtmlParts([s]);
  const first = parts.next();
  assert.match(first.value as string, /^<!doctype html>/);
  const rest = [...parts];
  // The head, each section in its pieces (a bar, a figure, a row), the tail: `report --html` writes them and lets them go.
  for (const id of ["picks", "chart-pareto", "chart-fit", "chart-shapes", "chart-capacity"]) {
    assert.ok(rest.some((part) => part.startsWith(`<section id="${id}">`)), `${id} starts a part of its own`);
  }
  assert.equal([first.value, ...rest].join(""), renderHtml([s]));
});
