/**
 * The device-to-host line protocol (version 2) and the results records, as one valibot schema:
 * the firmware's `emit` is typed by it, the host validates every line with it, and `report`
 * reads results files with it. The summary the host derives has its own schema: summary-schema.ts.
 *
 * Every protocol line is {@link LINE_PREFIX} followed by one JSON object whose `t` field names
 * the record, and whose `r` field is the run id the host gave the upload, then a space and the
 * hash of the JSON text (scripts/protocol/line-hash.ts). Anything else on the console (REPL echo,
 * prompts, banners, noise) is not protocol.
 */
import * as v from "valibot";
import { LINE_PREFIX, RECORD_TEXT_LIMIT } from "../protocol/line-prefix";
import { LINE_HASH } from "../protocol/line-hash";

export { LINE_PREFIX, RECORD_TEXT_LIMIT };

/** Style ids, in the order the bench runs them. Fixed: reports, tests and users rely on them. */
export const STYLE_IDS = [
  "baseline.inline",
  "floor.local-call",
  "js.class",
  "js.prototype",
  "js.literal-closures",
  "js.literal-shared",
  "js.closure",
  "js.bind",
  "js.switch",
  "thin.func",
  "thin.vtable",
  "thin.table",
  "thin.packed",
  "thin.grouped",
  "thin.batch",
] as const;

/** One of {@link STYLE_IDS}. */
export type StyleId = (typeof STYLE_IDS)[number];

/**
 * What a style is, for the picks: they compare like with like.
 * - `interface`: one object per item, any method callable on any item in any order;
 * - `container`: many items stored together, under a constraint the picks state;
 * - `kernel`: work handed to the interpreter's natives, worth it only for one kind of loop;
 * - `reference`: a yardstick (no call, or a bare call), never a pick.
 */
export type StyleKind =
  | { kind: "interface" | "reference" }
  | { kind: "container"; /** What a user gives up for it. */ constraint: string }
  | { kind: "kernel"; /** The loop it serves ("if your loop is …"). */ loop: string };

/**
 * The kind of every style id the bench knows: the one place that says so. `thin.grouped` (each
 * type's objects visited type by type over its own columns, calling its own JS method) is listed
 * before the bench runs it, so its results are never taken for an interface.
 */
export const STYLE_KINDS: Readonly<Record<StyleId | "thin.grouped", StyleKind>> = {
  "baseline.inline": { kind: "reference" },
  "floor.local-call": { kind: "reference" },
  "js.class": { kind: "interface" },
  "js.prototype": { kind: "interface" },
  "js.literal-closures": { kind: "interface" },
  "js.literal-shared": { kind: "interface" },
  "js.closure": { kind: "interface" },
  "js.bind": { kind: "interface" },
  "js.switch": { kind: "interface" },
  "thin.func": { kind: "interface" },
  "thin.vtable": { kind: "interface" },
  "thin.table": { kind: "interface" },
  "thin.packed": { kind: "container", constraint: "numeric fields only, insertion order kept" },
  "thin.grouped": { kind: "container", constraint: "numeric fields only, visited type by type" },
  "thin.batch": { kind: "kernel", loop: "sum of products of two numeric fields per type (E.convolve)" },
};

/**
 * The kind of a style in a summary: from {@link STYLE_KINDS}; an id the bench does not know is a
 * kernel when it says it hands work to natives, else unknown (never picked).
 */
export function styleKind(id: string, batch = false): StyleKind | undefined {
  const known = (STYLE_KINDS as Record<string, StyleKind>)[id];
  if (known) return known;
  return batch ? { kind: "kernel", loop: "the loop it was written for" } : undefined;
}

/** The style every ratio is taken against, and the no-call baseline. */
export const CLASS_ID = "js.class";
export const BASELINE_ID = "baseline.inline";

// Physical ranges: a figure outside them is a corrupted line or a broken timer, not a measurement.
const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(max));
/** µs per element: a board runs no loop faster than 1 ns or slower than 10 s an element. */
const micros = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(1e7)));
/** JsVars: no board has a million; fixed costs may read slightly negative after a GC. */
const jsvars = v.pipe(v.number(), v.minValue(-1e3), v.maxValue(1e6));
const runId = text(32);
const styleId = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9.-]{0,63}$/));
const mode = v.picklist(["ram", "flash"]);

/** First line of a run. */
export const HelloSchema = v.object({
  t: v.literal("hello"),
  r: runId,
  /** Board id the bundle was built for. */
  board: text(64),
  /** "espruino" or "quickjs". */
  engine: text(32),
  /** Interpreter version (process.version). */
  version: text(64),
  /** Bytes per JsVar reported by process.memory(). */
  blocksize: v.pipe(count(64), v.minValue(1)),
  /** Free and total JsVars at start. */
  free: count(1e7),
  total: count(1e7),
  mode,
  /** Whether fewer timing rounds were asked for. */
  quick: v.boolean(),
  /** Styles per run, and fresh runs. */
  styles: count(1000),
  runs: v.pipe(count(100), v.minValue(1)),
  /** Container sizes measured: [small, large]; figures are at the large one. */
  sizes: v.array(count(1e6)),
  /** The workload's loops, in order (absent before workloads: the built-in area and grow). */
  loops: v.optional(v.array(text(64))),
  /**
   * The hash every line of the run carries (scripts/protocol/line-hash.ts); absent from older
   * firmware, whose lines carry none. Once a run's lines are hashed, a line without one is refused.
   */
  hash: v.optional(v.literal(LINE_HASH)),
});

/** One workload loop's figures in a result. */
export const LoopResultSchema = v.object({
  name: text(64),
  /** µs per element in the style's fast loop; null when the style lacks the loop. */
  us: micros,
  /** One pass on a fresh container: the sum of a sum loop, else the checksum of every field after it. */
  sum: v.nullable(v.pipe(v.number(), v.finite())),
});

/** A style has started. */
export const ProgressSchema = v.object({
  t: v.literal("progress"),
  r: runId,
  id: styleId,
  /** 0-based task index, over all runs. */
  i: count(1e5),
  /** Number of tasks (runs × styles). */
  n: count(1e5),
  run: count(100),
});

/** JsVars per object at a second container size (run 0 only). */
export const SizeSchema = v.object({
  t: v.literal("size"),
  r: runId,
  id: styleId,
  n: count(1e6),
  varsPerObject: jsvars,
  fixedVars: jsvars,
});

/** One style's figures in one run. Times are µs per element, loop included. */
export const ResultSchema = v.object({
  t: v.literal("result"),
  r: runId,
  id: styleId,
  run: count(100),
  /** Objects per container. */
  n: count(1e6),
  /** The first loop (built-in: the area sum) in the style's fast loop (`for…of`, or its documented fast loop). */
  forOfUs: v.optional(micros),
  /** Area sum in an index loop; null when the container has none. */
  indexUs: v.optional(micros),
  /** The second loop (built-in: `grow(k)`) in the `for…of` shape; null for single-method styles. */
  growUs: v.optional(micros),
  /** Area with the target resolved once before the loop; null when there is no target. */
  hoistedUs: v.optional(micros),
  /** Building and storing one object. */
  buildUs: v.optional(micros),
  /**
   * µs per pass of the calibration loop, fastest reading during this style's timing: the machine's
   * speed meanwhile. The summary scales every µs figure by the run's fastest `calUs` over this.
   */
  calUs: v.optional(v.nullable(v.pipe(v.number(), v.minValue(1e-6), v.maxValue(1e7)))),
  /** JsVars per object beyond the fixed cost, spare capacity included. */
  varsPerObject: v.optional(v.nullable(jsvars)),
  /** JsVars of an empty container (stores, views, first typed-array use). */
  fixedVars: v.optional(v.nullable(jsvars)),
  /** Objects that would fit in the free memory at the start. */
  objectsFit: v.optional(v.nullable(count(1e9))),
  /** The first loop's result in one pass (built-in: the area sum): every style computes the same workload. */
  sum: v.optional(v.pipe(v.number(), v.finite())),
  /** Per workload loop, in order; `forOfUs` is the first loop's µs and `growUs` the second's. */
  loops: v.optional(v.array(LoopResultSchema)),
  /** The hoisted loop's sum in one pass (every object through the first type's method). */
  hoistedSum: v.optional(v.pipe(v.number(), v.finite())),
  /** Per-element work done by the interpreter's natives, a type per call. */
  batch: v.optional(v.boolean()),
  /** Set when the style failed (e.g. "Out of memory"). */
  error: v.optional(text(RECORD_TEXT_LIMIT)),
});

/** Last line of a run. */
export const EndSchema = v.object({
  t: v.literal("end"),
  r: runId,
  /** Sum of the per-style checksums. */
  checksum: v.pipe(v.number(), v.finite()),
  /** Number of result records sent. */
  count: count(1e5),
});

/** Any record a device sends. */
export const DeviceRecordSchema = v.variant("t", [HelloSchema, ProgressSchema, SizeSchema, ResultSchema, EndSchema]);

/** The line the host writes into the results file before the device's lines. */
export const HostSchema = v.object({
  t: v.literal("host"),
  /** Board profile id. */
  board: text(64),
  /** Port description, e.g. `tcp://127.0.0.1:2323` or `virtual`. */
  port: text(300),
  /** Bytes of the minified dispatch core for this board. */
  coreBytes: count(1e7),
  mode,
  /** ISO time the run started. */
  startedAt: text(40),
  /** The command line that produced the run. */
  command: text(2000),
  /** The run id every device line of this run carries. */
  runId: v.optional(runId),
  /** Shared by the runs of one `--n a,b,c` sweep (one upload per N), which a report shows as one. */
  sweep: v.optional(runId),
  /** In a sweep, the N whose figures are the headline (the first size the user listed). */
  headline: v.optional(count(1e6)),
});

/** A results-file line that marks the run as cut short (Ctrl-C, lost board). */
export const IncompleteSchema = v.object({
  t: v.literal("incomplete"),
  /** The run id of the run cut short (files may hold several runs, even interleaved). */
  r: v.optional(runId),
  reason: text(RECORD_TEXT_LIMIT),
});

/**
 * A protocol line of this run that the host received and could not use (not JSON, a record that
 * fails its schema, a figure out of range): kept in the results file, so nothing received is
 * lost, and counted by `kind` in the summary's problems.
 */
export const InvalidSchema = v.object({
  t: v.literal("invalid"),
  /** The run id the host was collecting when the line came. */
  r: v.optional(runId),
  /** What was wrong, e.g. `not JSON`, `invalid result`, `out of range: calUs`. */
  kind: text(80),
  /** The line as received (cut to the text limit). */
  line: text(RECORD_TEXT_LIMIT),
});

export type HelloRecord = v.InferOutput<typeof HelloSchema>;
export type ProgressRecord = v.InferOutput<typeof ProgressSchema>;
export type SizeRecord = v.InferOutput<typeof SizeSchema>;
export type ResultRecord = v.InferOutput<typeof ResultSchema>;
export type LoopResult = v.InferOutput<typeof LoopResultSchema>;
export type EndRecord = v.InferOutput<typeof EndSchema>;
export type DeviceRecord = v.InferOutput<typeof DeviceRecordSchema>;
export type HostRecord = v.InferOutput<typeof HostSchema>;
export type IncompleteRecord = v.InferOutput<typeof IncompleteSchema>;
export type InvalidRecord = v.InferOutput<typeof InvalidSchema>;

export type { BenchSummary, Shapes, SizeSummary, StyleSummary, SweepPoint, SweepStyle } from "./summary-schema.ts";
