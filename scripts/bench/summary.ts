import type { BenchSummary, DeviceRecord, HelloRecord, ResultRecord, StyleSummary } from "./schema.ts";

/**
 * A line the host writes into the results file before the device's lines: what the device
 * cannot know about itself.
 */
export interface HostRecord {
  t: "host";
  /** Board profile id. */
  board: string;
  /** Port description, e.g. `tcp://127.0.0.1:2323` or `virtual`. */
  port: string;
  /** Bytes of the minified dispatch core for this board. */
  coreBytes: number;
  /** Upload mode asked for. */
  mode: "ram" | "flash";
  /** ISO time the run started. */
  startedAt: string;
  /** The command line that produced the run. */
  command: string;
}

/** Any line of a results (JSONL) file. */
export type ResultsLine = DeviceRecord | HostRecord;

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/**
 * Builds the `thincall.bench/1` summary from one run's lines. Derived figures (callRatio,
 * bytesPerObject, withinNoise) are computed here, so the device sends only what it measured.
 */
export function summarize(lines: ResultsLine[]): BenchSummary {
  const host = lines.find((l): l is HostRecord => l.t === "host");
  const hello = lines.find((l): l is HelloRecord => l.t === "hello");
  const results = lines.filter((l): l is ResultRecord => l.t === "result");
  const blocksize = hello?.blocksize ?? 0;
  const floor = results.find((r) => r.id === "floor.local-call");
  const floorUs = floor && !floor.error ? floor.callUs : null;
  const styles: StyleSummary[] = results.map((r) => {
    const ok = !r.error;
    const callUs = ok ? r.callUs : null;
    const vars = ok ? r.varsPerObject : null;
    const style: StyleSummary = {
      id: r.id,
      callUs,
      hoistedUs: ok ? r.hoistedUs : null,
      callRatio: callUs !== null && floorUs ? round(callUs / floorUs, 3) : null,
      varsPerObject: vars,
      bytesPerObject: vars !== null ? round(vars * blocksize, 2) : null,
      objectsFit: ok ? r.objectsFit : null,
      error: r.error ?? null,
    };
    // Per-style noise (IQR of paired differences) when sent, else the empty loop's own.
    const noise = ok && r.spreadUs !== null && r.spreadUs !== undefined ? r.spreadUs : hello?.noiseUs;
    if (callUs !== null && noise !== undefined && noise > 0) style.withinNoise = Math.abs(callUs) <= noise;
    return style;
  });
  return {
    schema: "thincall.bench/1",
    board: host?.board ?? hello?.board ?? "unknown",
    engine: hello?.engine === "quickjs" ? "quickjs" : "espruino",
    version: hello?.version ?? "unknown",
    mode: hello?.mode ?? host?.mode ?? "ram",
    blocksize,
    freeBytes: hello ? hello.free * blocksize : 0,
    coreBytes: host?.coreBytes ?? 0,
    styles,
  };
}
