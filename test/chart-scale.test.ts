/** The Pareto frontier and the scatter's labels: the same answers as the quadratic versions, at any size. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { StyleSummary } from "../scripts/bench/schema.ts";
import { summarize } from "../scripts/bench/summary.ts";
import { paretoChart } from "../scripts/report/chart-pareto.ts";
import { placeLabels } from "../scripts/report/label-placement.ts";
import { OccupancyGrid } from "../scripts/report/occupancy.ts";
import { paretoFrontier, type ParetoInput } from "../scripts/report/pareto.ts";
import { textWidth } from "../scripts/report/svg.ts";
import { runLines } from "./support/report-fixtures.ts";

/** The definition, checked against every other point. */
function bruteFrontier(styles: ParetoInput[]): string[] {
  const pts = styles.flatMap((s) => (s.time !== null && s.bytesPerObject !== null ? [{ id: s.id, us: s.time, bytes: s.bytesPerObject }] : []));
  return pts
    .filter((p) => !pts.some((q) => q.us <= p.us && q.bytes <= p.bytes && (q.us < p.us || q.bytes < p.bytes)))
    .sort((a, b) => a.us - b.us || a.bytes - b.bytes)
    .map((p) => p.id);
}

test("paretoFrontier equals the definition (ties, duplicates and missing figures included)", () => {
  const small = fc.integer({ min: 0, max: 6 });
  const style = fc.record({ time: fc.option(small, { nil: null }), bytesPerObject: fc.option(small, { nil: null }) });
  fc.assert(
    fc.property(fc.array(style, { maxLength: 40 }), (raw) => {
      const styles = raw.map((s, i) => ({ id: `s${i}`, ...s }));
      assert.deepEqual(paretoFrontier(styles), bruteFrontier(styles));
    }),
  );
});

/** Label boxes as drawn: `<text … x y text-anchor>id</text>` of each point. */
function labelBoxes(svg: string) {
  return [...svg.matchAll(/<text class="mono" x="([\d.]+)" y="([\d.]+)" dy="0.32em" text-anchor="(start|end)">([^<]*)<\/text>/g)].map((m) => {
    const w = textWidth(m[4]!);
    const x1 = m[3] === "start" ? Number(m[1]) : Number(m[1]) - w;
    return { id: m[4]!, x1, x2: x1 + w, y1: Number(m[2]) - 7, y2: Number(m[2]) + 7 };
  });
}

test("the styles of a run get labels that do not overlap", () => {
  const svg = paretoChart(summarize(runLines()), "PICO");
  const boxes = labelBoxes(svg);
  assert.equal(boxes.length, 14, "every style but the baseline");
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) assert.ok(!(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2), `${a.id} overlaps ${b.id}`);
  }
});

test("label placement work grows linearly: 40k points visit about 4× the grid cells of 10k (not 16×)", () => {
  // Cells read and written, counted by the grid: the same on a busy machine as on an idle one.
  const work = (n: number) => {
    const points = Array.from({ length: n }, (_, i) => ({ id: `js.s${i}`, x: 70 + ((i * 7919) % 550), y: 40 + ((i * 104729) % 330) }));
    const grid = new OccupancyGrid(640, 420);
    const labels = placeLabels(points, [], { width: 640, height: 420, frame: { left: 70, top: 40, right: 620, bottom: 370 } }, grid);
    return { cells: grid.cellsVisited, placed: labels.filter(Boolean).length };
  };
  const small = work(10_000);
  const large = work(40_000);
  assert.ok(small.placed > 0 && small.placed < 10_000, `a crowded chart labels what fits (${small.placed})`);
  assert.ok(large.cells < small.cells * 5, `10k: ${small.cells} cells, 40k: ${large.cells} cells`);
});

test("a label with no free spot gets none, and the scatter counts them under its axis", () => {
  const base = summarize(runLines());
  // Twelve styles on one spot: the first labels take the free spots around it, the rest find none.
  const styles: StyleSummary[] = Array.from({ length: 40 }, (_, i) => ({ ...base.styles[2]!, id: `js.same${i}`, vsClass: { forOf: 1, index: null, grow: null }, bytesPerObject: 50 }));
  const svg = paretoChart({ ...base, styles }, "PICO");
  const labelled = labelBoxes(svg).length;
  assert.ok(labelled > 0 && labelled < 40, `${labelled} labelled`);
  assert.equal(svg.match(/<g class="point[^"]*"[^>]*><title>js\.same\d+<\/title>/g)?.length, 40 - labelled, "the others name their style on hover");
  assert.match(svg, new RegExp(`<text class="left-out"[^>]*>${40 - labelled} of 40 points unlabelled for want of room`));
});
