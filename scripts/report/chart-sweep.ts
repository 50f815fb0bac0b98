/**
 * A line chart of one figure against N, a line per style: how a ratio moves with the container's
 * size. The sizes are evenly spaced (they are few, and often far apart: 100, 257, 1000).
 */
import { LABEL_HEIGHT } from "./label-placement.ts";
import { escapeXml, linearScale, svgOpen, tickText, yAxis, type Frame } from "./svg.ts";

/** One style's figure at each N (null where it has none). */
export interface SweepSeries {
  id: string;
  values: (number | null)[];
}

/** What {@link sweepChart} draws. */
export interface SweepChartSpec {
  title: string;
  /** `data-kind` of the chart: "time" or "ram". */
  kind: string;
  run: string;
  ns: number[];
  series: SweepSeries[];
  axisLabel: string;
}

const COLORS = ["#2563eb", "#d97706", "#059669", "#9333ea", "#dc2626", "#0891b2", "#4b5563", "#be185d"];
const WIDTH = 720;
const HEIGHT = 360;
/** Room on the right for each line's style id. */
const LABELS = 190;

/** The chart as an inline `<svg>`; each line carries `data-style`, each point `data-n`. */
export function sweepChart(spec: SweepChartSpec): string {
  const frame: Frame = { left: 64, top: 14, right: WIDTH - LABELS, bottom: HEIGHT - 44 };
  const all = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const y = linearScale(all, [frame.bottom, frame.top]);
  const step = spec.ns.length > 1 ? (frame.right - frame.left - 40) / (spec.ns.length - 1) : 0;
  const x = (i: number) => frame.left + 20 + i * step;
  const xTicks = spec.ns
    .map((n, i) => `<text class="tick" x="${x(i).toFixed(1)}" y="${frame.bottom + 15}" text-anchor="middle">${tickText(n)}</text>`)
    .join("");
  const xAxis =
    `<g class="axis x-axis">${xTicks}<line class="axis-line" x1="${frame.left}" x2="${frame.right}" y1="${frame.bottom}" y2="${frame.bottom}"/>` +
    `<text class="axis-label" x="${(frame.left + frame.right) / 2}" y="${frame.bottom + 34}" text-anchor="middle">objects per container (N)</text></g>`;
  // End labels stacked top to bottom, never on one another: the js.* lines end close together.
  const ends = spec.series
    .map((s, k) => ({ k, v: [...s.values].reverse().find((v): v is number => v !== null) }))
    .filter((e): e is { k: number; v: number } => e.v !== undefined)
    .sort((a, b) => y(a.v) - y(b.v));
  const labelY = new Map<number, number>();
  let next = -Infinity;
  for (const e of ends) {
    const at = Math.max(y(e.v), next);
    labelY.set(e.k, at);
    next = at + LABEL_HEIGHT - 2;
  }
  const lines = spec.series.map((s, k) => {
    const color = COLORS[k % COLORS.length];
    const pts = s.values.flatMap((v, i) => (v === null ? [] : [{ i, v, px: x(i), py: y(v) }]));
    if (!pts.length) return "";
    const path = pts.map((p, j) => `${j ? "L" : "M"}${p.px.toFixed(1)} ${p.py.toFixed(1)}`).join("");
    const dots = pts.map((p) => `<circle class="dot" cx="${p.px.toFixed(1)}" cy="${p.py.toFixed(1)}" r="3" fill="${color}" data-n="${spec.ns[p.i]}"><title>${escapeXml(`${s.id} at N=${spec.ns[p.i]}: ${p.v.toFixed(2)}`)}</title></circle>`);
    const last = pts[pts.length - 1];
    return (
      `<g class="sweep-line" data-style="${escapeXml(s.id)}"><path d="${path}" fill="none" stroke="${color}" stroke-width="1.5"/>${dots.join("")}` +
      `<line class="leader" x1="${last.px.toFixed(1)}" y1="${last.py.toFixed(1)}" x2="${frame.right + 4}" y2="${labelY.get(k)!.toFixed(1)}"/>` +
      `<text class="mono" x="${frame.right + 6}" y="${labelY.get(k)!.toFixed(1)}" dy="0.32em" fill="${color}">${escapeXml(s.id)}</text></g>`
    );
  });
  return (
    `${svgOpen(WIDTH, HEIGHT, `class="sweep" data-kind="${escapeXml(spec.kind)}" data-run="${escapeXml(spec.run)}"`, spec.title)}` +
    `${yAxis(y, frame, spec.axisLabel)}${xAxis}${lines.join("")}</svg>`
  );
}
