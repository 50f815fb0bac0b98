/**
 * Horizontal grouped bar chart: one group per style, one bar per series. Horizontal, so the
 * long style ids read as plain labels on the left.
 */
import { escapeXml, legendParts, linearScale, svgOpen, textWidth, xAxis, type Frame } from "./svg.ts";

/** One bar per category; null values get a dash instead of a bar (the caller notes them). */
export interface BarSeries {
  /** Legend text. */
  label: string;
  /** `data-run` of its bars. */
  run: string;
  /** `data-series` of its bars. */
  key: string;
  color: string;
  values: readonly (number | null)[];
}

/** What to draw. */
export interface BarChartSpec {
  /** Extra attributes of the `<svg>` (class, data-run). */
  attrs: string;
  /** Accessible title. */
  title: string;
  /** Style ids, one group each. */
  categories: readonly string[];
  series: readonly BarSeries[];
  axisLabel: string;
  /** Text of a value at the end of its bar. */
  format: (value: number) => string;
  /**
   * A row saying what the chart left out (see chart-selection.ts), drawn before category `at`.
   * @default none
   */
  leftOut?: { at: number; text: string };
}

const WIDTH = 640;
const BAR = 12;
const BAR_GAP = 2;
const GROUP_GAP = 10;
const LEFT_OUT_ROW = 24;

/**
 * Renders the chart; each bar is a `rect.bar` with `data-style`, `data-run`, `data-series`, and
 * the left-out row, if any, a `text.left-out`. Draws every category it is given: callers with
 * thousands of styles choose what to draw first (chart-selection.ts).
 */
export function barChart(spec: BarChartSpec): string {
  return [...barChartParts(spec)].join("");
}

/** {@link barChart} bar by bar, each made when asked for: a chart of thousands of runs is never one string. */
export function* barChartParts(spec: BarChartSpec): Generator<string> {
  const groupHeight = spec.series.length * (BAR + BAR_GAP) - BAR_GAP + GROUP_GAP;
  const left = Math.ceil(spec.categories.reduce((widest, c) => Math.max(widest, textWidth(c)), 60) + 16);
  const leftOut = spec.leftOut;
  // The left-out row is one line of text, whatever the number of series.
  const leftOutHeight = leftOut ? LEFT_OUT_ROW : 0;
  const frame: Frame = { left, top: 36, right: WIDTH - 56, bottom: 36 + spec.categories.length * groupHeight + leftOutHeight + 4 };
  const height = frame.bottom + 46;
  const values = spec.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const x = linearScale(values, [frame.left, frame.right]);
  const zero = x(0);

  yield svgOpen(WIDTH, height, spec.attrs, spec.title) +
    xAxis(x, frame, spec.axisLabel) +
    `<line class="zero" x1="${zero.toFixed(1)}" x2="${zero.toFixed(1)}" y1="${frame.top}" y2="${frame.bottom}"/>`;
  const leftOutRow = (at: number, text: string) =>
    `<text class="left-out" x="${((frame.left + frame.right) / 2).toFixed(1)}" y="${(frame.top + 4 + at * groupHeight + (leftOutHeight - GROUP_GAP) / 2).toFixed(1)}" ` +
    `dy="0.32em" text-anchor="middle">${escapeXml(text)}</text>`;
  for (let c = 0; c < spec.categories.length; c++) {
    if (leftOut && c === leftOut.at) yield leftOutRow(leftOut.at, leftOut.text);
    const category = spec.categories[c];
    const top = frame.top + 4 + c * groupHeight + (leftOut && c >= leftOut.at ? leftOutHeight : 0);
    yield `<g class="group"><text class="mono category" x="${left - 8}" y="${(top + (groupHeight - GROUP_GAP) / 2).toFixed(1)}" dy="0.32em" ` +
      `text-anchor="end">${escapeXml(category)}</text>`;
    for (let i = 0; i < spec.series.length; i++) {
      const s = spec.series[i];
      const v = s.values[c];
      const y = top + i * (BAR + BAR_GAP);
      // A dash where the bar would be, so a gap reads as "no figure", not as zero.
      if (v === null || v === undefined) {
        yield `<text class="missing" x="${(zero + 4).toFixed(1)}" y="${y + BAR / 2}" dy="0.32em">—</text>`;
        continue;
      }
      const end = x(v);
      const text = spec.format(v);
      const valueX = v >= 0 ? end + 4 : end - 4;
      yield `<rect class="bar" data-style="${escapeXml(category)}" data-run="${escapeXml(s.run)}" data-series="${escapeXml(s.key)}" ` +
        `x="${Math.min(zero, end).toFixed(1)}" y="${y}" width="${Math.max(0.5, Math.abs(end - zero)).toFixed(1)}" height="${BAR}" fill="${s.color}">` +
        `<title>${escapeXml(`${category}, ${s.label}: ${text}`)}</title></rect>` +
        `<text class="value" x="${valueX.toFixed(1)}" y="${y + BAR / 2}" dy="0.32em" text-anchor="${v >= 0 ? "start" : "end"}">${escapeXml(text)}</text>`;
    }
    yield `</g>`;
  }
  // Past the last group (no style below the cut): the row ends the chart.
  if (leftOut && leftOut.at >= spec.categories.length) yield leftOutRow(leftOut.at, leftOut.text);
  yield* legendParts(
    spec.series.map((s) => ({ swatch: `<rect width="12" height="12" fill="${s.color}"/>`, label: s.label })),
    frame.left,
    10,
  );
  yield "</svg>";
}
