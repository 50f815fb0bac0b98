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
  const points = styles.flatMap((s) =>
    s.time !== null && s.bytesPerObject !== null ? [{ id: s.id, us: s.time, bytes: s.bytesPerObject }] : [],
  );
  const dominated = (p: (typeof points)[number]) =>
    points.some((q) => q.us <= p.us && q.bytes <= p.bytes && (q.us < p.us || q.bytes < p.bytes));
  return points
    .filter((p) => !dominated(p))
    .sort((a, b) => a.us - b.us || a.bytes - b.bytes)
    .map((p) => p.id);
}
