/** A `thincall.bench/1` run (old results files stay readable): one run, shaped like an Espruino Pico run. */
const STYLE_IDS = ["floor.local-call", "js.class", "js.prototype", "js.literal-closures", "js.literal-shared", "js.closure", "js.bind", "js.switch", "thin.func", "thin.vtable", "thin.table", "thin.packed"] as const;
type StyleId = (typeof STYLE_IDS)[number];
type ResultsLine = Record<string, unknown>;

/** µs/call in loop, hoisted, JsVars per object: shaped like an Espruino Pico run. */
export const FIGURES: Record<StyleId, [number, number, number | null]> = {
  "floor.local-call": [4.8, 4.6, null],
  "js.class": [14.2, 9.1, 9],
  "js.prototype": [13.9, 9.0, 8],
  "js.literal-closures": [9.6, 8.7, 19],
  "js.literal-shared": [10.1, 8.9, 7],
  "js.closure": [9.4, 8.6, 15],
  "js.bind": [18.7, 12.3, 12],
  "js.switch": [11.8, 11.5, 6],
  "thin.func": [7.9, 6.1, 3],
  "thin.vtable": [8.6, 6.4, 2],
  "thin.table": [9.9, 6.8, 1.5],
  "thin.packed": [12.4, 7.0, 1],
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
  noiseUs?: number;
}

/** The lines of one run, as a results file holds them. */
export function legacyRunLines(o: RunOptions = {}): ResultsLine[] {
  const { board = "PICO", engine = "espruino", mode = "ram", blocksize = 13, free = 4800, speed = 1, noiseUs = 0.3 } = o;
  const results = STYLE_IDS.map((id): ResultsLine => {
    const [callUs, hoistedUs, vars] = FIGURES[id];
    const error = o.errors?.[id];
    if (error) {
      return { t: "result", id, callUs: null, hoistedUs: null, spreadUs: null, varsPerObject: null, n: 0, objectsFit: null, sum: 0, error };
    }
    return {
      t: "result", id, callUs: Number((callUs * speed).toFixed(3)), hoistedUs: Number((hoistedUs * speed).toFixed(3)),
      spreadUs: 0.2 * speed, varsPerObject: vars, n: 50, objectsFit: vars === null ? null : Math.floor(free / vars), sum: 1000,
    };
  });
  return [
    { t: "host", board, port: "virtual", coreBytes: 1234, mode, startedAt: "2025-01-01T00:00:00Z", command: "thincall bench" },
    { t: "hello", board, engine, version: "2v25", blocksize, free, total: free + 300, mode, quick: false, styles: 12, loopUs: 2.1, noiseUs },
    ...results,
    { t: "end", checksum: 12000, count: 12 },
  ];
}

