import type { BenchSummary, StyleSummary } from "../bench/schema.ts";

const indexes = new WeakMap<BenchSummary, Map<string, StyleSummary>>();

/**
 * A run's style by id, through an index built once per summary: looking each row up with
 * `styles.find` made a table of n styles cost n², minutes for a run of 100k lines.
 * The first style wins when an id repeats, as `find` did.
 */
export function styleById(summary: BenchSummary, id: string): StyleSummary | undefined {
  let index = indexes.get(summary);
  if (!index) {
    index = new Map();
    for (const style of summary.styles) if (!index.has(style.id)) index.set(style.id, style);
    indexes.set(summary, index);
  }
  return index.get(id);
}
