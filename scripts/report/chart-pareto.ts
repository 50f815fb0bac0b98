/**
 * Scatter of time per call against bytes per object for one run, with the Pareto frontier.
 */
import type { BenchSummary, StyleSummary } from "../bench/schema.ts";
import { BASELINE_ID } from "../bench/schema.ts";
import { paretoFrontier } from "./pareto.ts";
import { OccupancyGrid, type Box } from "./occupancy.ts";
import { escapeXml, legend, linearScale, svgOpen, textWidth, xAxis, yAxis, type Frame } from "./svg.ts";

const WIDTH = 640;
const HEIGHT = 420;
const FRAME: Frame = { left: 70, top: 40, right: WIDTH - 20, bottom: HEIGHT - 50 };
const LABEL_HEIGHT = 14;

interface Placed {
  x: number;
  y: number;
  anchor: "start" | "end";
}

/**
 * Places each label beside its point, trying right then left and then nudging up or down,
 * so that labels overlap neither each other, nor other points, nor the `obstacles` (lines).
 * Clustered js.* styles would otherwise print on top of one another. A label with no free spot
 * goes right of its point. Taken space lives on an {@link OccupancyGrid}, so the cost grows with
 * the number of points, not its square: a run of 100k results still renders in a moment.
 */
function placeLabels(points: { id: string; x: number; y: number }[], obstacles: Box[]): Placed[] {
  const taken = new OccupancyGrid(WIDTH, HEIGHT);
  const dots: Box[] = points.map((p) => ({ x1: p.x - 6, y1: p.y - 6, x2: p.x + 6, y2: p.y + 6 }));
  for (const box of [...dots, ...obstacles]) taken.add(box);
  const shifts = [0, -14, 14, -28, 28, -42, 42, -56, 56, -70, 70, -84, 84, -98, 98];
  const half = LABEL_HEIGHT / 2;
  return points.map((p, i) => {
    const w = textWidth(p.id);
    // A label may touch its own dot's space, never another's.
    taken.remove(dots[i]);
    let chosen: Placed | undefined;
    for (const dy of shifts) {
      const y = p.y + dy;
      if (y - half < FRAME.top - 4 || y + half > FRAME.bottom) continue;
      if (p.x + 8 + w <= WIDTH && taken.isFree(p.x + 8, y - half, p.x + 8 + w, y + half)) chosen = { x: p.x + 8, y, anchor: "start" };
      else if (p.x - 8 - w >= 0 && taken.isFree(p.x - 8 - w, y - half, p.x - 8, y + half)) chosen = { x: p.x - 8, y, anchor: "end" };
      if (chosen) break;
    }
    taken.add(dots[i]);
    // A label that found no free spot goes right of its point, overlapping; it blocks nothing more.
    if (!chosen) return { x: p.x + 8, y: p.y, anchor: "start" as const };
    const x1 = chosen.anchor === "start" ? chosen.x : chosen.x - w;
    taken.add({ x1, y1: chosen.y - half, x2: x1 + w, y2: chosen.y + half });
    return chosen;
  });
}

/** The time a point is drawn at: the style's fast loop over js.class's. */
const timeOf = (s: StyleSummary): number | null => s.vsClass.forOf;

/** Styles the scatter leaves out for want of a figure; the baseline is drawn as a line instead, so never listed. */
export function paretoMissing(summary: BenchSummary): StyleSummary[] {
  return summary.styles.filter((s) => s.id !== BASELINE_ID && (timeOf(s) === null || s.bytesPerObject === null));
}

/**
 * The scatter for one run: one point per style (id as label, `data-style`, `data-run`), the
 * frontier as a step line with its points highlighted (class `frontier`), and the floor as a
 * dashed reference line rather than a point, because it is a bound, not a dispatch choice.
 */
export function paretoChart(summary: BenchSummary, run: string, shared: BenchSummary[] = [summary]): string {
  const drawn = (sum: BenchSummary) =>
    sum.styles
      .filter((s) => s.id !== BASELINE_ID && timeOf(s) !== null && s.bytesPerObject !== null)
      .map((s) => ({ id: s.id, callUs: timeOf(s)!, bytesPerObject: s.bytesPerObject! }));
  const styles = drawn(summary);
  const floorUs = summary.styles.find((s) => s.id === BASELINE_ID)?.vsClass.forOf ?? null;
  // Every run's chart uses the scales of all runs, so charts side by side compare at a glance.
  const all = shared.flatMap(drawn);
  const floors = shared.map((sum) => sum.styles.find((s) => s.id === BASELINE_ID)?.vsClass.forOf ?? null).filter((v): v is number => v !== null);
  const x = linearScale([...all.map((s) => s.callUs), ...floors], [FRAME.left, FRAME.right]);
  const y = linearScale(all.map((s) => s.bytesPerObject), [FRAME.bottom, FRAME.top]);
  const frontier = paretoFrontier(styles.map((s) => ({ id: s.id, time: s.callUs, bytesPerObject: s.bytesPerObject })));
  const onFrontier = new Set(frontier);

  const points = styles
    .map((s) => ({ id: s.id, x: x(s.callUs), y: y(s.bytesPerObject), onFrontier: onFrontier.has(s.id) }))
    // Frontier labels are placed first so they get the best spots.
    .sort((a, b) => Number(b.onFrontier) - Number(a.onFrontier) || a.x - b.x);
  const byId = new Map(points.map((p) => [p.id, p]));
  const corners = frontier.map((id) => byId.get(id)!);
  // The step goes right, then down: the edge of the region the frontier dominates.
  const step = corners
    .map((p, i) => (i === 0 ? `M${p.x.toFixed(1)} ${p.y.toFixed(1)}` : `H${p.x.toFixed(1)}V${p.y.toFixed(1)}`))
    .join("");
  const lines: Box[] = corners.slice(1).flatMap((p, i) => {
    const prev = corners[i];
    return [
      { x1: prev.x, y1: prev.y - 2, x2: p.x, y2: prev.y + 2 },
      { x1: p.x - 2, y1: Math.min(prev.y, p.y), x2: p.x + 2, y2: Math.max(prev.y, p.y) },
    ];
  });
  const floorX = floorUs === null ? null : x(floorUs);
  if (floorX !== null) {
    lines.push({ x1: floorX - 2, y1: FRAME.top, x2: floorX + 2, y2: FRAME.bottom });
    lines.push({ x1: floorX, y1: FRAME.top, x2: floorX + 4 + textWidth("baseline"), y2: FRAME.top + 16 });
  }
  const labels = placeLabels(points, lines);

  const floor =
    floorX === null
      ? ""
      : `<g class="floor"><line x1="${floorX.toFixed(1)}" x2="${floorX.toFixed(1)}" y1="${FRAME.top}" y2="${FRAME.bottom}"/>` +
        `<text x="${(floorX + 4).toFixed(1)}" y="${FRAME.top + 10}">baseline</text></g>`;
  const marks = points.map((p, i) => {
    const l = labels[i];
    const leader =
      Math.abs(l.y - p.y) > 1 ? `<line class="leader" x1="${p.x.toFixed(1)}" y1="${p.y.toFixed(1)}" x2="${l.x.toFixed(1)}" y2="${l.y.toFixed(1)}"/>` : "";
    return (
      `<g class="point${p.onFrontier ? " frontier" : ""}" data-style="${escapeXml(p.id)}" data-run="${escapeXml(run)}">` +
      `${leader}<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${p.onFrontier ? 5.5 : 4}"/>` +
      `<text class="mono" x="${l.x.toFixed(1)}" y="${l.y.toFixed(1)}" dy="0.32em" text-anchor="${l.anchor}">${escapeXml(p.id)}</text></g>`
    );
  });
  const key = legend(
    [
      { swatch: `<circle class="dot" cx="6" cy="6" r="4"/>`, label: "style" },
      { swatch: `<circle class="dot frontier-dot" cx="6" cy="6" r="5"/>`, label: "Pareto frontier (not beaten on both)" },
      { swatch: `<path class="frontier-line" d="M0 3H6V10H12"/>`, label: "frontier step" },
      ...(floorUs === null ? [] : [{ swatch: `<line class="floor-line" x1="6" x2="6" y1="0" y2="12"/>`, label: "baseline (inline, no call)" }]),
    ],
    FRAME.left,
    12,
  );
  const empty = styles.length === 0 ? `<text class="empty" x="${WIDTH / 2}" y="${HEIGHT / 2}" text-anchor="middle">no style has both figures</text>` : "";
  return (
    svgOpen(WIDTH, HEIGHT, `class="pareto" data-run="${escapeXml(run)}"`, `time against bytes per object, ${run}`) +
    xAxis(x, FRAME, "time over js.class's, fast loop (lower is better)") +
    yAxis(y, FRAME, "bytes per object (lower is better)") +
    floor +
    (step ? `<path class="frontier-line" d="${step}"/>` : "") +
    marks.join("") +
    key +
    empty +
    "</svg>"
  );
}
