import type { DeviceRecord } from "./schema.ts";
import type { ResultsLine } from "./summary.ts";

/**
 * The one validator of protocol and results-file records: what the bench keeps while a board
 * talks is exactly what `report` reads back.
 */

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === "string";
const num: Check = (v) => typeof v === "number" && Number.isFinite(v);
const numOrNull: Check = (v) => v === null || num(v);
const bool: Check = (v) => typeof v === "boolean";
const mode: Check = (v) => v === "ram" || v === "flash";
const optional = (check: Check): Check => (v) => v === undefined || check(v);

/** Field types per record kind; extra fields are tolerated so newer writers stay readable. */
const SHAPES: Record<ResultsLine["t"], Record<string, Check>> = {
  host: { board: str, port: str, coreBytes: num, mode, startedAt: str, command: str },
  hello: {
    board: str, engine: str, version: str, blocksize: num, free: num, total: num,
    mode, quick: bool, styles: num, loopUs: num, noiseUs: num,
  },
  progress: { id: str, i: num, n: num },
  result: {
    id: str, callUs: numOrNull, hoistedUs: numOrNull, spreadUs: numOrNull,
    varsPerObject: numOrNull, n: num, objectsFit: numOrNull, sum: num, error: optional(str),
  },
  end: { checksum: num, count: num },
};

/** Whether `value` is a record of a known kind with the right field types. */
export function isResultsLine(value: unknown): value is ResultsLine {
  if (typeof value !== "object" || value === null) return false;
  const record = value as Record<string, unknown>;
  const shape = Object.hasOwn(SHAPES, String(record.t)) ? SHAPES[record.t as ResultsLine["t"]] : undefined;
  return shape !== undefined && Object.entries(shape).every(([key, check]) => check(record[key]));
}

/** Whether `value` is a record a device sends (any kind but the host's own line). */
export function isDeviceRecord(value: unknown): value is DeviceRecord {
  return isResultsLine(value) && value.t !== "host";
}
