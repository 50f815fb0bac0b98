/**
 * Which calibration readings (`calUs`) to trust. Each result carries the machine's speed while its
 * style was timed, and the summary rescales every µs figure by it, so one corrupted reading would
 * rescale a style (or, as the run's fastest, every style). Readings are compared with the run's
 * median by the median absolute deviation (MAD): both ignore up to half the readings, so the very
 * readings under suspicion cannot widen the yardstick, as they would a mean and standard deviation.
 * See docs/bench.md, "Calibration".
 */
import { medianOf } from "./median.ts";
import type { ResultRecord } from "./schema.ts";

/**
 * A reading further than this many MADs from the median is an outlier: the modified z-score
 * 0.6745·|x − median| / MAD over 3.5 (Iglewicz and Hoaglin), written as |x − median| / MAD.
 * @default 5.19 (3.5 / 0.6745)
 */
export const OUTLIER_MADS = 3.5 / 0.6745;

/**
 * Least distance from the median that counts, as a fraction of it, on each side: readings can all
 * agree (MAD 0) on a steady machine. A fast reading is the suspicious one (it sets every style's
 * speed), but an emulated engine does speed up as V8 optimises it: the emulator read 30% under its
 * median late in a run beside a test suite. A halved reading (the corruption seen) is caught.
 * A loaded host slows down (what calibration corrects), so a slow one has more room.
 * @default 0.4
 */
export const FAST_FLOOR = 0.4;
/** @see FAST_FLOOR @default 0.5 */
export const SLOW_FLOOR = 0.5;

/**
 * A reading that strays beyond the run's noise, with the line that names it. `fast`: faster than
 * the machine's full speed, so corrupted (a problem). `slow`: the machine ran that much slower
 * while the style was timed (a loaded host can); calibration scales it back, and the style is
 * flagged as noisy.
 */
export interface CalibrationOutlier {
  result: ResultRecord;
  side: "fast" | "slow";
  problem: string;
}

/** The results whose `calUs` strays from the run's other readings beyond the machine's noise. */
export function calibrationOutliers(results: readonly ResultRecord[]): CalibrationOutlier[] {
  const read = results.filter((r): r is ResultRecord & { calUs: number } => typeof r.calUs === "number" && r.calUs > 0);
  // Two readings cannot tell which one strays.
  if (read.length < 3) return [];
  const median = medianOf(read.map((r) => r.calUs)) as number;
  const mad = medianOf(read.map((r) => Math.abs(r.calUs - median))) as number;
  const out: CalibrationOutlier[] = [];
  for (const r of read) {
    const fast = r.calUs < median;
    const allowed = Math.max(OUTLIER_MADS * mad, (fast ? FAST_FLOOR : SLOW_FLOOR) * median);
    if (Math.abs(r.calUs - median) <= allowed) continue;
    out.push({
      result: r,
      side: fast ? "fast" : "slow",
      problem:
        `calibration reading of ${r.id} (run ${r.run + 1}) is ${r.calUs} µs, ${fast ? "faster" : "slower"} than the run's median ` +
        `${round(median)} µs beyond its noise (MAD ${round(mad)} µs)` +
        (fast ? ": its µs are not scaled by it" : ": the machine was that much slower while it was timed"),
    });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
