/** Report test data: one bench run's results-file lines (`/2`), shaped like an Espruino Pico run. */
import { STYLE_IDS, type StyleId } from "../../scripts/bench/schema.ts";
import type { ResultsLine } from "../../scripts/bench/summary.ts";

/** µs per element: for…of, index, grow, hoisted; then JsVars per object and fixed JsVars. */
export const FIGURES: Record<StyleId, [number, number | null, number | null, number | null, number, number]> = {
  "baseline.inline": [6.1, 14.0, 7.0, null, 4, 0],
  "floor.local-call": [11.0, 19.0, 12.0, 11.0, 4, 0],
  "js.class": [12.0, 20.0, 13.0, 12.5, 6, 0],
  "js.prototype": [12.1, 20.1, 13.1, 12.6, 6, 0],
  "js.literal-closures": [11.5, 19.5, 12.5, 11.9, 18, 0],
  "js.literal-shared": [11.2, 19.2, 12.2, 11.8, 6, 0],
  "js.closure": [10.5, 18.5, null, null, 9, 0],
  "js.bind": [13.5, 21.5, null, null, 7, 0],
  "js.switch": [8.0, 16.0, 9.0, null, 4, 0],
  "thin.func": [9.8, 17.8, null, 10.0, 5, 0],
  "thin.vtable": [12.8, 20.8, 14.0, 10.5, 5, 0],
  "thin.table": [14.0, 22.0, 15.0, 10.6, 5, 0],
  "thin.packed": [18.0, null, 20.0, null, 0.7, 40],
  "thin.grouped": [9.0, null, 10.0, null, 0.7, 40],
  "thin.batch": [3.0, null, 4.0, null, 0.6, 44],
};

export interface RunOptions {
  board?: string;
  engine?: "espruino" | "quickjs";
  mode?: "ram" | "flash";
  blocksize?: number;
  free?: number;
  /** Multiplies every time. */
  speed?: number;
  errors?: Partial<Record<StyleId, string>>;
  /** Fresh runs; run k's times are multiplied by `jitter[k]` (default 1). */
  runs?: number;
  jitter?: number[];
  /** Replaces figures of some styles. */
  figures?: Partial<typeof FIGURES>;
  /** Styles beyond the bench's own (e.g. thin.grouped), with their figures, sent after them. */
  extra?: Record<string, (typeof FIGURES)[StyleId]>;
  runId?: string;
  /** Objects per container. @default 150 */
  n?: number;
}

/** The lines of one run, as a results file holds them. */
export function runLines(o: RunOptions = {}): ResultsLine[] {
  const { board = "PICO", engine = "espruino", mode = "ram", blocksize = 13, free = 4800, speed = 1, runs = 1, runId = "r1" } = o;
  const n = o.n ?? 150;
  const figures: Record<string, (typeof FIGURES)[StyleId]> = { ...FIGURES, ...o.figures, ...o.extra };
  const ids: string[] = [...STYLE_IDS, ...Object.keys(o.extra ?? {})];
  const errors: Record<string, string | undefined> = o.errors ?? {};
  const results: ResultsLine[] = [];
  for (let run = 0; run < runs; run++) {
    const k = speed * (o.jitter?.[run] ?? 1);
    for (const id of ids) {
      const [forOf, index, grow, hoisted, vars, fixed] = figures[id];
      const error = errors[id];
      const t = (v: number | null) => (v === null ? null : Number((v * k).toFixed(3)));
      results.push(
        error
          ? { t: "result", r: runId, id, run, n, error }
          : {
              t: "result", r: runId, id, run, n, forOfUs: t(forOf), indexUs: t(index), growUs: t(grow), hoistedUs: t(hoisted),
              buildUs: t(30), varsPerObject: vars, fixedVars: fixed, objectsFit: Math.floor((free - fixed) / vars), sum: 1000,
              ...(id === "thin.batch" ? { batch: true } : {}),
            },
      );
    }
  }
  const sizes: ResultsLine[] = ids.filter((id) => !errors[id]).map((id) => ({
    t: "size", r: runId, id, n: 32, varsPerObject: figures[id][4] * 1.2, fixedVars: figures[id][5],
  }));
  return [
    { t: "host", board, port: "virtual", coreBytes: 1234, mode, startedAt: "2025-01-01T00:00:00Z", command: "thincall bench", runId },
    {
      t: "hello", r: runId, board, engine, version: "2v25", blocksize, free, total: free + 300, mode, quick: false,
      styles: ids.length, runs, sizes: [32, n],
    },
    ...sizes,
    ...results,
    { t: "end", r: runId, checksum: 1000 * results.filter((r) => r.t === "result" && !("error" in r && r.error)).length, count: results.length },
  ];
}
