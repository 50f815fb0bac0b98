/**
 * The on-device benchmark: call overhead and memory footprint of every dispatch style, printed
 * over the console as protocol lines (see scripts/bench/schema.ts), ending with an `end` line.
 *
 * Each style runs in its own timer task, and the next task is queued before a style starts: on a
 * board, running out of memory interrupts the running code (it cannot be caught), so the next task
 * finds the style unfinished, reports it as that style's error, and goes on.
 */
import { BOARD_ID, BOARD_WATCHDOG } from "thincall:board";
import { buildMeasured, emptyLoop, iqr, median, pow2Below, sorted, timeOnce, timePairs, type Style } from "./bench/harness";
import { emit, r3 } from "./bench/report";
import { STYLES } from "./bench/styles";

/** Set by the host before the bundle (mode and quick flag); absent when run by hand. */
declare const THINCALL_RUN: { mode: string; quick: number } | undefined;

const cfg = typeof THINCALL_RUN === "undefined" ? { mode: "ram", quick: 0 } : THINCALL_RUN;
const mem0 = process.memory();
/** Objects per container: a power of two (so packed storage has no slack), sized to free memory. */
const N = pow2Below(mem0.free / 12, 16, 256);
/**
 * Timing rounds, each on a freshly built container (so one memory layout cannot skew a style),
 * samples per round, and calls per sample.
 */
const ROUNDS = 3;
const K = cfg.quick ? 2 : 5;
const REPS = Math.max(1, (cfg.quick ? 512 : 2048) / N);

let index = -1;
let pending = "";
let checksum = 0;
let count = 0;
/** µs per element of the empty loop (lower quartile), measured at the start: converts cost ratios to µs. */
let loopUs = 0;
/** The same for an empty loop over a typed array (the unit of styles with their own empty loop). */
let typedLoopUs = 0;

function kick(): void {
  if (BOARD_WATCHDOG) E.kickWatchdog();
}

function fail(id: string, error: string): void {
  emit({ t: "result", id: id, callUs: null, hoistedUs: null, spreadUs: null, varsPerObject: null, n: N, objectsFit: null, sum: 0, error: error });
  count++;
}

function measure(st: Style): void {
  const m = buildMeasured(st.build, N);
  const vars = m[0];
  let c = m[1];
  m[1] = 0;
  const d: number[] = [];
  const h: number[] = [];
  const e: number[] = [];
  let sum = 0;
  // Noisy figures (IQR over a tenth of the median) earn more rounds, up to three times as many.
  // d and h hold cost ratios (see timePairs); e the empty loop's µs.
  for (let round = 0; round < ROUNDS || (round < 3 * ROUNDS && iqr(sorted(d)) > 0.1 * Math.abs(median(d))); round++) {
    if (round) {
      c = 0;
      c = st.build(N);
    }
    kick();
    sum = timePairs(st.run, c, N, REPS, K, st, d, e);
    kick();
    timePairs(st.hoisted, c, N, REPS, K, st, h, e);
  }
  // Ratios are in units of the style's own empty loop, both timed at the start: the Array one
  // (loopUs), or the typed-array one for a style with its own (thin.packed).
  const unit = st.empty ? typedLoopUs : loopUs;
  checksum += sum;
  count++;
  emit({
    t: "result",
    id: st.id,
    callUs: r3(median(d) * unit),
    hoistedUs: r3(median(h) * unit),
    spreadUs: r3(iqr(sorted(d)) * unit),
    varsPerObject: vars,
    n: N,
    objectsFit: vars > 0 ? Math.floor(mem0.free / vars) : null,
    sum: sum,
  });
}

function step(): void {
  if (pending) {
    const flags = E.getErrorFlags();
    fail(pending, flags.indexOf("MEMORY") >= 0 ? "Out of memory" : "interrupted");
  }
  index++;
  if (index >= STYLES.length) {
    emit({ t: "end", checksum: checksum, count: count });
    return;
  }
  const st = STYLES[index];
  pending = st.id;
  setTimeout(step, 0);
  emit({ t: "progress", id: st.id, i: index, n: STYLES.length });
  E.getErrorFlags();
  try {
    measure(st);
  } catch (e) {
    fail(st.id, String(e).indexOf("memory") >= 0 ? "Out of memory" : String(e));
  }
  pending = "";
}

function start(): void {
  const base = buildMeasured(STYLES[0].build, N);
  // The empty loop against itself: its median time, and the noise of a paired difference.
  const d: number[] = [];
  const e: number[] = [];
  timePairs(emptyLoop, base[1], N, REPS, ROUNDS * K, STYLES[0], d, e);
  // Load only ever adds time, so the lower quartile is the undisturbed loop (≈ the median when quiet).
  loopUs = sorted(e)[e.length >> 2];
  // Reading a typed array costs less than reading an Array: relate the two loops in pairs.
  const typed = new Uint32Array(N);
  const ratio: number[] = [];
  const out = [0];
  for (let j = 0; j < ROUNDS * K; j++) {
    const a = timeOnce(emptyLoop, base[1], N, REPS, STYLES[0], out);
    ratio.push(timeOnce(emptyLoop, typed, N, REPS, STYLES[0], out) / a);
  }
  typedLoopUs = loopUs * median(ratio);
  emit({
    t: "hello",
    board: BOARD_ID,
    engine: process.env.ENGINE || "espruino",
    version: process.env.VERSION || process.version,
    blocksize: mem0.blocksize,
    free: mem0.free,
    total: mem0.total,
    mode: cfg.mode,
    quick: !!cfg.quick,
    styles: STYLES.length,
    loopUs: r3(loopUs),
    noiseUs: r3(iqr(sorted(d)) * loopUs),
  });
  setTimeout(step, 0);
}

setTimeout(start, 0);
