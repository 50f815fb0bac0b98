/**
 * Scatter of time per call against bytes per object for one run, with the Pareto frontier.
 */
import type { BenchSummary, StyleSummary } from "../bench/schema.ts";
import { BASELINE_ID } from "../bench/schema.ts";
import { grouped } from "./format.ts";
import { paretoFrontier } from "./pareto.ts";
import { placeLabels } from "./label-placement.ts";
import { SCATTER_POINT_LIMIT, densityCells, densitySvg } from "./scatter-density.ts";
import type { Box } from "./occupancy.ts";
import { escapeXml, legend, linearScale, svgOpen, textWidth, xAxis, yAxis, type Frame } from "./svg.ts";

const WIDTH = 640;
const HEIGHT = 420;
const FRAME: Frame = { left: 70, top: 40, right: WIDTH - 20, bottom: HEIGHT - 50 };
/** Room under the axis for each line saying what the chart did not draw as labelled points. */
const NOTE_ROW = 16;

/** The time a point is drawn at: the style's fast loop over js.class's. */
const timeOf = (s: StyleSummary): number | null => s.vsClass.forOf;

/** Styles the scatter leaves out for want of a figure; the baseline is drawn as a line instead, so never listed. */
export function paretoMissing(summary: BenchSummary): StyleSummary[] {
  return summary.styles.filter((s) => s.id !== BASELINE_ID && (timeOf(s) === null || s.bytesPerObject === null));
}

/** The scales of a set of runs, by the array that holds them. */
const SHARED_SCALES = new WeakMap<readonly BenchSummary[], { x: ReturnType<typeof linearScale>; y: ReturnType<typeof linearScale> }>();

/**
 * The scatter for one run: one point per style (id as label, `data-style`, `data-run`), the
 * frontier as a step line with its points highlighted (class `frontier`), and the floor as a
 * dashed reference line rather than a point, because it is a bound, not a dispatch choice.
 * Past {@link SCATTER_POINT_LIMIT} styles only the frontier is drawn point by point and the others
 * as density (scatter-density.ts); lines under the axis say so, and count labels left out for want of room.
 */
export function paretoChart(summary: BenchSummary, run: string, shared: BenchSummary[] = [summary]): string {
  const drawn = (sum: BenchSummary) =>
    sum.styles
      .filter((s) => s.id !== BASELINE_ID && timeOf(s) !== null && s.bytesPerObject !== null)
      .map((s) => ({ id: s.id, callUs: timeOf(s)!, bytesPerObject: s.bytesPerObject! }));
  const styles = drawn(summary);
  const floorUs = summary.styles.find((s) => s.id === BASELINE_ID)?.vsClass.forOf ?? null;
  // Every run's chart uses the scales of all runs, so charts side by side compare at a glance.
  // Made once per set of runs: made per chart, a report of 3,000 runs took minutes (quadratic).
  let scales = SHARED_SCALES.get(shared);
  if (!scales) {
    const all = shared.flatMap(drawn);
    const floors = shared.map((sum) => sum.styles.find((s) => s.id === BASELINE_ID)?.vsClass.forOf ?? null).filter((v): v is number => v !== null);
    scales = {
      x: linearScale([...all.map((s) => s.callUs), ...floors], [FRAME.left, FRAME.right]),
      y: linearScale(all.map((s) => s.bytesPerObject), [FRAME.bottom, FRAME.top]),
    };
    SHARED_SCALES.set(shared, scales);
  }
  const { x, y } = scales;
  const frontier = paretoFrontier(styles.map((s) => ({ id: s.id, time: s.callUs, bytesPerObject: s.bytesPerObject })));
  const onFrontier = new Set(frontier);

  const allPoints = styles.map((s) => ({ id: s.id, x: x(s.callUs), y: y(s.bytesPerObject), onFrontier: onFrontier.has(s.id) }));
  // A crowded chart draws its frontier one by one and every other style as density.
  const dense = allPoints.length > SCATTER_POINT_LIMIT;
  const frontierPoints = new Map<string, (typeof allPoints)[number]>();
  for (const p of allPoints) if (p.onFrontier) frontierPoints.set(p.id, p);
  const corners = frontier.map((id) => frontierPoints.get(id)!);
  const points = dense
    ? corners.slice(0, SCATTER_POINT_LIMIT)
    : // Frontier labels are placed first so they get the best spots.
      allPoints.sort((a, b) => Number(b.onFrontier) - Number(a.onFrontier) || a.x - b.x);
  const pointed = new Set(points.map((p) => p.id));
  const density = dense ? densityCells(allPoints.filter((p) => !pointed.has(p.id))) : [];
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
  const labels = placeLabels(points, lines, { width: WIDTH, height: HEIGHT, frame: FRAME });
  const unlabelled = labels.reduce((n, l) => (l ? n : n + 1), 0);
  const densityCount = allPoints.length - points.length;

  const floor =
    floorX === null
      ? ""
      : `<g class="floor"><line x1="${floorX.toFixed(1)}" x2="${floorX.toFixed(1)}" y1="${FRAME.top}" y2="${FRAME.bottom}"/>` +
        `<text x="${(floorX + 4).toFixed(1)}" y="${FRAME.top + 10}">baseline</text></g>`;
  const marks = points.map((p, i) => {
    const l = labels[i];
    const open = `<g class="point${p.onFrontier ? " frontier" : ""}" data-style="${escapeXml(p.id)}" data-run="${escapeXml(run)}">`;
    const circle = `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${p.onFrontier ? 5.5 : 4}"/>`;
    // No room for a label: the id shows on hover instead.
    if (!l) return `${open}<title>${escapeXml(p.id)}</title>${circle}</g>`;
    const leader =
      Math.abs(l.y - p.y) > 1 ? `<line class="leader" x1="${p.x.toFixed(1)}" y1="${p.y.toFixed(1)}" x2="${l.x.toFixed(1)}" y2="${l.y.toFixed(1)}"/>` : "";
    return (
      `${open}${leader}${circle}` +
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
  // Said in the chart, under the axis, so a crowded chart does not pass for a sparse one.
  const notes = [
    ...(densityCount > 0
      ? [`${grouped(allPoints.length)} styles: the frontier as points, the other ${grouped(densityCount)} as density (darker: more styles)`]
      : []),
    ...(unlabelled > 0 ? [`${grouped(unlabelled)} of ${grouped(points.length)} points unlabelled for want of room (hover a point for its style)`] : []),
  ];
  const height = HEIGHT + notes.length * NOTE_ROW;
  const noteLines = notes.map((note, i) => `<text class="left-out" x="${FRAME.left}" y="${HEIGHT + 6 + i * NOTE_ROW}">${escapeXml(note)}</text>`).join("");
  return (
    svgOpen(WIDTH, height, `class="pareto${dense ? " dense" : ""}" data-run="${escapeXml(run)}"`, `time against bytes per object, ${run}`) +
    xAxis(x, FRAME, "time over js.class's, fast loop (lower is better)") +
    yAxis(y, FRAME, "bytes per object (lower is better)") +
    floor +
    (density.length ? densitySvg(density) : "") +
    (step ? `<path class="frontier-line" d="${step}"/>` : "") +
    marks.join("") +
    key +
    empty +
    noteLines +
    "</svg>"
  );
}
