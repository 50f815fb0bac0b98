/**
 * The on-device benchmark for any workload's styles: per style, µs per element in each loop and
 * JsVars per object, printed over the console as protocol lines (see scripts/bench/schema.ts),
 * ending with `end`. Entries call {@link setUp} with their styles, then `setTimeout(step, 0)` (firmware/bench.ts: the
 * built-in workload; `thincall bench --workload`: a generated entry).
 *
 * Each (run, style) pair is one timer task, and the next task is queued before a style starts:
 * on a board, running out of memory interrupts the running code (it cannot be caught), so the
 * next task finds the style unfinished, reports it as that style's error, and goes on.
 */
import { BOARD_ID, BOARD_WATCHDOG } from "thincall:board";
import { buildMeasured, largeN, results, timeLoops, type LoopInfo, type Style } from "./harness";
import { emit, r3 } from "./report";
import { LINE_HASH } from "../../scripts/protocol/line-hash";

/**
 * Set by the host before the bundle; absent when run by hand. `r`: run id echoed on every line;
 * `runs`: fresh repetitions; `n`: objects per container (0: from free memory); `only`: style ids,
 * comma-separated (empty: all); `ms`: shortest sample, for coarse timers; `k`: timing rounds.
 */
declare const THINCALL_RUN: { mode: "ram" | "flash"; quick: number; runs: number; n: number; only: string; r: string; ms: number; k: number } | undefined;

var cfg = typeof THINCALL_RUN === "undefined" ? { mode: "ram" as const, quick: 0, runs: 1, n: 0, only: "", r: "", ms: 2, k: 25 } : THINCALL_RUN;
var mem0 = process.memory();
/** The large container: not a power of two (see largeN); the small one shows fixed costs. */
var objectCount = cfg.n || largeN(mem0.free);
var smallCount = 32;
/** Timing rounds per style and run (see timeLoops). */
var timingRounds = cfg.k;
var runCount = cfg.runs || 1;
// Array indexOf, not a search in the joined string: Espruino 2v29's String indexOf matches a
// needle that runs off the end of the text (",a,b,".indexOf(",x,") is 4, not -1).
var only = cfg.only ? cfg.only.split(",") : [];
var styles: Style[] = [];
var LOOPS: LoopInfo[] = [];

var task = -1;
var pending = "";
var checksum = 0;
var count = 0;

function kick(): void {
  if (BOARD_WATCHDOG) E.kickWatchdog();
}

function fail(id: string, run: number, error: string): void {
  emit({ t: "result", r: cfg.r, id: id, run: run, n: objectCount, error: error });
  count++;
}

function figure(v: number | null): number | null {
  return v === null ? null : r3(v);
}

function measure(style: Style, run: number): void {
  if (!run) {
    var small = buildMeasured(style.build, smallCount);
    emit({ t: "size", r: cfg.r, id: style.id, n: smallCount, varsPerObject: small.varsPerObject, fixedVars: small.fixedVars });
    small.container = null;
    small.keep = [];
  }
  var built = buildMeasured(style.build, objectCount);
  kick();
  // Results first, on the fresh container: timing runs each loop a different number of times per style.
  var got = results(style, built.container, objectCount, LOOPS);
  var time = timeLoops(style, built.container, objectCount, cfg.ms, timingRounds);
  kick();
  var us = time.us;
  var L = LOOPS.length; // the index and hoisted timings follow the workload loops
  var first = got.loops[0];
  if (first !== null) checksum += first;
  count++;
  var loops = [];
  for (var i = 0; i < L; i++) loops.push({ name: LOOPS[i].name, us: figure(us[i]), sum: got.loops[i] });
  emit({
    t: "result",
    r: cfg.r,
    id: style.id,
    run: run,
    n: objectCount,
    // The first two loops keep the built-in workload's names: for…of (area) and grow.
    forOfUs: figure(us[0]),
    indexUs: figure(us[L]),
    growUs: L > 1 ? figure(us[1]) : null,
    hoistedUs: figure(us[L + 1]),
    buildUs: r3(built.buildUs),
    // Without a reading the style's µs are left unscaled (scripts/bench/summary.ts atFastestSpeed).
    calUs: time.calUs > 0 ? Math.round(time.calUs * 1e6) / 1e6 : undefined,
    varsPerObject: built.varsPerObject,
    fixedVars: built.fixedVars,
    objectsFit: built.varsPerObject > 0 ? Math.floor((mem0.free - built.fixedVars) / built.varsPerObject) : null,
    sum: first === null ? undefined : first,
    loops: loops,
    hoistedSum: got.hoisted === null ? undefined : got.hoisted,
    batch: style.batch ? true : undefined,
    // Both loops visit the same objects before any change: a different sum means a broken loop.
    error: got.index !== null && got.index !== first ? "index loop sum " + got.index + " is not the for-of sum " + first : undefined,
  });
}

/** One task: the next (run, style), or the end. */
export function step(): void {
  var run = Math.floor(task / styles.length);
  // A style left unfinished ran out of memory (which cannot be caught), or was interrupted: Ctrl-C,
  // which means stop (Ctrl-C leaves this queued timer alive, and a bench going on unwatched
  // would print into the next run).
  var stop = false;
  if (pending) {
    stop = E.getErrorFlags().indexOf("MEMORY") < 0;
    fail(pending, run, stop ? "interrupted" : "Out of memory");
  }
  task++;
  run = Math.floor(task / styles.length);
  if (stop || run >= runCount) {
    emit({ t: "end", r: cfg.r, checksum: checksum, count: count });
    return;
  }
  var style = styles[task % styles.length];
  pending = style.id;
  setTimeout(step, 0);
  emit({ t: "progress", r: cfg.r, id: style.id, i: task, n: runCount * styles.length, run: run });
  E.getErrorFlags();
  try {
    measure(style, run);
  } catch (e) {
    fail(style.id, run, String(e).indexOf("memory") >= 0 ? "Out of memory" : String(e));
  }
  pending = "";
}

/**
 * Sets the bench up over `all` (filtered by the host's `only`), whose loops are `loops`, and says
 * hello. The entry then starts it with `setTimeout(step, 0)` as its last top-level statement: one
 * timer task per (run, style), as described above (and a program counts as started there).
 */
export function setUp(all: Style[], loops: LoopInfo[]): void {
  LOOPS = loops;
  styles = all.filter(function (style) {
    return !only.length || only.indexOf(style.id) >= 0;
  });
  emit({
    t: "hello",
    r: cfg.r,
    board: BOARD_ID,
    engine: process.env.ENGINE || "espruino",
    version: process.env.VERSION || process.version,
    blocksize: mem0.blocksize,
    free: mem0.free,
    total: mem0.total,
    mode: cfg.mode,
    quick: !!cfg.quick,
    styles: styles.length,
    runs: runCount,
    sizes: [smallCount, objectCount],
    loops: loops.map(function (l) {
      return l.name;
    }),
    // Every line of this run carries its hash: the host refuses one without.
    hash: LINE_HASH,
  });
}
