/** Median of the numbers among `xs` (nulls ignored); null when there are none. */
export function medianOf(xs: (number | null | undefined)[]): number | null {
  const s = xs.filter((x): x is number => typeof x === "number").sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length & 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}
