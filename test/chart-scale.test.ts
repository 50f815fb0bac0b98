/** The Pareto frontier and the scatter's labels: the same answers as the quadratic versions, at any size. */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { BenchSummary, StyleSummary } from "../scripts/bench/schema.ts";
import { summarize } from "../scripts/bench/summary.ts";
import { paretoChart } from "../scripts/report/chart-pareto.ts";
import { paretoFrontier, type ParetoInput } from "../scripts/report/pareto.ts";
import { textWidth } from "../scripts/report/svg.ts";
import { runLines } from "./report-fixtures.ts";

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
  assert.equal(boxes.length, 13, "every style but the baseline");
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) assert.ok(!(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2), `${a.id} overlaps ${b.id}`);
  }
});

test("label placement grows linearly: 40k points cost about 4× 10k (not 16×)", () => {
  const summaryOf = (n: number): BenchSummary => {
    const base = summarize(runLines());
    const styles: StyleSummary[] = Array.from({ length: n }, (_, i) => ({ ...base.styles[1]!, id: `js.s${i}`, vsClass: { forOf: 0.5 + ((i * 7919) % 1000) / 1000, index: null, grow: null }, bytesPerObject: 10 + ((i * 104729) % 2000) / 10 }));
    return { ...base, styles };
  };
  // CPU time of this process, not wall time: other work on the machine does not count.
  const cpu = (n: number) => {
    const summary = summaryOf(n);
    const t0 = process.cpuUsage();
    paretoChart(summary, "big");
    const d = process.cpuUsage(t0);
    return d.user + d.system;
  };
  cpu(2000);
  const small = Math.min(cpu(10000), cpu(10000));
  const large = Math.min(cpu(40000), cpu(40000));
  assert.ok(large < small * 9, `10k: ${small / 1000} ms, 40k: ${large / 1000} ms`);
});
