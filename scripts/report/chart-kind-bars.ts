/**
 * A horizontal bar per item, each bar coloured by its kind (one series, unlike chart-bars.ts's
 * groups): the RAM map's globals, coloured code, data, built-in or internal.
 */
import { escapeXml, legend, linearScale, svgOpen, textWidth, xAxis, type Frame } from "./svg.ts";

/** One bar. */
export interface KindBar {
  label: string;
  value: number;
  /** Key into the chart's kinds. */
  kind: string;
}

const WIDTH = 640;
const ROW = 16;

/** Renders the bars (`rect.bar` with `data-kind`), a legend of the kinds present, and the axis. */
export function kindBarChart(bars: readonly KindBar[], kinds: Record<string, { label: string; color: string }>, attrs: string, title: string, axisLabel: string): string {
  const left = Math.ceil(bars.reduce((w, b) => Math.max(w, textWidth(b.label)), 60) + 16);
  const frame: Frame = { left, top: 36, right: WIDTH - 56, bottom: 36 + bars.length * ROW + 4 };
  const x = linearScale(bars.map((b) => b.value), [frame.left, frame.right]);
  const rows = bars.map((b, i) => {
    const y = frame.top + i * ROW + 2;
    const w = Math.max(1, x(b.value) - x(0));
    return (
      `<text class="label mono" x="${left - 6}" y="${y + 6}" dy="0.32em" text-anchor="end">${escapeXml(b.label)}</text>` +
      `<rect class="bar" data-kind="${escapeXml(b.kind)}" x="${x(0).toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 4}" fill="${kinds[b.kind]?.color ?? "#999"}">` +
      `<title>${escapeXml(`${b.label}: ${b.value.toLocaleString("en-US")}`)}</title></rect>` +
      `<text class="value" x="${(x(0) + w + 4).toFixed(1)}" y="${y + 6}" dy="0.32em">${b.value.toLocaleString("en-US")}</text>`
    );
  });
  const present = Object.entries(kinds).filter(([k]) => bars.some((b) => b.kind === k));
  return (
    svgOpen(WIDTH, frame.bottom + 46, attrs, title) +
    legend(present.map(([, v]) => ({ swatch: `<rect width="12" height="12" fill="${v.color}"/>`, label: v.label })), frame.left, 12) +
    rows.join("") +
    xAxis(x, frame, axisLabel) +
    `</svg>`
  );
}
