/**
 * The report of one run with 100k styles (a results file of 100k lines): what its tables and
 * charts show, and that they show it at a size that does not grow with the styles. Counts, not
 * clocks: these hold on a busy machine.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { STYLE_IDS } from "../scripts/bench/schema.ts";
import { summarize } from "../scripts/bench/summary.ts";
import { leftOutText, selectForChart } from "../scripts/report/chart-selection.ts";
import { runReport } from "../scripts/report/command.ts";
import { renderHtml } from "../scripts/report/html.ts";
import { paretoFrontier } from "../scripts/report/pareto.ts";
import { toResultsText } from "../scripts/report/results-lines.ts";
import { SCATTER_POINT_LIMIT } from "../scripts/report/scatter-density.ts";
import { renderTable } from "../scripts/report/table.ts";
import { TABLE_STYLE_LIMIT } from "../scripts/report/table-limit.ts";
import { bigRunLines, generatedId } from "./support/report-scale-fixtures.ts";

/** 100k lines: the fixture's 31 and this many generated styles. */
const EXTRA = 100_000 - 31;
const big = summarize(bigRunLines(EXTRA));
const STYLES = STYLE_IDS.length + EXTRA;
let rendered: string | undefined;
/** The page, rendered once for the tests that read it. */
const page = () => (rendered ??= renderHtml([big]));

/** The SVG of the section with this id. */
const section = (html: string, id: string) => {
  const start = html.indexOf(`<section id="${id}">`);
  assert.ok(start >= 0, `${id} is on the page`);
  return html.slice(start, html.indexOf("</section>", start));
};
const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

test("the run has every style: the summary is the input the report gets", () => {
  assert.equal(big.styles.length, STYLES);
});

test("selectForChart keeps every category that fits, else the best and the worst halves by the mean over series", () => {
  assert.deepEqual(selectForChart(3, [[3, null, 1]], "higher", 4), { shown: [0, 1, 2] });
  // Best first; a category without a figure cannot be ranked and is left out.
  const values = [[5, 1, null, 4, 2, 3]];
  assert.deepEqual(selectForChart(6, values, "higher", 4), { shown: [0, 3, 4, 1], leftOut: { at: 2, count: 2, unranked: 1, best: 2, worst: 2 } });
  assert.deepEqual(selectForChart(6, values, "lower", 4).shown, [1, 4, 3, 0]);
  // Two runs: ranked by their mean (2, 2, 2, 2, 9); ties keep the style order.
  assert.deepEqual(selectForChart(5, [[1, 4, 2, 2, 9], [3, 0, 2, null, 9]], "lower", 2).shown, [0, 4]);
  assert.deepEqual(selectForChart(5, [[1, 4, 2, 2, 9], [3, 0, 2, null, 9]], "higher", 2).shown, [4, 3]);
  // Fewer ranked than the limit: all of them, the unranked counted after.
  assert.deepEqual(selectForChart(4, [[null, 2, null, 1]], "lower", 3), { shown: [3, 1], leftOut: { at: 2, count: 2, unranked: 2, best: 2, worst: 0 } });
  assert.equal(leftOutText({ at: 2, count: 2, unranked: 2, best: 2, worst: 0 }), "… 2 styles without a figure left out");
  assert.equal(leftOutText({ at: 20, count: 1001, unranked: 1, best: 20, worst: 20 }), "… 1,000 styles left out between the 20 best and the 20 worst, and 1 style without a figure");
});

test("the terminal table of a 100k-style run lists the first styles and says how many more; --all lists every one", () => {
  const text = renderTable([big]);
  const lines = text.split("\n");
  assert.ok(lines.length < 250, `${lines.length} lines`);
  const rule = lines.findIndex((l) => /^─+$/.test(l));
  const more = lines.indexOf(`… ${(STYLES - TABLE_STYLE_LIMIT).toLocaleString("en-US")} more styles (thincall report --all shows every one)`);
  const rows = lines.slice(rule + 1, more).map((l) => l.split(" ")[0]);
  assert.equal(rows.length, TABLE_STYLE_LIMIT);
  assert.deepEqual(rows.slice(0, STYLE_IDS.length + 2), [...STYLE_IDS, generatedId(0), generatedId(1)], "the bench's styles first, then the file's");
  // One problem per unknown id: the title lists ten and counts the rest.
  assert.equal(count(text, /^ {2}! problem: unknown style id/gm), 10);
  assert.match(text, /^ {2}! problem: … and 99,9\d\d more problems$/m);
  // The capacity table's columns are styles: the first 20 (the floor is none), then a count.
  const capacityHead = lines.find((l) => l.startsWith("board "))!;
  assert.equal(capacityHead.trim().split(/\s+/).length, 2 + 20);
  assert.ok(text.indexOf("What to pick on PICO") > text.lastIndexOf("more styles (thincall report --all"), "the picks stay at the end");

  const small = summarize(bigRunLines(300));
  const all = renderTable([small], true);
  for (const id of [...STYLE_IDS, generatedId(0), generatedId(299)]) assert.match(all, new RegExp(`^${id.replace(/\./g, "\\.")}( \\(batch\\))?\\s`, "m"));
  assert.doesNotMatch(all, /more styles? \(thincall report --all/);
});

test("the bar charts of a 100k-style run draw the 20 best and 20 worst and say in the chart how many they left out", () => {
  const html = page();
  const fit = section(html, "chart-fit");
  assert.equal(count(fit, /<rect class="bar"/g), 40);
  const ranked = big.styles.filter((s) => s.objectsFit !== null).sort((a, b) => b.objectsFit! - a.objectsFit!);
  // Ties at the edges may pick another style of the same figure: compare figures, not ids.
  const drawn = [...fit.matchAll(/<rect class="bar" data-style="([^"]+)"/g)].map((m) => big.styles.find((s) => s.id === m[1])!.objectsFit);
  assert.deepEqual(drawn, [...ranked.slice(0, 20), ...ranked.slice(-20)].map((s) => s.objectsFit));
  const noFigure = big.styles.length - ranked.length;
  const between = (STYLES - 40 - noFigure).toLocaleString("en-US");
  assert.match(fit, new RegExp(`<text class="left-out"[^>]*>… ${between} styles left out between the 20 best and the 20 worst, and ${noFigure.toLocaleString("en-US")} styles without a figure</text>`));
  const shapes = section(html, "chart-shapes");
  assert.equal(count(shapes, /<rect class="bar"/g), 80, "two charts, 40 each");
  assert.equal(count(shapes, /<text class="left-out"/g), 2);
  // Lower is better on the loop shapes: the fastest style comes first.
  const fastest = Math.min(...big.styles.flatMap((s) => (s.vsClass.forOf === null ? [] : [s.vsClass.forOf])));
  const first = /<svg[^>]*data-shape="forOf"[\s\S]*?<rect class="bar" data-style="([^"]+)"/.exec(shapes)![1];
  assert.equal(big.styles.find((s) => s.id === first)!.vsClass.forOf, fastest);
  // The "no figure" notes name ten styles per run and count the rest.
  assert.match(fit, /<p class="note">Not shown, no figure — PICO \(ram\): ([^,]+, ){9}[^,]+ and [\d,]+ more\.<\/p>/);
});

test("the scatter of a 100k-style run draws its frontier as points, the rest as density, and says so", () => {
  const html = page();
  const pareto = section(html, "chart-pareto");
  const frontier = paretoFrontier(
    big.styles.filter((s) => s.id !== "baseline.inline").map((s) => ({ id: s.id, time: s.vsClass.forOf, bytesPerObject: s.bytesPerObject })),
  );
  assert.ok(frontier.length < SCATTER_POINT_LIMIT);
  assert.equal(count(pareto, /<g class="point frontier"/g), frontier.length);
  assert.equal(count(pareto, /<g class="point"/g), 0, "no style off the frontier is drawn one by one");
  const cells = [...pareto.matchAll(/<rect class="density"[^>]*data-count="(\d+)"/g)].map((m) => Number(m[1]));
  assert.ok(cells.length > 100 && cells.length < (640 / 6) * (420 / 6), `${cells.length} density squares`);
  const drawn = big.styles.filter((s) => s.id !== "baseline.inline" && s.vsClass.forOf !== null && s.bytesPerObject !== null).length;
  assert.equal(cells.reduce((a, b) => a + b, 0), drawn - frontier.length, "every other style is counted in one square");
  assert.match(pareto, new RegExp(`<text class="left-out"[^>]*>${drawn.toLocaleString("en-US")} styles: the frontier as points, the other ${(drawn - frontier.length).toLocaleString("en-US")} as density`));
});

test("the page of a 100k-style run stays the size of a small one, with its table capped like the terminal's", () => {
  const html = page();
  assert.ok(html.length < 1_000_000, `${html.length} characters`);
  const results = html.slice(html.indexOf('<table id="results">'), html.indexOf("</table>"));
  assert.equal(count(results, /<tr><td class="style">/g), TABLE_STYLE_LIMIT);
  assert.match(results, /<td class="left-out" colspan="12">… 99,884 more styles \(thincall report --all shows every one\)<\/td>/);
  const capacity = section(html, "chart-capacity");
  assert.equal(count(capacity, /<g class="cell" data-board="emu"/g), 20);
  const failed = big.styles.filter((s) => s.varsPerObject === null).length;
  const between = (STYLES - 1 - 20 - failed).toLocaleString("en-US");
  assert.match(capacity, new RegExp(`<text class="left-out"[^>]*>… ${between} styles left out between the 10 best and the 10 worst, and ${failed.toLocaleString("en-US")} styles without a figure</text>`));
});

test("runReport --all on a file of 300 styles lists them all, in the terminal and on the page", async () => {
  const dir = mkdtempSync(join(tmpdir(), "thincall-report-scale-"));
  const file = join(dir, "many.jsonl");
  writeFileSync(file, toResultsText(bigRunLines(300)));
  let text = "";
  const out = new Writable({ write: (chunk, _e, done) => ((text += String(chunk)), done()) });
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  const html = join(dir, "many.html");
  // The generated run has failed styles, so report ends with its one-line error, after writing everything.
  const untrusted = { message: /^1 of 1 run\(s\) are incomplete or have problems/ };
  await assert.rejects(runReport([file], { html, all: true, out, err: quiet }), untrusted);
  assert.match(text, new RegExp(`^${generatedId(299).replace(".", "\\.")}\\s`, "m"));
  assert.equal(count(readFileSync(html, "utf8"), /<tr><td class="style">/g), STYLE_IDS.length + 300);
  text = "";
  await assert.rejects(runReport([file], { out, err: quiet }), untrusted);
  assert.match(text, /^… 215 more styles \(thincall report --all shows every one\)$/m);
});

test("the other shape of 100k lines, 1,000 styles over 100 runs: one problem per line is counted, not listed, on every caption", () => {
  const runs = summarize(bigRunLines(1000 - STYLE_IDS.length, 100));
  assert.equal(runs.runs, 100);
  assert.ok(runs.problems.length > 90_000, "an unknown id is a problem on each of its result lines");
  const html = renderHtml([runs]);
  // The run's warnings head the page and every chart's caption: listed in full, they made a 19 MB page.
  assert.ok(html.length < 1_000_000, `${html.length} characters`);
  // (Captions that name a run: the charts of all runs, such as the bars, say what they show instead.)
  assert.equal(count(html, /<span class="warn virtual">problem: … and [\d,]+ more problems<\/span>/g), count(html, /<figure data-run="[^"]*"><figcaption>/g) + 1);
  assert.equal(count(section(html, "chart-fit"), /<rect class="bar"/g), 40);
});
