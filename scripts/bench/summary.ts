import { summarizeLegacy, type LegacyRecord } from "./legacy-v1.ts";
import { loopProblems } from "./loop-checks.ts";
import { OUT_OF_RANGE, type ResultsLine } from "./records.ts";
import { calibrationOutliers } from "./calibration.ts";
import { medianOf } from "./median.ts";
import {
  BASELINE_ID, CLASS_ID, STYLE_IDS,
  type BenchSummary, type EndRecord, type HelloRecord, type HostRecord, type InvalidRecord, type ResultRecord, type Shapes,
  type SizeRecord, type StyleSummary, type SweepPoint,
} from "./schema.ts";
import { SUMMARY_SCHEMA } from "./summary-schema.ts";

export type { HostRecord, ResultsLine };
export { medianOf };

/** A figure's spread (max/min over runs) above this is flagged as noisy. */
export const NOISY_SPREAD = 1.1;

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

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
 * drifting host are so compared at one speed. Results without `calUs` are left as they are, and so
 * are those whose reading is faster than the run's others beyond the machine's noise
 * ({@link calibrationOutliers}): a corrupted reading neither sets the run's speed nor rescales its
 * own style (a problem names it).
 */
export function atFastestSpeed(results: ResultRecord[]): ResultRecord[] {
  // A fast stray is corrupted: it sets nobody's speed, its own style included. A slow one is the
  // machine slowing down, which is what calibration corrects.
  const outliers = new Set(calibrationOutliers(results).filter((o) => o.side === "fast").map((o) => o.result));
  const usable = (r: ResultRecord): r is ResultRecord & { calUs: number } => typeof r.calUs === "number" && r.calUs > 0 && !outliers.has(r);
  const cals = results.filter(usable).map((r) => r.calUs);
  if (!cals.length) return results;
  const fastest = Math.min(...cals);
  return results.map((r) => {
    if (!usable(r)) return r;
    const scaled: ResultRecord = { ...r };
    const f = fastest / r.calUs;
    for (const key of TIMED) {
      const x = r[key];
      if (typeof x === "number") scaled[key] = x * f;
    }
    return scaled;
  });
}

/** Relative slack allowed between the `end` checksum and the results' sums (float addition order). */
const CHECKSUM_SLACK = 1e-9;

/** `N kind, M kind` for the refused lines of a run, most common first. */
function refusedKinds(invalid: InvalidRecord[]): string {
  const counts = new Map<string, number>();
  for (const l of invalid) counts.set(l.kind, (counts.get(l.kind) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${kind}`).join(", ");
}

/** What a run's lines need to be whole and trustworthy: each miss is a problem. */
interface RunParts {
  /** Results scaled to the run's fastest speed, and as received. */
  results: ResultRecord[];
  raw: ResultRecord[];
  ends: EndRecord[];
  hello: HelloRecord | undefined;
  invalid: InvalidRecord[];
  /** `/1` lines inside a `/2` run: neither protocol, so counted, never read. */
  strangers: number;
}

/** Checksum, end-count, duplicate, unknown-id, calibration and missing-line checks: what makes figures untrustworthy. */
function problemsOf({ results, raw, ends, hello, invalid, strangers }: RunParts): string[] {
  const problems: string[] = [];
  if (!hello) problems.push("the run has no valid hello line: its board, engine and JsVar size are unknown");
  if (hello && hello.engine !== "espruino" && hello.engine !== "quickjs") problems.push(`unknown engine "${hello.engine}" in the hello line`);
  if (ends.length === 0) problems.push("the run has no end line: it did not finish");
  if (invalid.length > 0) problems.push(`${invalid.length} protocol line(s) failed validation: ${refusedKinds(invalid)}`);
  if (strangers > 0) problems.push(`${strangers} line(s) are neither of this /2 run nor of a /1 file, and were not read`);
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
  for (const o of calibrationOutliers(raw)) if (o.side === "fast") problems.push(o.problem);
  const calibrated = results.some((r) => typeof r.calUs === "number");
  for (const r of results) {
    if (calibrated && !r.error && r.calUs === null) problems.push(`calibration reading of ${r.id} (run ${r.run + 1}) was rejected: its µs are not scaled`);
  }
  const end = ends[ends.length - 1];
  if (end) {
    // The board adds every result's sum as it sends it: a result lost, added or altered shows here.
    const total = results.reduce((t, r) => t + (typeof r.sum === "number" ? r.sum : 0), 0);
    if (Math.abs(end.checksum - total) > CHECKSUM_SLACK * Math.max(1, Math.abs(total))) {
      problems.push(`the end line's checksum is ${end.checksum}, the results received sum to ${total}`);
    }
  }
  if (end && end.count !== results.length) problems.push(`the board announced ${end.count} result(s) and sent ${results.length}`);
  const expected = hello ? hello.styles * hello.runs : undefined;
  if (end && expected !== undefined && end.count !== expected) {
    problems.push(`the board ran ${end.count} of ${expected} style runs`);
  } else if (!end && expected !== undefined && results.length !== expected) {
    problems.push(`${results.length} of ${expected} result(s) arrived`);
  }
  return problems;
}

/** What every style's summary refers to: built once per run, so a run of many styles stays linear. */
interface RunContext {
  /** The reference styles' results without errors. */
  classRuns: ResultRecord[];
  baselineRuns: ResultRecord[];
  sizesById: Map<string, SizeRecord[]>;
  blocksize: number | null;
  /** Styles timed while the machine ran slower than the run's noise allows: noisy. */
  slowCalibration: Set<string>;
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

function bytesOf(vars: number | null, blocksize: number | null): number | null {
  return vars === null || blocksize === null ? null : round(vars * blocksize, 2);
}

/** The whole container's bytes at `n`, fixed costs included; null when either figure is missing. */
function totalBytesOf(vars: number | null, fixed: number | null, n: number | undefined, blocksize: number | null): number | null {
  return vars === null || fixed === null || n === undefined || blocksize === null ? null : round((fixed + vars * n) * blocksize, 0);
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
  const total = totalBytesOf(vars, fixed, n, run.blocksize);
  const small = (run.sizesById.get(id) ?? []).map((s) => ({
    n: s.n, varsPerObject: s.varsPerObject, bytesPerObject: bytesOf(s.varsPerObject, run.blocksize), fixedVars: s.fixedVars,
    totalBytes: totalBytesOf(s.varsPerObject, s.fixedVars, s.n, run.blocksize),
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
    noisy: [...Object.keys(spread).filter((k) => spread[k] > NOISY_SPREAD), ...(run.slowCalibration.has(id) ? ["calUs"] : [])],
    varsPerObject: vars,
    bytesPerObject: bytes,
    // One-time costs are paid once per interpreter (the first typed array): the largest reading is the cost.
    fixedVars: fixed,
    totalBytes: total,
    sizes: [...small, ...(n !== undefined && ok.length ? [{ n, varsPerObject: vars, bytesPerObject: bytes, fixedVars: fixed, totalBytes: total }] : [])],
    objectsFit: ok.length ? (medianOf(ok.map((r) => r.objectsFit)) ?? null) : null,
    // A style that failed in any run has no trustworthy median: its error is shown.
    error: failed ? (failed.error ?? "failed") : ok.length ? null : "no result",
  };
}

/** A run's figures as one point of a sweep over N. */
function sweepPoint(s: BenchSummary): SweepPoint {
  return {
    n: s.n ?? 0,
    complete: s.complete,
    problems: s.problems,
    styles: s.styles.map((x) => ({
      id: x.id, vsClass: x.vsClass, varsPerObject: x.varsPerObject, bytesPerObject: x.bytesPerObject,
      fixedVars: x.fixedVars, totalBytes: x.totalBytes, error: x.error,
    })),
  };
}

/**
 * Builds the summary (`thincall.summary/1`) from one run's lines (a `/1` run is converted); its
 * sweep is the one point at its N. Derived figures (medians, ratios, spreads, bytes) are computed
 * here, so the device sends only what it measured. Lines of another run id than the host line's
 * are ignored.
 */
export function summarize(lines: ResultsLine[]): BenchSummary {
  const s = summarizeRun(lines);
  return { ...s, sweep: s.n === null ? [] : [sweepPoint(s)] };
}

/** One run's summary, with what joins it to the other runs of its sweep (its host line's). */
export interface SummarizedRun {
  summary: BenchSummary;
  /** The sweep the run belongs to, if any. */
  sweep?: string;
  /** In a sweep, the N the host line names as the headline. */
  headline?: number;
}

/** Summarizes one run's lines ({@link summarize}), keeping what {@link combineRuns} groups sweeps by. */
export function summarizeOneRun(run: ResultsLine[]): SummarizedRun {
  const host = run.find((l): l is HostRecord => l.t === "host");
  return { summary: summarize(run), sweep: host?.sweep, headline: host?.headline };
}

/**
 * One summary of the runs of one sweep (`--n 257,100,1000`: one upload per N): the headline
 * figures are at the N the host lines name (the first the user listed; else the last run's),
 * the sweep has every N's in the order run, and problems say at which N they arose.
 */
export function summarizeSweep(runs: ResultsLine[][]): BenchSummary {
  return sweepSummary(runs.map(summarizeOneRun));
}

function sweepSummary(runs: SummarizedRun[]): BenchSummary {
  const each = runs.map((r) => r.summary);
  const last = each[each.length - 1];
  if (each.length < 2) return last;
  const named = runs[0].headline;
  const headline = each.find((s) => s.n === named) ?? last;
  return {
    ...headline,
    complete: each.every((s) => s.complete),
    problems: each.flatMap((s) => s.problems.map((p) => `at N=${s.n}: ${p}`)),
    sweep: each.flatMap((s) => s.sweep),
  };
}

/** One summary per run, the runs of one sweep (consecutive, same `sweep` id) taken together. */
export function summarizeRuns(runs: ResultsLine[][]): BenchSummary[] {
  return combineRuns(runs.map(summarizeOneRun));
}

/**
 * {@link summarizeRuns} from runs already summarized one by one, in file order: a reader that
 * summarizes each run as it ends ({@link summarizeOneRun}) and drops its lines ends here.
 */
export function combineRuns(runs: SummarizedRun[]): BenchSummary[] {
  const groups: SummarizedRun[][] = [];
  for (const run of runs) {
    const last = groups[groups.length - 1];
    if (run.sweep !== undefined && last && last[0].sweep === run.sweep) last.push(run);
    else groups.push([run]);
  }
  return groups.map(sweepSummary);
}

/**
 * One run's summary. A figure the lines do not give is null (never 0), and every missing or
 * refused line is a problem.
 */
function summarizeRun(lines: ResultsLine[]): BenchSummary {
  const legacy = lines.filter((l): l is LegacyRecord => "legacy" in l);
  const current = lines.filter((l): l is Exclude<ResultsLine, LegacyRecord> => !("legacy" in l));
  // A run is read as /1 only when nothing in it is /2 (a host line without a run id is either):
  // one stray line cannot turn a run into another.
  const only1 = current.every((l) => l.t === "incomplete" || (l.t === "host" && l.runId === undefined));
  if (legacy.length > 0 && only1) return summarizeLegacy(legacy);
  const host = current.find((l): l is HostRecord => l.t === "host");
  const own = current.filter((l) => !host?.runId || !("r" in l) || l.r === undefined || l.r === host.runId);
  const hello = own.find((l): l is HelloRecord => l.t === "hello");
  const raw = own.filter((l): l is ResultRecord => l.t === "result");
  const results = atFastestSpeed(raw);
  const slowCalibration = new Set(calibrationOutliers(raw).filter((o) => o.side === "slow").map((o) => o.result.id));
  const sizes = own.filter((l): l is SizeRecord => l.t === "size");
  const ends = own.filter((l): l is EndRecord => l.t === "end");
  const invalid = own.filter((l): l is InvalidRecord => l.t === "invalid");
  const blocksize = hello?.blocksize ?? null;
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
  const run: RunContext = { classRuns: okOf(CLASS_ID), baselineRuns: okOf(BASELINE_ID), sizesById, blocksize, slowCalibration };
  const styles = [...byId].map(([id, mine]) => styleSummary(id, mine, run));
  const problems = problemsOf({ results, raw, ends, hello, invalid, strangers: legacy.length });
  const expected = hello ? hello.styles * hello.runs : undefined;
  return {
    schema: SUMMARY_SCHEMA,
    source: 2,
    board: host?.board ?? hello?.board ?? "unknown",
    engine: hello?.engine === "quickjs" || hello?.engine === "espruino" ? hello.engine : "unknown",
    version: hello?.version ?? "unknown",
    mode: hello?.mode ?? host?.mode ?? "ram",
    blocksize,
    freeBytes: hello ? hello.free * hello.blocksize : null,
    coreBytes: host?.coreBytes ?? null,
    runs: hello?.runs ?? 1,
    n: hello?.sizes[hello.sizes.length - 1] ?? null,
    // A refused line is a line the run lacks (a figure out of range only loses that figure, its record is kept).
    complete: hello !== undefined && ends.length > 0 && results.length === expected && !lines.some((l) => l.t === "incomplete") &&
      invalid.every((l) => l.kind.startsWith(`${OUT_OF_RANGE}: `)),
    problems,
    styles,
    sweep: [],
  };
}
