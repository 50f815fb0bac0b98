/**
 * Opens the generated HTML report in a real headless Chromium and checks that the charts
 * render: sizes, point and bar counts, the frontier, readable labels. Skipped, with a message,
 * when Chromium is not installed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Writable } from "node:stream";
import { chromium, type Page } from "playwright-core";
import { runReport } from "../scripts/report/command.ts";
import { openResultsWriter } from "../scripts/report/results-file.ts";
import { runLines } from "./support/report-fixtures.ts";

const CHROMIUM = process.env.CHROMIUM_BIN ?? "/usr/bin/chromium";
const SKIP = existsSync(CHROMIUM) ? false : `chromium not found at ${CHROMIUM}: skipping browser test; apt-get install chromium`;
if (SKIP) process.stderr.write(`${SKIP}\n`);

const FRONTIER = ["thin.batch"];

/** Writes three runs through the real writer and command; returns the HTML path. */
async function buildReport(dir: string): Promise<string> {
  const writer = openResultsWriter(join(dir, "results.jsonl"));
  const esp = runLines({ board: "ESP32", mode: "flash", blocksize: 16, free: 9000, speed: 0.6, errors: { "js.bind": "Out of memory" } });
  const rp = runLines({ board: "RP2040", blocksize: 14, free: 11000, speed: 0.8, runs: 3, jitter: [1, 1.3, 1] });
  for (const line of [...runLines(), ...esp, ...rp]) writer.write(line);
  const html = join(dir, "report.html");
  const quiet = new Writable({ write: (_c, _e, done) => done() });
  await runReport([writer.path], { html, out: quiet, err: quiet });
  return html;
}

const RUNS = { pico: "PICO (ram)", esp: "ESP32 (flash)", rp: "RP2040 (ram)" };

/** Bounding boxes of the elements matching `selector`, in page pixels. */
const boxes = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; }));

/** Contrast ratios (WCAG) of body text, notes and axis labels against the page background, computed in the page. */
const CONTRASTS = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = (c) => {
    const [r, g, b] = rgb(c).map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
    return (x + 0.05) / (y + 0.05);
  };
  const bg = getComputedStyle(document.body).backgroundColor;
  const color = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
  return { bg, text: contrast(color("body", "color"), bg), note: contrast(color(".note", "color"), bg), axis: contrast(color(".axis-label", "fill"), bg) };
})()`;

test("HTML report renders its charts in Chromium", { skip: SKIP, timeout: 60_000 }, async (t) => {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "thincall-report-browser-"));
  const htmlPath = await buildReport(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(pathToFileURL(htmlPath).href);

  // Three runs side by side stay readable at 1280 px: the table fits without scrolling sideways.
  const [table] = await boxes(page, "table#results");
  assert.ok(table.x >= 0 && table.x + table.w <= 1280, `table spans ${table.x}..${table.x + table.w}`);
  assert.equal(await page.$$eval("table#results tbody tr", (rows) => rows.length), 15);

  for (const id of ["chart-pareto", "chart-fit", "chart-shapes"]) {
    for (const box of await boxes(page, `#${id} svg`)) assert.ok(box.w > 100 && box.h > 100, `${id} has a size`);
    assert.equal((await boxes(page, `#${id} .legend`)).length > 0, true, `${id} has a legend`);
    assert.ok(await page.locator(`#${id} .axis-label`).first().isVisible(), `${id} has axis labels`);
  }

  // Scatter: one point per style with both figures; the baseline is a reference line, js.bind failed on ESP32.
  const pointIds = (run: string, extra = "") =>
    page.$$eval(`#chart-pareto .point${extra}[data-run="${run}"]`, (els) => els.map((e) => e.getAttribute("data-style")));
  assert.equal((await pointIds(RUNS.pico)).length, 14);
  assert.equal((await pointIds(RUNS.esp)).length, 13);
  for (const run of Object.values(RUNS)) assert.deepEqual((await pointIds(run, ".frontier")).sort(), [...FRONTIER].sort());
  for (const box of await boxes(page, "#chart-pareto .point circle")) assert.ok(box.w > 0 && box.h > 0);

  // Every label is visible and no two labels of one chart overlap.
  for (const run of Object.values(RUNS)) {
    const labels = await boxes(page, `#chart-pareto .point[data-run="${run}"] text`);
    assert.equal(labels.length, run === RUNS.esp ? 13 : 14);
    for (const [i, a] of labels.entries()) {
      assert.ok(a.w > 20 && a.h > 5, "label has a size");
      for (const b of labels.slice(i + 1)) {
        const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
        assert.ok(apart, `labels overlap in ${run}`);
      }
    }
  }
  assert.ok(await page.locator(`#chart-pareto .point[data-style="thin.packed"] text`).first().isVisible());

  // Fit: one bar per run and style with a figure (no failed js.bind on ESP32).
  const fitBars = await boxes(page, "#chart-fit rect.bar");
  assert.equal(fitBars.length, 15 + 14 + 15);
  assert.ok(fitBars.every((b) => b.w > 0 && b.h > 0));
  assert.equal((await boxes(page, `#chart-fit rect.bar[data-run="${RUNS.esp}"]`)).length, 14);
  assert.ok(await page.locator("#chart-fit text.category", { hasText: "thin.packed" }).isVisible());

  // Loop shapes: one bar per run and style with a ratio, in one chart per shape (shared axes).
  assert.equal((await boxes(page, `#chart-shapes svg[data-shape="forOf"] rect.bar`)).length, 15 + 14 + 15);
  assert.equal((await boxes(page, `#chart-shapes svg[data-shape="index"] rect.bar[data-run="${RUNS.pico}"]`)).length, 12);

  // The noisy run is flagged, and each board gets its picks.
  assert.ok((await page.locator("table#results td", { hasText: "±" }).count()) > 0);
  assert.equal(await page.locator("#picks ul.picks").count(), 3);

  // Every chart is captioned, and the two loop-shape charts name their loop on the axis as well.
  const figures = await page.$$eval("figure", (els) => els.map((f) => f.querySelector("figcaption")?.textContent?.trim() ?? ""));
  assert.ok(figures.length >= 5 && figures.every((c) => c.length > 0), `captions: ${JSON.stringify(figures)}`);
  const shapeAxes = await page.$$eval("#chart-shapes svg .x-axis .axis-label", (els) => els.map((e) => e.textContent));
  assert.equal(new Set(shapeAxes).size, 2, `axis labels: ${JSON.stringify(shapeAxes)}`);
  assert.ok((await boxes(page, "#picks"))[0].y < (await boxes(page, "table#results"))[0].y, "What to pick comes before the results");

  // Readable in both colour schemes: body text, notes and axis labels keep 4.5:1 against the page.
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // As a string: tsx names the arrow functions of a compiled callback with a helper the page lacks.
    const ratios = (await page.evaluate(CONTRASTS)) as Record<string, number | string>;
    for (const [what, ratio] of Object.entries(ratios)) if (what !== "bg") assert.ok((ratio as number) >= 4.5, `${scheme}: ${what} contrast ${ratio} on ${ratios.bg}`);
    if (scheme === "dark") assert.match(String(ratios.bg), /rgb\((\d|[1-5]\d), /, `a dark background: ${ratios.bg}`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  assert.deepEqual(requests.filter((url) => !url.startsWith("file:")), [], "the page loads nothing from outside");

  const shot = join(dir, "report.png");
  await page.screenshot({ path: shot, fullPage: true });
  assert.ok(statSync(shot).size > 10_000);
  t.diagnostic(`screenshot: ${shot} (${Date.now() - started} ms)`);
});
