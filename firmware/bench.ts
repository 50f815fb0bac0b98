/**
 * The on-device benchmark: call overhead and memory footprint of every dispatch style, printed
 * over the console as protocol lines (see scripts/bench/schema.ts), ending with an `end` line.
 *
 * Each style runs in its own timer task, and the next task is queued before a style starts: on a
 * board, running out of memory interrupts the running code (it cannot be caught), so the next task
 * finds the style unfinished, reports it as that style's error, and goes on.
 */
import { BOARD_ID, BOARD_WATCHDOG } from "thincall:board";
import { buildMeasured, emptyLoop, pow2Below, timeLoop, type Style } from "./bench/harness";
import { emit, r3 } from "./bench/report";
import { STYLES } from "./bench/styles";

/** Set by the host before the bundle (mode and quick flag); absent when run by hand. */
declare const THINCALL_RUN: { mode: string; quick: number } | undefined;

const cfg = typeof THINCALL_RUN === "undefined" ? { mode: "ram", quick: 0 } : THINCALL_RUN;
const mem0 = process.memory();
/** Objects per container: a power of two (so packed storage has no slack), sized to free memory. */
const N = pow2Below(mem0.free / 10, 16, 256);
/** Samples per figure, and calls per sample. */
const K = cfg.quick ? 5 : 15;
const REPS = Math.max(1, (cfg.quick ? 512 : 2048) / N);

let index = -1;
let pending = "";
let checksum = 0;
let count = 0;

function kick(): void {
  if (BOARD_WATCHDOG) E.kickWatchdog();
}

function fail(id: string, error: string): void {
  emit({ t: "result", id: id, callUs: null, hoistedUs: null, spreadUs: null, varsPerObject: null, n: N, objectsFit: null, sum: 0, error: error });
  count++;
}

function measure(st: Style): void {
  const m = buildMeasured(st.build, N);
  kick();
  const inLoop = timeLoop(st.run, m[1], N, REPS, K, st);
  kick();
  const hoisted = timeLoop(st.hoisted, m[1], N, REPS, K, st);
  const vars = m[0];
  checksum += inLoop[3];
  count++;
  emit({
    t: "result",
    id: st.id,
    callUs: r3(inLoop[0]),
    hoistedUs: r3(hoisted[0]),
    spreadUs: r3(inLoop[1]),
    varsPerObject: vars,
    n: N,
    objectsFit: vars > 0 ? Math.floor(mem0.free / vars) : null,
    sum: inLoop[3],
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
  const empty = timeLoop(emptyLoop, base[1], N, REPS, K, STYLES[0]);
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
    loopUs: r3(empty[2]),
    noiseUs: r3(empty[1]),
  });
  setTimeout(step, 0);
}

setTimeout(start, 0);
