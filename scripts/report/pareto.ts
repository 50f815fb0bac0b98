/**
 * The Pareto frontier of dispatch styles over time and bytes per object.
 */

/** The figures the frontier looks at: a time (any unit, e.g. a ratio to js.class) and bytes per object. */
export interface ParetoInput {
  id: string;
  time: number | null;
  bytesPerObject: number | null;
}

/**
 * Ids of the styles no other style beats: none is at least as fast and at least as small and
 * strictly better on one of the two (lower is better on both). Styles missing either figure
 * take no part. Ids come back fastest first; identical points are all kept.
 */
export function paretoFrontier(styles: readonly ParetoInput[]): string[] {
  const points: { id: string; us: number; bytes: number }[] = [];
  for (const s of styles) if (s.time !== null && s.bytesPerObject !== null) points.push({ id: s.id, us: s.time, bytes: s.bytesPerObject });
  // One sweep, fastest first: a point is on the frontier when it is the smallest of its time and
  // strictly smaller than every faster point. O(n log n), for runs of any size.
  points.sort((a, b) => a.us - b.us || a.bytes - b.bytes);
  const ids: string[] = [];
  let smallestFaster = Infinity;
  for (let i = 0; i < points.length; ) {
    let j = i;
    while (j < points.length && points[j].us === points[i].us) j++;
    const smallest = points[i].bytes;
    if (smallest < smallestFaster) {
      for (let k = i; k < j && points[k].bytes === smallest; k++) ids.push(points[k].id);
      smallestFaster = smallest;
    }
    i = j;
  }
  return ids;
}
