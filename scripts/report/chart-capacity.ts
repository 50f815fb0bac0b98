/**
 * The capacity chart: a grid of boards (rows) by styles (columns), each cell shaded by the
 * objects that fit and labelled with the count; measured cells are outlined, projected ones not.
 */
import type { BoardProfile } from "../boards/profile.ts";
import { capacityRefusal, projectCapacity, type CapacityRun } from "./capacity.ts";
import { leftOutText, type LeftOut } from "./chart-selection.ts";
import { escapeXml, legend, svgOpen, textWidth } from "./svg.ts";

const CELL_W = 62;
const CELL_H = 22;
/** Width of the gap between the best and the worst columns when styles were left out. */
const GAP_W = 24;

/** Shade from light to dark blue by the share of the largest count in the grid. */
function shade(share: number): string {
  const light = [239, 246, 255];
  const dark = [29, 78, 216];
  const mix = light.map((l, i) => Math.round(l + (dark[i] - l) * Math.sqrt(share)));
  return `rgb(${mix.join(",")})`;
}

/**
 * Renders the chart as inline SVG, or a `<p>` saying why the run cannot be projected. Cells
 * carry `data-board`, `data-style` and `data-kind` (projected or measured). Styles the caller
 * left out (chart-selection.ts; best = fewest JsVars per object) leave a gap marked `…` between the
 * best and the worst columns, and are counted under the grid (`text.left-out`).
 */
export function capacityChart(run: CapacityRun, boards: readonly BoardProfile[], leftOut?: LeftOut): string {
  const table = projectCapacity(run, boards);
  if (!table) return `<p class="capacity-none">Capacity not projected: ${escapeXml(capacityRefusal(run) ?? "no run")}.</p>`;
  const left = Math.ceil(Math.max(...table.rows.map((r) => textWidth(r.board))) + 16);
  const top = 128;
  // A gap column marks where styles were left out; the line counting them needs the legend's room.
  const gap = leftOut && leftOut.worst > 0 ? GAP_W : 0;
  const columnX = (i: number) => left + i * CELL_W + (leftOut && i >= leftOut.at ? gap : 0);
  // The last heading, rotated 45°, reaches past its column by its width over √2.
  const lastHead = textWidth(table.styles[table.styles.length - 1] ?? "") * Math.SQRT1_2 - CELL_W / 2;
  const width = Math.ceil(Math.max(left + table.styles.length * CELL_W + gap + Math.max(12, lastHead + 4), leftOut ? 640 : 0));
  const note = leftOut ? 22 : 0;
  const height = top + table.rows.length * CELL_H + 48 + note;
  const max = Math.max(1, ...table.rows.flatMap((r) => r.cells.map((c) => c.objects ?? 0)));
  const heads = table.styles.map((id, i) => {
    const x = columnX(i) + CELL_W / 2;
    return `<text class="mono" x="${x}" y="${top - 8}" transform="rotate(-45 ${x} ${top - 8})">${escapeXml(id)}</text>`;
  });
  const rows = table.rows.map((r, j) => {
    const y = top + j * CELL_H;
    const cells = r.cells.map((c, i) => {
      const x = columnX(i);
      const share = (c.objects ?? 0) / max;
      const text = c.objects === null ? "—" : c.objects.toLocaleString("en-US");
      const title = `${r.board}, ${table.styles[i]}: ${text} objects, ${c.kind}`;
      return (
        `<g class="cell" data-board="${escapeXml(r.board)}" data-style="${escapeXml(table.styles[i])}" data-kind="${c.kind}">` +
        `<title>${escapeXml(title)}</title>` +
        `<rect x="${x + 1}" y="${y + 1}" width="${CELL_W - 2}" height="${CELL_H - 2}" fill="${shade(share)}"` +
        (c.kind === "measured" ? ` stroke="#111827" stroke-width="2"` : "") +
        `/><text x="${x + CELL_W / 2}" y="${y + CELL_H / 2}" dy="0.32em" text-anchor="middle" fill="${share > 0.45 ? "#fff" : "#111827"}">${text}</text></g>`
      );
    });
    return `<text class="mono" x="${left - 8}" y="${y + CELL_H / 2}" dy="0.32em" text-anchor="end">${escapeXml(r.board)}</text>${cells.join("")}`;
  });
  const key = legend(
    [
      { swatch: `<rect width="12" height="12" fill="${shade(0.5)}"/>`, label: "projected: (free JsVars after boot − program) / JsVars per object" },
      { swatch: `<rect width="12" height="12" fill="${shade(0.5)}" stroke="#111827" stroke-width="2"/>`, label: "measured on the board that ran" },
    ],
    left,
    height - 22,
  );
  const gapMark = gap
    ? `<text class="left-out" x="${columnX(leftOut!.at) - gap / 2}" y="${top + (table.rows.length * CELL_H) / 2}" dy="0.32em" text-anchor="middle">…</text>`
    : "";
  const leftOutLine = leftOut
    ? `<text class="left-out" x="${left}" y="${top + table.rows.length * CELL_H + 18}">${escapeXml(leftOutText(leftOut))}</text>`
    : "";
  return (
    svgOpen(width, height, `class="capacity"`, `Objects that fit per board, projected from the ${table.from.board} run`) +
    `<g font-size="11">${heads.join("")}${rows.join("")}</g>${gapMark}${leftOutLine}${key}</svg>`
  );
}
