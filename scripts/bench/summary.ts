import { summarizeLegacy, type LegacyRecord } from "./legacy-v1.ts";
import { loopProblems } from "./loop-checks.ts";
import type { ResultsLine } from "./records.ts";
import {
  BASELINE_ID, CLASS_ID, STYLE_IDS,
  type BenchSummary, type EndRecord, type HelloRecord, type HostRecord, type ResultRecord, type Shapes,
  type SizeRecord, type StyleSummary,
} from "./schema.ts";

export type { HostRecord, ResultsLine };

/** A figure's spread (max/min over runs) above this is flagged as noisy. */
export const NOISY_SPREAD = 1.1;

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** Median of the numbers among `xs` (nulls ignored); null when there are none. */
export function medianOf(xs: (number | null | undefined)[]): number | null {
  const s = xs.filter((x): x is number => typeof x === "number").sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length & 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** max/min of the positive numbers among `xs`; null with fewer than two. */
function spreadOf(xs: (number | null | undefined)[]): number | null {
  const s = xs.filter((x): x is number => typeof x === "number" && x > 0);
  return s.length < 2 ? null : Math.max(...s) / Math.min(...s);
}

const SHAPE_FIELDS = { forOf: "forOfUs", index: "indexUs", grow: "growUs" } as const;
type Shape = keyof typeof SHAPE_FIELDS;

/** Per run, the style's time in `shape` over the reference's in the same run. */
function ratios(mine: ResultRecord[], ref: ResultRecord[], shape: Shape): (number | null)[] {
  const key = SHAPE_FIELDS[shape];
  return mine.map((r) => {
    const other = ref.find((o) => o.run === r.run);
    const a = r[key];
    const b = other?.[key];
    return typeof a === "number" && typeof b === "number" && b > 0 ? a / b : null;
  });
}

const TIMED = ["forOfUs", "indexUs", "growUs", "hoistedUs", "buildUs"] as const;

/**
 * Results with every µs figure scaled to the machine's fastest speed in the run: by the run's
 * fastest calibration reading (`calUs`) over the style's own. Styles timed seconds apart on a
 * drifting host are so compared at one speed. Results without `calUs` are left as they are.
 */
export function atFastestSpeed(results: ResultRecord[]): ResultRecord[] {
  const cals = results.map((r) => r.calUs).filter((c): c is number => typeof c === "number" && c > 0);
  if (!cals.length) return results;
  const fastest = Math.min(...cals);
  return results.map((r) => {
    if (!(typeof r.calUs === "number" && r.calUs > 0)) return r;
    const scaled: ResultRecord = { ...r };
    const f = fastest / r.calUs;
    for (const key of TIMED) {
      const x = r[key];
      if (typeof x === "number") scaled[key] = x * f;
    }
    return scaled;
  });
}

/** Checksum, end-count, duplicate and unknown-id checks: what makes figures untrustworthy. */
function problemsOf(results: ResultRecord[], ends: EndRecord[], hello: HelloRecord | undefined): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const r of results) {
    const key = `${r.id}#${r.run}`;
    if (seen.has(key)) problems.push(`duplicate result for ${r.id} in run ${r.run + 1}`);
    seen.add(key);
    if (!(STYLE_IDS as readonly string[]).includes(r.id)) problems.push(`unknown style id ${r.id}`);
  }
  // Every style computes the same workload: the most common sum is the right one (per loop when
  // the records carry loops: scripts/bench/loop-checks.ts).
  problems.push(...loopProblems(results));
  const sums = results.filter((r) => !r.error && !r.loops && typeof r.sum === "number").map((r) => r.sum as number);
  const counts = new Map<number, number>();
  for (const s of sums) counts.set(s, (counts.get(s) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const r of results) {
    if (!r.error && !r.loops && typeof r.sum === "number" && r.sum !== common) {
      problems.push(`checksum of ${r.id} (run ${r.run + 1}) is ${r.sum}, the other styles computed ${common}`);
    }
  }
  const end = ends[ends.length - 1];
  if (end && end.count !== results.length) problems.push(`the board announced ${end.count} result(s) and sent ${results.length}`);
  if (end && hello && end.count !== hello.styles * hello.runs) {
    problems.push(`the board ran ${end.count} of ${hello.styles * hello.runs} style runs`);
  }
  return problems;
}

/** What every style's summary refers to: built once per run, so a run of many styles stays linear. */
interface RunContext {
  /** The reference styles' results without errors. */
  classRuns: ResultRecord[];
  baselineRuns: ResultRecord[];
  sizesById: Map<string, SizeRecord[]>;
  blocksize: number;
}

function shapesAgainst(ok: ResultRecord[], refs: ResultRecord[]): Shapes {
  return { forOf: medianRatio(ok, refs, "forOf"), index: medianRatio(ok, refs, "index"), grow: medianRatio(ok, refs, "grow") };
}

function medianRatio(ok: ResultRecord[], refs: ResultRecord[], shape: Shape): number | null {
  const m = medianOf(ratios(ok, refs, shape));
  return m === null ? null : round(m, 3);
}

function medianField(ok: ResultRecord[], key: keyof ResultRecord): number | null {
  const m = medianOf(ok.map((r) => r[key] as number | null | undefined));
  return m === null ? null : round(m, 3);
}

function bytesOf(vars: number | null, blocksize: number): number | null {
  return vars === null ? null : round(vars * blocksize, 2);
}

/** One style's summary: medians over runs, ratios within each run, spreads across runs. */
function styleSummary(id: string, mine: ResultRecord[], run: RunContext): StyleSummary {
  const ok = mine.filter((r) => !r.error);
  const failed = mine.find((r) => r.error);
  const spread: Record<string, number> = {};
  for (const key of TIMED) {
    const s = spreadOf(ok.map((r) => r[key]));
    if (s !== null) spread[key] = round(s, 3);
  }
  for (const shape of Object.keys(SHAPE_FIELDS) as Shape[]) {
    const s = spreadOf(ratios(ok, run.classRuns, shape));
    if (s !== null && id !== CLASS_ID) spread[`vsClass.${shape}`] = round(s, 3);
  }
  const vars = medianField(ok, "varsPerObject");
  const bytes = bytesOf(vars, run.blocksize);
  const fixed = ok.reduce<number | null>((m, r) => (typeof r.fixedVars === "number" ? Math.max(m ?? r.fixedVars, r.fixedVars) : m), null);
  const n = ok[0]?.n ?? mine[0]?.n;
  const small = (run.sizesById.get(id) ?? []).map((s) => ({
    n: s.n, varsPerObject: s.varsPerObject, bytesPerObject: bytesOf(s.varsPerObject, run.blocksize), fixedVars: s.fixedVars,
  }));
  return {
    id,
    batch: ok.some((r) => r.batch === true),
    forOfUs: medianField(ok, "forOfUs"),
    indexUs: medianField(ok, "indexUs"),
    growUs: medianField(ok, "growUs"),
    hoistedUs: medianField(ok, "hoistedUs"),
    buildUs: medianField(ok, "buildUs"),
    vsClass: shapesAgainst(ok, run.classRuns),
    vsBaseline: shapesAgainst(ok, run.baselineRuns),
    spread,
    noisy: Object.keys(spread).filter((k) => spread[k] > NOISY_SPREAD),
    varsPerObject: vars,
    bytesPerObject: bytes,
    // One-time costs are paid once per interpreter (the first typed array): the largest reading is the cost.
    fixedVars: fixed,
    sizes: [...small, ...(n !== undefined && ok.length ? [{ n, varsPerObject: vars, bytesPerObject: bytes, fixedVars: fixed }] : [])],
    objectsFit: ok.length ? (medianOf(ok.map((r) => r.objectsFit)) ?? null) : null,
    // A style that failed in any run has no trustworthy median: its error is shown.
    error: failed ? (failed.error ?? "failed") : ok.length ? null : "no result",
  };
}

/**
 * Builds the `thincall.bench/2` summary from one run's lines (a `/1` run is converted). Derived
 * figures (medians, ratios, spreads, bytes) are computed here, so the device sends only what it
 * measured. Lines of another run id than the host line's are ignored.
 */
export function summarize(lines: ResultsLine[]): BenchSummary {
  if (lines.some((l) => "legacy" in l)) return summarizeLegacy(lines.filter((l): l is LegacyRecord => "legacy" in l));
  const host = lines.find((l): l is HostRecord => l.t === "host");
  const mine = <T extends ResultsLine>(l: ResultsLine): l is T => !host?.runId || !("r" in l) || l.r === host.runId;
  const own = lines.filter(mine);
  const hello = own.find((l): l is HelloRecord => l.t === "hello");
  const results = atFastestSpeed(own.filter((l): l is ResultRecord => l.t === "result"));
  const sizes = own.filter((l): l is SizeRecord => l.t === "size");
  const ends = own.filter((l): l is EndRecord => l.t === "end");
  const blocksize = hello?.blocksize ?? 0;
  const byId = new Map<string, ResultRecord[]>();
  for (const r of results) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  const sizesById = new Map<string, SizeRecord[]>();
  for (const z of sizes) {
    const list = sizesById.get(z.id);
    if (list) list.push(z);
    else sizesById.set(z.id, [z]);
  }
  const okOf = (id: string) => (byId.get(id) ?? []).filter((r) => !r.error);
  const run: RunContext = { classRuns: okOf(CLASS_ID), baselineRuns: okOf(BASELINE_ID), sizesById, blocksize };
  const styles = [...byId].map(([id, mine]) => styleSummary(id, mine, run));
  const problems = problemsOf(results, ends, hello);
  return {
    schema: "thincall.bench/2",
    source: 2,
    board: host?.board ?? hello?.board ?? "unknown",
    engine: hello?.engine === "quickjs" ? "quickjs" : "espruino",
    version: hello?.version ?? "unknown",
    mode: hello?.mode ?? host?.mode ?? "ram",
    blocksize,
    freeBytes: hello ? hello.free * blocksize : 0,
    coreBytes: host?.coreBytes ?? 0,
    runs: hello?.runs ?? 1,
    n: hello?.sizes[hello.sizes.length - 1] ?? null,
    complete: ends.length > 0 && !lines.some((l) => l.t === "incomplete"),
    problems,
    styles,
  };
}
