/**
 * What a bar chart draws when a run has more styles than a reader can compare: the best and the
 * worst by the chart's figure, and how many were left out between them. A chart of 100k bars
 * is over 2 million pixels tall and says nothing; the results table and file keep every figure.
 */

/** Styles a chart draws at most: half of them the best, half the worst. */
export const CHART_STYLE_LIMIT = 40;

/** Which way a figure is better. */
export type Better = "higher" | "lower";

/** What a chart left out, and what it kept on either side of the gap. */
export interface LeftOut {
  /** Position in the drawn categories the mention goes before. */
  at: number;
  /** Categories not drawn, of which {@link unranked} had no figure to rank them by. */
  count: number;
  unranked: number;
  /** Categories kept before the gap (the best), and after it (the worst; 0 when every ranked one is drawn). */
  best: number;
  worst: number;
}

/** The categories to draw, as indexes into the caller's list, and what was left out. */
export interface ChartSelection {
  /** Indexes of the categories to draw, in drawing order. */
  shown: number[];
  /** Set when some were left out. */
  leftOut?: LeftOut;
}

/**
 * Up to `limit` categories: all of them, in their order, when they fit; otherwise the best half
 * and the worst half by the mean of their figures over the series (runs), best first, ties in
 * their order. Categories with no figure in any series are left out first: a chart cannot rank
 * them. One sort of the ranked ones, O(n log n), and no object per category.
 *
 * @param values per series, one figure (or null) per category
 */
export function selectForChart(
  categoryCount: number,
  values: readonly (readonly (number | null)[])[],
  better: Better,
  limit = CHART_STYLE_LIMIT,
): ChartSelection {
  if (categoryCount <= limit) return { shown: Array.from({ length: categoryCount }, (_, i) => i) };
  // Higher-is-better figures are ranked by their negation, so one ascending sort serves both.
  const sign = better === "higher" ? -1 : 1;
  const keys = new Float64Array(categoryCount);
  const ranked: number[] = [];
  for (let i = 0; i < categoryCount; i++) {
    let sum = 0;
    let count = 0;
    for (const series of values) {
      const v = series[i];
      if (v !== null && v !== undefined) {
        sum += v;
        count++;
      }
    }
    if (count === 0) continue;
    keys[i] = (sign * sum) / count;
    ranked.push(i);
  }
  ranked.sort((a, b) => keys[a] - keys[b] || a - b);
  if (ranked.length <= limit) {
    const unranked = categoryCount - ranked.length;
    return { shown: ranked, leftOut: { at: ranked.length, count: unranked, unranked, best: ranked.length, worst: 0 } };
  }
  const best = Math.ceil(limit / 2);
  const worst = limit - best;
  const shown = [...ranked.slice(0, best), ...ranked.slice(ranked.length - worst)];
  return { shown, leftOut: { at: best, count: categoryCount - limit, unranked: categoryCount - ranked.length, best, worst } };
}

const styles = (n: number) => `${n.toLocaleString("en-US")} style${n === 1 ? "" : "s"}`;

/**
 * The chart's own line about what it left out, e.g. "… 79,950 styles left out between the 20
 * best and the 20 worst, and 19,993 without a figure".
 */
export function leftOutText(leftOut: LeftOut): string {
  const noFigure = leftOut.unranked > 0 ? `${styles(leftOut.unranked)} without a figure` : "";
  if (leftOut.worst === 0) return `… ${noFigure} left out`;
  const between = `${styles(leftOut.count - leftOut.unranked)} left out between the ${leftOut.best} best and the ${leftOut.worst} worst`;
  return `… ${between}${noFigure ? `, and ${noFigure}` : ""}`;
}
