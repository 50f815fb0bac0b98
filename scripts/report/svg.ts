/**
 * Small SVG building blocks for the report's charts: escaping, linear scales, axes, legends.
 * Charts are plain strings so the page needs no script to draw them.
 */

/** What needs escaping: markup, and control characters (a NUL, an escape sequence from a board) that HTML and SVG do not allow. */
const NEEDS_ESCAPE = /[&<>"'\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
const NEEDS_ESCAPE_ALL = new RegExp(NEEDS_ESCAPE.source, "g");

/**
 * Escapes text for HTML or SVG, in element content and in quoted attribute values. A control
 * character, which no page may hold (not even as a reference), is shown as U+FFFD.
 */
export function escapeXml(text: string): string {
  // Most ids need nothing: testing first spares a new string per call on large runs.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(NEEDS_ESCAPE_ALL, (c) => (/["&'<>]/.test(c) ? `&#${c.charCodeAt(0)};` : "\ufffd"));
}

/** Font size of chart text, px. */
export const FONT_SIZE = 11;

/**
 * Estimated width of chart text, px. Style ids are set in a monospace font (class `mono`),
 * whose advance is about 0.6 em, so label placement can avoid overlaps without measuring.
 */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  return text.length * fontSize * 0.6;
}

/** Maps data values to pixels; `ticks` are round values covering the domain. */
export interface Scale {
  (value: number): number;
  readonly ticks: readonly number[];
}

function niceStep(span: number, count: number): number {
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const f = raw / magnitude;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
}

/**
 * A linear scale over `values` and zero (bars and sizes read wrong without their origin),
 * widened to round tick values, onto the pixel range `[from, to]`.
 */
export function linearScale(values: readonly number[], [from, to]: [number, number], tickCount = 5): Scale {
  // A loop, not Math.min(...values): spreading 100k values overflows the stack.
  let lo = 0;
  let hi = 0;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo, tickCount);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let i = 0; lo + i * step <= hi + step / 1e6; i++) ticks.push(Number((lo + i * step).toPrecision(12)));
  const scale = (value: number) => from + ((value - lo) / (hi - lo)) * (to - from);
  return Object.assign(scale, { ticks });
}

// One formatter for every tick: toLocaleString sets one up per call, a third of a large report's time.
const TICK_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/** A tick value as text: thousands grouped, no float noise. */
export function tickText(value: number): string {
  return TICK_FORMAT.format(value);
}

/** Plot area of a chart, px. */
export interface Frame {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Horizontal axis along the frame's bottom with vertical grid lines and a centred label. */
export function xAxis(scale: Scale, frame: Frame, label: string): string {
  const ticks = scale.ticks.map((t) => {
    const x = scale(t).toFixed(1);
    return (
      `<line class="grid" x1="${x}" x2="${x}" y1="${frame.top}" y2="${frame.bottom}"/>` +
      `<text class="tick" x="${x}" y="${frame.bottom + 15}" text-anchor="middle">${tickText(t)}</text>`
    );
  });
  const mid = (frame.left + frame.right) / 2;
  return (
    `<g class="axis x-axis">${ticks.join("")}` +
    `<line class="axis-line" x1="${frame.left}" x2="${frame.right}" y1="${frame.bottom}" y2="${frame.bottom}"/>` +
    `<text class="axis-label" x="${mid}" y="${frame.bottom + 34}" text-anchor="middle">${escapeXml(label)}</text></g>`
  );
}

/** Vertical axis along the frame's left with horizontal grid lines and a rotated label. */
export function yAxis(scale: Scale, frame: Frame, label: string): string {
  const ticks = scale.ticks.map((t) => {
    const y = scale(t).toFixed(1);
    return (
      `<line class="grid" x1="${frame.left}" x2="${frame.right}" y1="${y}" y2="${y}"/>` +
      `<text class="tick" x="${frame.left - 6}" y="${y}" dy="0.32em" text-anchor="end">${tickText(t)}</text>`
    );
  });
  const mid = (frame.top + frame.bottom) / 2;
  const x = frame.left - 46;
  return (
    `<g class="axis y-axis">${ticks.join("")}` +
    `<line class="axis-line" x1="${frame.left}" x2="${frame.left}" y1="${frame.top}" y2="${frame.bottom}"/>` +
    `<text class="axis-label" x="${x}" y="${mid}" text-anchor="middle" transform="rotate(-90 ${x} ${mid})">${escapeXml(label)}</text></g>`
  );
}

/** One legend entry: a swatch drawn in a 12×12 box at (0,0), and its text. */
export interface LegendItem {
  swatch: string;
  label: string;
}

/** A one-row legend starting at (x, y). */
export function legend(items: readonly LegendItem[], x: number, y: number): string {
  return [...legendParts(items, x, y)].join("");
}

/** {@link legend} entry by entry: the legend of thousands of runs is never one string. */
export function* legendParts(items: readonly LegendItem[], x: number, y: number): Generator<string> {
  let at = x;
  yield `<g class="legend">`;
  for (const item of items) {
    yield `<g class="legend-item" transform="translate(${at.toFixed(1)} ${y})">${item.swatch}` +
      `<text x="17" y="6" dy="0.32em">${escapeXml(item.label)}</text></g>`;
    // Legend text is proportional, narrower than the monospace estimate.
    at += 17 + textWidth(item.label) * 0.9 + 18;
  }
  yield `</g>`;
}

/** Opens an inline `<svg>` (no xmlns needed in HTML) of the given size; CSS lets it shrink. */
export function svgOpen(width: number, height: number, attrs: string, title: string): string {
  return (
    `<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ${attrs} role="img">` +
    `<title>${escapeXml(title)}</title>`
  );
}
