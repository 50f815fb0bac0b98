/**
 * Every style computes the same workload: per loop, the result of one pass on a fresh container
 * (a sum, or the checksum of every field after the loop) must agree across styles and runs.
 * Styles visit objects in different orders (grouped: type by type) and store fields at their
 * kind (f32), so results agree within {@link SAME_RESULT}, not to the last bit.
 */
import type { ResultRecord } from "./schema.ts";

/** Relative difference under which two results are the same figure. */
export const SAME_RESULT = 1e-6;

/** Whether `a` and `b` are the same result, within {@link SAME_RESULT}. */
export function sameResult(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= SAME_RESULT * Math.max(Math.abs(a), Math.abs(b));
}

/** The value most of `values` agree with (within {@link SAME_RESULT}); undefined for none. */
export function consensus(values: number[]): number | undefined {
  let best: number | undefined;
  let most = 0;
  for (const v of values) {
    const n = values.filter((x) => sameResult(x, v)).length;
    if (n > most) [best, most] = [v, n];
  }
  return best;
}

/** A line per style, run and loop whose result differs from what most styles computed. */
export function loopProblems(results: ResultRecord[]): string[] {
  const ok = results.filter((r) => !r.error);
  const problems: string[] = [];
  const names = [...new Set(ok.flatMap((r) => (r.loops ?? []).map((l) => l.name)))];
  for (const name of names) {
    const got = ok.flatMap((r) => (r.loops ?? []).filter((l) => l.name === name && l.sum !== null).map((l) => ({ r, sum: l.sum as number })));
    const common = consensus(got.map((g) => g.sum));
    for (const g of got) {
      if (common !== undefined && !sameResult(g.sum, common)) problems.push(`loop "${name}" of ${g.r.id} (run ${g.r.run + 1}) computed ${g.sum}, the other styles ${common}`);
    }
  }
  const hoisted = ok.filter((r) => typeof r.hoistedSum === "number");
  const common = consensus(hoisted.map((r) => r.hoistedSum as number));
  for (const r of hoisted) {
    if (common !== undefined && !sameResult(r.hoistedSum as number, common)) problems.push(`the hoisted loop of ${r.id} (run ${r.run + 1}) computed ${r.hoistedSum}, the other styles ${common}`);
  }
  return problems;
}
