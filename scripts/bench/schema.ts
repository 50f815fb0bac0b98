/**
 * The device-to-host line protocol (version 1) and the bench summary schema.
 *
 * Every protocol line is {@link LINE_PREFIX} followed by one JSON object whose `t` field names
 * the record. Anything else on the console (REPL echo, prompts, banners, noise) is not protocol.
 */

/** Prefix of every protocol line; the digit is the protocol version. */
export const LINE_PREFIX = "@tc1 ";

/** Style ids, in the order the bench runs them. Fixed: reports, tests and users rely on them. */
export const STYLE_IDS = [
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
] as const;

/** One of {@link STYLE_IDS}. */
export type StyleId = (typeof STYLE_IDS)[number];

/** First line of a run. */
export interface HelloRecord {
  t: "hello";
  /** Board id the bundle was built for. */
  board: string;
  /** "espruino" or "quickjs". */
  engine: string;
  /** Interpreter version (process.version). */
  version: string;
  /** Bytes per JsVar reported by process.memory(). */
  blocksize: number;
  /** Free JsVars at start. */
  free: number;
  /** Total JsVars at start. */
  total: number;
  /** Where the code runs from. */
  mode: "ram" | "flash";
  /** Whether fewer repetitions were asked for. */
  quick: boolean;
  /** Number of styles that will report. */
  styles: number;
  /** Median µs per element of the empty loop, and the noise (IQR) of empty-vs-empty pairs. */
  loopUs: number;
  noiseUs: number;
}

/** A style has started. */
export interface ProgressRecord {
  t: "progress";
  id: string;
  /** 0-based index of the style. */
  i: number;
  /** Number of styles. */
  n: number;
}

/** One style's figures. Times are µs per element with the empty loop subtracted. */
export interface ResultRecord {
  t: "result";
  id: string;
  /** µs per dynamic call, decision inside the loop (median of k runs, loop subtracted). */
  callUs: number | null;
  /** µs per call with the target resolved once outside the loop. */
  hoistedUs: number | null;
  /** Noise of callUs: interquartile range of the k paired (loop − empty loop) differences, µs. */
  spreadUs: number | null;
  /** JsVars per object in the style's natural container. */
  varsPerObject: number | null;
  /** Objects built for the memory figure. */
  n: number;
  /** Objects that would fit in the free memory measured at the start. */
  objectsFit: number | null;
  /** Checksum of this style's calls (all styles compute the same workload). */
  sum: number;
  /** Set when the style failed (e.g. "Out of memory"). */
  error?: string;
}

/** Last line of a run. */
export interface EndRecord {
  t: "end";
  /** Sum of the per-style checksums, so no engine can drop the work. */
  checksum: number;
  /** Number of result records sent. */
  count: number;
}

/** Any protocol record. */
export type DeviceRecord = HelloRecord | ProgressRecord | ResultRecord | EndRecord;

/** One style in the summary. */
export interface StyleSummary {
  id: string;
  callUs: number | null;
  hoistedUs: number | null;
  /** callUs / the floor's callUs. */
  callRatio: number | null;
  varsPerObject: number | null;
  /** varsPerObject × blocksize. */
  bytesPerObject: number | null;
  objectsFit: number | null;
  /** Null when the style ran. */
  error: string | null;
  /** True when callUs sits within the empty loop's noise. */
  withinNoise?: boolean;
}

/** The summary printed by `thincall bench --json` (schema thincall.bench/1). */
export interface BenchSummary {
  schema: "thincall.bench/1";
  board: string;
  engine: "espruino" | "quickjs";
  version: string;
  mode: "ram" | "flash";
  blocksize: number;
  /** Free bytes at the start of the run (free JsVars × blocksize). */
  freeBytes: number;
  /** Bytes of the dispatch core, minified as bundled for the board. */
  coreBytes: number;
  styles: StyleSummary[];
}
