/** "Did you mean": the closest known word, when it is close enough to be a likely typo. */

/** Edit distance between two words (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The known word closest to `word`, or undefined when none is within a third of its length
 * (at least 1, at most 3 edits), or a prefix of it.
 */
export function closest(word: string, known: readonly string[]): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.startsWith(word) && word.length >= 2 ? 0.5 : editDistance(word, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return bestD <= limit ? best : undefined;
}

/** ` (did you mean X?)`, or nothing. */
export function didYouMean(word: string, known: readonly string[], prefix = ""): string {
  const c = closest(word, known);
  return c ? `; did you mean ${prefix}${c}?` : "";
}
