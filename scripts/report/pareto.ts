/**
 * The Pareto frontier of dispatch styles over time per call and bytes per object.
 */
import type { StyleSummary } from "../bench/schema.ts";

/** The figures the frontier looks at. */
export type ParetoInput = Pick<StyleSummary, "id" | "callUs" | "bytesPerObject">;

/**
 * Ids of the styles no other style beats: none is at least as fast and at least as small and
 * strictly better on one of the two (lower is better on both). Styles missing either figure
 * take no part. Ids come back fastest first; identical points are all kept.
 */
export function paretoFrontier(styles: readonly ParetoInput[]): string[] {
  const points = styles.flatMap((s) =>
    s.callUs !== null && s.bytesPerObject !== null ? [{ id: s.id, us: s.callUs, bytes: s.bytesPerObject }] : [],
  );
  const dominated = (p: (typeof points)[number]) =>
    points.some((q) => q.us <= p.us && q.bytes <= p.bytes && (q.us < p.us || q.bytes < p.bytes));
  return points
    .filter((p) => !dominated(p))
    .sort((a, b) => a.us - b.us || a.bytes - b.bytes)
    .map((p) => p.id);
}
