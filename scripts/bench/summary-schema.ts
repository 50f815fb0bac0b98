/**
 * The summary `thincall bench --json` prints (schema {@link SUMMARY_SCHEMA}), as a valibot schema:
 * the types every report reads are inferred from it, and the host validates a summary with it
 * before printing, so scripts that consume the JSON get exactly this shape. A change of shape
 * is a new version.
 */
import * as v from "valibot";

/** The summary's schema id; scripts check it before reading. */
export const SUMMARY_SCHEMA = "thincall.summary/1";

const figure = v.nullable(v.pipe(v.number(), v.finite()));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/** A figure per loop shape. */
const ShapesSchema = v.strictObject({ forOf: figure, index: figure, grow: figure });

/** The memory figures of a container at some N. */
const memory = {
  varsPerObject: figure,
  /** varsPerObject × blocksize: per object, fixed costs excluded. */
  bytesPerObject: figure,
  /** JsVars of the empty container (stores, views, first typed array), paid once. */
  fixedVars: figure,
  /** (fixedVars + varsPerObject × n) × blocksize: the container at n, fixed costs included. */
  totalBytes: figure,
};

/** One container size's memory figures. */
const SizeSummarySchema = v.strictObject({ n: count, ...memory });

/** One style in the summary: medians over the runs. */
const StyleSummarySchema = v.strictObject({
  id: v.string(),
  /** Hands per-element work to natives (may beat the baseline legitimately). */
  batch: v.boolean(),
  forOfUs: figure,
  indexUs: figure,
  growUs: figure,
  hoistedUs: figure,
  buildUs: figure,
  /** Time over js.class's in the same shape and run (median over runs). */
  vsClass: ShapesSchema,
  /** Time over baseline.inline's in the same shape and run (median over runs). */
  vsBaseline: ShapesSchema,
  /** max/min over the runs, per figure (1 = identical); empty for a single run. */
  spread: v.record(v.string(), v.number()),
  /** Figures whose spread is over 10%. */
  noisy: v.array(v.string()),
  /** At the run's N. */
  ...memory,
  /** Memory at each container size, small first. */
  sizes: v.array(SizeSummarySchema),
  objectsFit: figure,
  /** Null when the style ran. */
  error: v.nullable(v.string()),
  /** µs per call from a `thincall.bench/1` file (index loop, empty loop subtracted). */
  callUs: v.optional(figure),
});

/** One style's figures at one N of a sweep. */
const SweepStyleSchema = v.strictObject({ id: v.string(), vsClass: ShapesSchema, ...memory, error: v.nullable(v.string()) });

/** The figures at one N: a run of `--n 100,257,1000` has three points, a run at one N has one. */
const SweepPointSchema = v.strictObject({
  n: count,
  /** Every point is its own upload, with its own checks. */
  complete: v.boolean(),
  problems: v.array(v.string()),
  styles: v.array(SweepStyleSchema),
});

/** The summary printed by `thincall bench --json`. */
export const BenchSummarySchema = v.strictObject({
  schema: v.literal(SUMMARY_SCHEMA),
  /** Record schema of the results it was made from (1 for old files). */
  source: v.picklist([1, 2]),
  board: v.string(),
  /** "unknown" when the run has no valid `hello` line (a problem says so). */
  engine: v.picklist(["espruino", "quickjs", "unknown"]),
  version: v.string(),
  mode: v.picklist(["ram", "flash"]),
  /** Bytes per JsVar; null when the run has no valid `hello` line (never a made-up 0). */
  blocksize: v.nullable(count),
  /** Free bytes at the start of the run (free JsVars × blocksize); null when unknown. */
  freeBytes: v.nullable(count),
  /** Bytes of the dispatch core, minified as bundled for the board; null without a host line. */
  coreBytes: v.nullable(count),
  /** Fresh runs the medians are taken over. */
  runs: count,
  /** Objects per container for the headline figures (`styles`): in a sweep, the first N listed. */
  n: v.nullable(count),
  /** Every run reached its `end` line. */
  complete: v.boolean(),
  /** What is wrong with the figures (checksums, counts, duplicates): non-empty means do not trust them. */
  problems: v.array(v.string()),
  /** The headline figures, at `n`. */
  styles: v.array(StyleSummarySchema),
  /** How the ratios and the RAM figures move with N: one point per N, in the order run (smallest first). */
  sweep: v.array(SweepPointSchema),
});

export type Shapes = v.InferOutput<typeof ShapesSchema>;
export type SizeSummary = v.InferOutput<typeof SizeSummarySchema>;
export type StyleSummary = v.InferOutput<typeof StyleSummarySchema>;
export type SweepStyle = v.InferOutput<typeof SweepStyleSchema>;
export type SweepPoint = v.InferOutput<typeof SweepPointSchema>;
export type BenchSummary = v.InferOutput<typeof BenchSummarySchema>;

/**
 * The summary, checked against {@link BenchSummarySchema}: what `--json` prints has the documented shape.
 * @throws Error naming the first field that does not fit (a bug in the host, not the user's input).
 */
export function checkedSummary(summary: unknown): BenchSummary {
  const result = v.safeParse(BenchSummarySchema, summary);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw new Error(`the summary does not match ${SUMMARY_SCHEMA}: ${v.getDotPath(issue) ?? "(top)"}: ${issue.message}`);
}
