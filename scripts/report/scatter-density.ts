/**
 * A crowded scatter drawn as density: past a few hundred points, one circle and label per style
 * is an unreadable blot and megabytes of SVG. Points are counted per square of a few pixels
 * instead, and each square is one shaded rectangle, so what the chart costs depends on its
 * size, not on the number of styles.
 */
import { escapeXml } from "./svg.ts";

/** Points a scatter draws one by one, each with its label; past that, the chart switches to density. */
export const SCATTER_POINT_LIMIT = 500;

/** Side of a density square, px. */
const CELL = 6;

/** One square with points in it. */
export interface DensityCell {
  /** Top-left corner, px. */
  x: number;
  y: number;
  count: number;
}

/** The points counted per {@link CELL}-pixel square, in one pass (O(n)); squares with none are absent. */
export function densityCells(points: readonly { x: number; y: number }[]): DensityCell[] {
  const counts = new Map<number, DensityCell>();
  for (const p of points) {
    const col = Math.floor(p.x / CELL);
    const row = Math.floor(p.y / CELL);
    // A number key, not a string: no string built per point. Charts are far under 1e6 px.
    const key = col * 1e6 + row;
    const cell = counts.get(key);
    if (cell) cell.count++;
    else counts.set(key, { x: col * CELL, y: row * CELL, count: 1 });
  }
  return [...counts.values()];
}

/**
 * The squares as SVG rectangles (`rect.density`, `data-count`), darker for more points on a log
 * scale, so a lone point still shows beside a square of thousands.
 */
export function densitySvg(cells: readonly DensityCell[]): string {
  let max = 1;
  for (const c of cells) if (c.count > max) max = c.count;
  const parts = cells.map((c) => {
    const opacity = 0.2 + (0.8 * Math.log1p(c.count)) / Math.log1p(max);
    return (
      `<rect class="density" x="${c.x}" y="${c.y}" width="${CELL}" height="${CELL}" fill-opacity="${opacity.toFixed(2)}" data-count="${c.count}">` +
      `<title>${escapeXml(`${c.count} style${c.count === 1 ? "" : "s"}`)}</title></rect>`
    );
  });
  return `<g class="density">${parts.join("")}</g>`;
}
