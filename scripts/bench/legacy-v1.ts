/**
 * Results files of schema `thincall.bench/1` (protocol `@tc1`), read so that old runs stay
 * comparable: their records are recognised here and summarized into the `/2` summary with
 * the figures `/1` had (one index-loop call time, empty loop subtracted, as `callUs`).
 */
import * as v from "valibot";
import type { BenchSummary, StyleSummary } from "./schema.ts";
import { SUMMARY_SCHEMA } from "./summary-schema.ts";

/** A `/1` record: host, hello (with `loopUs`), progress, result (with `callUs`), end. */
export interface LegacyRecord {
  t: "host" | "hello" | "progress" | "result" | "end";
  legacy: 1;
  [field: string]: unknown;
}

const str = v.string();
const num = v.pipe(v.number(), v.finite());
const numOrNull = v.nullable(num);

/**
 * The `/1` records, one valibot schema: the fields that tell each kind from a `/2` record (other
 * fields pass through as they are). A `/2` record carries a run id (`r`, `runId`), which no `/1`
 * record has.
 */
export const LegacyRecordSchema = v.variant("t", [
  v.looseObject({ t: v.literal("host"), board: str, port: str, coreBytes: num, startedAt: str, command: str }),
  v.looseObject({ t: v.literal("hello"), board: str, engine: str, version: str, blocksize: num, free: num, loopUs: num, noiseUs: num }),
  v.looseObject({ t: v.literal("progress"), id: str, i: num, n: num }),
  v.looseObject({ t: v.literal("result"), id: str, callUs: numOrNull, hoistedUs: numOrNull, varsPerObject: numOrNull, n: num, sum: num }),
  v.looseObject({ t: v.literal("end"), checksum: num, count: num }),
]);

/** The value as a `/1` record, or null. `/2` records (they carry a run id `r`) are not `/1`. */
export function legacyRecord(value: unknown): LegacyRecord | null {
  if (typeof value !== "object" || value === null || "r" in value || "runId" in value) return null;
  const parsed = v.safeParse(LegacyRecordSchema, value);
  return parsed.success ? ({ ...(value as object), legacy: 1 } as LegacyRecord) : null;
}

const field = <T>(r: LegacyRecord | undefined, key: string): T | undefined => r?.[key] as T | undefined;

/** The summary of a `/1` run (its sweep is added by `summarize`): its call times as `callUs`, its memory at its single size. */
export function summarizeLegacy(lines: LegacyRecord[]): BenchSummary {
  const host = lines.find((l) => l.t === "host");
  const hello = lines.find((l) => l.t === "hello");
  // A figure the file does not give is null, never 0.
  const blocksize = field<number>(hello, "blocksize") ?? null;
  const styles = lines
    .filter((l) => l.t === "result")
    .map((r): StyleSummary => {
      const error = (r.error as string | undefined) ?? null;
      const vars = error ? null : (r.varsPerObject as number | null);
      const bytes = vars === null || blocksize === null ? null : Math.round(vars * blocksize * 100) / 100;
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
    blocksize, freeBytes: blocksize === null ? null : (field<number>(hello, "free") as number) * blocksize,
    coreBytes: field<number>(host, "coreBytes") ?? null, runs: 1, n: (styles[0]?.sizes[0].n as number) ?? null,
    complete: lines.some((l) => l.t === "end"), problems: [], styles, sweep: [],
  };
}
