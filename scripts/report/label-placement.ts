/**
 * Labels beside the points of a scatter, placed so that they overlap neither each other, nor
 * other points, nor lines. Clustered js.* styles would otherwise print on top of one another.
 */
import { OccupancyGrid, type Box } from "./occupancy.ts";
import { textWidth, type Frame } from "./svg.ts";

/** A placed label: its anchor point and which side of it the text runs. */
export interface Placed {
  x: number;
  y: number;
  anchor: "start" | "end";
}

/** A point to label, in pixels. */
export interface LabelledPoint {
  id: string;
  x: number;
  y: number;
}

/** The chart the labels go on: its size and the plot area labels must stay in vertically. */
export interface LabelArea {
  width: number;
  height: number;
  frame: Frame;
}

/** Height of a label's box, px. */
export const LABEL_HEIGHT = 14;

/** Vertical nudges tried in turn, px: beside the point first, then further up and down. */
const SHIFTS = [0, -14, 14, -28, 28, -42, 42, -56, 56, -70, 70, -84, 84, -98, 98];

/**
 * Places each label, in the order given, beside its point: right then left, nudged up or down.
 * A label with no free spot gets none (null): on a crowded chart a label printed over others
 * reads as nobody's. Taken space lives on an {@link OccupancyGrid}, so each label costs at most
 * its tries times its area in cells, whatever the number of points: O(n) for n points. Pass a
 * grid to read its {@link OccupancyGrid.cellsVisited} afterwards.
 */
export function placeLabels(
  points: readonly LabelledPoint[],
  obstacles: readonly Box[],
  area: LabelArea,
  taken = new OccupancyGrid(area.width, area.height),
): (Placed | null)[] {
  const dots: Box[] = points.map((p) => ({ x1: p.x - 6, y1: p.y - 6, x2: p.x + 6, y2: p.y + 6 }));
  for (const box of dots) taken.add(box);
  for (const box of obstacles) taken.add(box);
  const half = LABEL_HEIGHT / 2;
  return points.map((p, i) => {
    const w = textWidth(p.id);
    // A label may touch its own dot's space, never another's.
    taken.remove(dots[i]);
    let chosen: Placed | null = null;
    for (const dy of SHIFTS) {
      const y = p.y + dy;
      if (y - half < area.frame.top - 4 || y + half > area.frame.bottom) continue;
      if (p.x + 8 + w <= area.width && taken.isFree(p.x + 8, y - half, p.x + 8 + w, y + half)) chosen = { x: p.x + 8, y, anchor: "start" };
      else if (p.x - 8 - w >= 0 && taken.isFree(p.x - 8 - w, y - half, p.x - 8, y + half)) chosen = { x: p.x - 8, y, anchor: "end" };
      if (chosen) break;
    }
    taken.add(dots[i]);
    if (chosen) {
      const x1 = chosen.anchor === "start" ? chosen.x : chosen.x - w;
      taken.add({ x1, y1: chosen.y - half, x2: x1 + w, y2: chosen.y + half });
    }
    return chosen;
  });
}
