/**
 * Results files of schema `thincall.bench/1` (protocol `@tc1`), read so that old runs stay
 * comparable: their records are recognised here and summarized into the `/2` summary with
 * the figures `/1` had (one index-loop call time, empty loop subtracted, as `callUs`).
 */
import type { BenchSummary, StyleSummary } from "./schema.ts";
import { SUMMARY_SCHEMA } from "./summary-schema.ts";

/** A `/1` record: host, hello (with `loopUs`), progress, result (with `callUs`), end. */
export interface LegacyRecord {
  t: "host" | "hello" | "progress" | "result" | "end";
  legacy: 1;
  [field: string]: unknown;
}

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === "string";
const num: Check = (v) => typeof v === "number" && Number.isFinite(v);
const numOrNull: Check = (v) => v === null || num(v);

/** The fields that tell a `/1` record from a `/2` one, per kind. */
const SHAPES: Record<string, Record<string, Check>> = {
  host: { board: str, port: str, coreBytes: num, startedAt: str, command: str },
  hello: { board: str, engine: str, version: str, blocksize: num, free: num, loopUs: num, noiseUs: num },
  progress: { id: str, i: num, n: num },
  result: { id: str, callUs: numOrNull, hoistedUs: numOrNull, varsPerObject: numOrNull, n: num, sum: num },
  end: { checksum: num, count: num },
};

/** The value as a `/1` record, or null. `/2` records (they carry a run id `r`) are not `/1`. */
export function legacyRecord(value: unknown): LegacyRecord | null {
  if (typeof value !== "object" || value === null || "r" in value || "runId" in value) return null;
  const record = value as Record<string, unknown>;
  const shape = Object.hasOwn(SHAPES, String(record.t)) ? SHAPES[String(record.t)] : undefined;
  if (!shape || !Object.entries(shape).every(([key, check]) => check(record[key]))) return null;
  return { ...record, legacy: 1 } as LegacyRecord;
}

const field = <T>(r: LegacyRecord | undefined, key: string): T | undefined => r?.[key] as T | undefined;

/** The summary of a `/1` run (its sweep is added by `summarize`): its call times as `callUs`, its memory at its single size. */
export function summarizeLegacy(lines: LegacyRecord[]): BenchSummary {
  const host = lines.find((l) => l.t === "host");
  const hello = lines.find((l) => l.t === "hello");
  const blocksize = field<number>(hello, "blocksize") ?? 0;
  const styles = lines
    .filter((l) => l.t === "result")
    .map((r): StyleSummary => {
      const error = (r.error as string | undefined) ?? null;
      const vars = error ? null : (r.varsPerObject as number | null);
      const bytes = vars === null ? null : Math.round(vars * blocksize * 100) / 100;
      const none = { forOf: null, index: null, grow: null };
      return {
        id: String(r.id), batch: false, forOfUs: null, indexUs: null, growUs: null,
        hoistedUs: error ? null : (r.hoistedUs as number | null), buildUs: null,
        vsClass: none, vsBaseline: none, spread: {}, noisy: [], varsPerObject: vars, bytesPerObject: bytes,
        fixedVars: null, totalBytes: null, sizes: [{ n: r.n as number, varsPerObject: vars, bytesPerObject: bytes, fixedVars: null, totalBytes: null }],
        objectsFit: error ? null : (r.objectsFit as number | null), error, callUs: error ? null : (r.callUs as number | null),
      };
    });
  const mode = field<string>(hello, "mode") ?? field<string>(host, "mode");
  return {
    schema: SUMMARY_SCHEMA, source: 1,
    board: field<string>(host, "board") ?? field<string>(hello, "board") ?? "unknown",
    engine: field<string>(hello, "engine") === "quickjs" ? "quickjs" : "espruino",
    version: field<string>(hello, "version") ?? "unknown",
    mode: mode === "flash" ? "flash" : "ram",
    blocksize, freeBytes: (field<number>(hello, "free") ?? 0) * blocksize,
    coreBytes: field<number>(host, "coreBytes") ?? 0, runs: 1, n: (styles[0]?.sizes[0].n as number) ?? null,
    complete: lines.some((l) => l.t === "end"), problems: [], styles, sweep: [],
  };
}
