import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import { STYLE_IDS } from "./schema.ts";

/** What a run asks of the bench (the CLI's `bench` options; the page sets mode and quick). */
export interface BenchRunOptions {
  mode: "ram" | "flash";
  /** Fewer timing rounds, one run. @default false */
  quick?: boolean;
  /** Fresh repetitions of the whole measurement. @default 3, or 1 with quick */
  runs?: number;
  /** Objects per container. @default chosen from free memory (257 on the Linux build) */
  n?: number;
  /** Style ids to run. @default all */
  styles?: string[];
}

/** The run settings the firmware reads as `THINCALL_RUN`. */
export interface BenchRunSettings {
  mode: "ram" | "flash";
  quick: 0 | 1;
  runs: number;
  n: number;
  only: string;
  /** Run id: every device line carries it. */
  r: string;
  /** Shortest timed sample, ms. */
  ms: number;
  /** Timing rounds per style and run (the fastest sample counts). */
  k: number;
}

/**
 * Shortest timed sample on a board with a fine timer. Short samples, many of them: a busy host
 * preempts a process for milliseconds at a time, and only a sample that ran whole counts.
 * @default 2
 */
export const SAMPLE_MS = 2;

/** Timing per loop, per style and run, spread over the rounds: full run, then quick. */
const ROUNDS_BUDGET_MS = [100, 10];

/** Timing rounds that fit the budget at samples of `ms`: at least 3, at most 50. */
export function timingRounds(ms: number, quick: boolean): number {
  return Math.max(3, Math.min(50, Math.round(ROUNDS_BUDGET_MS[quick ? 1 : 0] / ms)));
}

/** A fresh run id (8 hex digits), in Node and in a browser alike. */
export function newRunId(): string {
  const bytes = new Uint8Array(4);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The settings of one run on one board. Shared by `thincall bench` and `thincall web`.
 * @throws UserError for an unknown style id.
 */
export function benchRunSettings(board: BoardProfile, options: BenchRunOptions): BenchRunSettings {
  const unknown = (options.styles ?? []).filter((id) => !(STYLE_IDS as readonly string[]).includes(id));
  if (unknown.length) throw new UserError(`unknown style ${unknown.join(", ")}; styles: ${STYLE_IDS.join(", ")}`);
  const ms = board.minSampleMs ?? SAMPLE_MS;
  return {
    mode: options.mode,
    quick: options.quick ? 1 : 0,
    runs: options.runs ?? (options.quick ? 1 : 3),
    // The Linux build's JsVar pool grows on demand, so its start-up free memory says nothing of the limit.
    n: options.n ?? (board.id === "linux" ? 257 : 0),
    only: (options.styles ?? []).join(","),
    // A fresh id per upload: lines of an older run still talking on the board are told apart.
    r: newRunId(),
    // Samples must span many ticks of a coarse timer (the emulator's ticks in 1 ms).
    ms,
    k: timingRounds(ms, !!options.quick),
  };
}

/**
 * The bench as a board receives it: one line of run settings the firmware reads
 * (`THINCALL_RUN`), then the bundle.
 */
export function benchProgram(bundle: string, run: BenchRunSettings): string {
  return `var THINCALL_RUN=${JSON.stringify(run)};\n` + bundle;
}
