/**
 * The one reader of protocol lines and results-file records: what the bench keeps while a board
 * talks is exactly what `report` reads back. Validation is the valibot schema in schema.ts.
 */
import * as v from "valibot";
import { lineHash, splitHash } from "../protocol/line-hash.ts";
import { legacyRecord, type LegacyRecord } from "./legacy-v1.ts";
import {
  DeviceRecordSchema, HostSchema, IncompleteSchema, InvalidSchema, LINE_PREFIX, RECORD_TEXT_LIMIT,
  type DeviceRecord, type HostRecord, type IncompleteRecord, type InvalidRecord,
} from "./schema.ts";

/** Any line of a results (JSONL) file: `/2` records, or `/1` ones from old files. */
export type ResultsLine = DeviceRecord | HostRecord | IncompleteRecord | InvalidRecord | LegacyRecord;

/** Figures a corrupted value may be dropped from (set to null) without losing the record. */
const FIGURES = new Set(["forOfUs", "indexUs", "growUs", "hoistedUs", "buildUs", "calUs", "varsPerObject", "fixedVars", "objectsFit"]);

/** A device record, plus the names of figures set to null because they were out of range. */
export interface ParsedRecord {
  record: DeviceRecord;
  rejected: string[];
}

/**
 * Validates a device record. A figure out of its physical range is rejected on its own (set to
 * null and named in `rejected`); any other fault rejects the whole record (null).
 */
export function parseDeviceRecord(value: unknown): ParsedRecord | null {
  let result = v.safeParse(DeviceRecordSchema, value);
  if (result.success) return { record: result.output, rejected: [] };
  const keys = result.issues.map((issue) => String(issue.path?.[0]?.key ?? ""));
  if (!keys.every((k) => FIGURES.has(k))) return null;
  const mended = { ...(value as Record<string, unknown>) };
  for (const k of keys) mended[k] = null;
  result = v.safeParse(DeviceRecordSchema, mended);
  return result.success ? { record: result.output, rejected: [...new Set(keys)] } : null;
}

/** A protocol line that could not be used, and why (`not JSON`, `invalid result`, …). */
export interface RefusedLine {
  kind: string;
  line: string;
}

/**
 * What {@link readProtocolLine} made of a protocol line: a record (`hashed` when its hash was
 * there and matched), or a refusal to count.
 */
export type ProtocolLine = (ParsedRecord & { hashed: boolean; refused?: undefined }) | { refused: RefusedLine };

/** Refusal kinds of a line whose hash does not match its text, or that lacks the hash its run carries. */
export const MANGLED = "mangled (hash mismatch)";
export const UNHASHED = "mangled (no hash)";
/** Refusal kind of a record of this run whose prefix was damaged, so it no longer reads as protocol. */
export const NO_PREFIX = "mangled (no prefix)";
/**
 * The refusal kind of a figure out of its physical range: `out of range: <field>`. Its record is
 * kept without that figure, so unlike every other refusal it leaves the run complete.
 */
export const OUT_OF_RANGE = "out of range";
export const outOfRange = (field: string): string => `${OUT_OF_RANGE}: ${field}`;

/**
 * Whether a console line that is not protocol (its prefix differs) is still a record of run
 * `runId`: a record's start and this run's id (8 random hex digits) are in no other line the
 * board prints (the run settings the host uploads carry the id, but no record type).
 */
export function isDamagedRecord(clean: string, runId: string): boolean {
  return !clean.startsWith(LINE_PREFIX) && clean.includes('{"t":"') && clean.includes(`"r":"${runId}"`);
}

/** Why a parsed JSON value is not a device record: names the record kind when it has one. */
function refusalKind(value: unknown): string {
  const t = typeof value === "object" && value !== null ? (value as { t?: unknown }).t : undefined;
  return typeof t === "string" && ["hello", "progress", "size", "result", "end"].includes(t) ? `invalid ${t}` : "unknown record";
}

/** UTF-8 sequences of characters above 0xFF. */
const WIDE_UTF8 = /[\xc4-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/g;
const utf8 = new TextDecoder();

/**
 * The text a board hashed when it printed characters above 0xFF as they are: Espruino's JSON
 * escapes them, QuickJS's does not, and the virtual board sends them as their UTF-8 bytes
 * (scripts/virtual/board.ts), which arrive here as one character a byte.
 */
function wideChars(bytes: string): string {
  return bytes.replace(WIDE_UTF8, (seq) => utf8.decode(Uint8Array.from(seq, (c) => c.charCodeAt(0))));
}

/**
 * Reads one console line (already cleaned of prompts and control bytes). Returns null for what
 * is not protocol (echo, banners, noise); a line with the protocol prefix is either a record or a
 * refusal naming its kind, so no corrupted line passes uncounted. A line's hash, when it carries
 * one, must match its JSON text ({@link MANGLED}); whether a line without one is refused depends
 * on its run, which the collector knows ({@link UNHASHED}).
 */
export function readProtocolLine(clean: string): ProtocolLine | null {
  if (!clean.startsWith(LINE_PREFIX)) return null;
  const line = clean.slice(0, RECORD_TEXT_LIMIT);
  const split = splitHash(clean.slice(LINE_PREFIX.length));
  const hash = split.hash;
  let json = split.json;
  // Checked before anything is read: a changed digit may still be valid JSON in range.
  if (hash !== undefined && lineHash(json) !== hash) {
    const wide = wideChars(json);
    if (wide === json || lineHash(wide) !== hash) return { refused: { kind: MANGLED, line } };
    json = wide;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { refused: { kind: "not JSON", line } };
  }
  const parsed = parseDeviceRecord(value);
  if (!parsed) return { refused: { kind: refusalKind(value), line } };
  // A hello that says its run's lines are hashed, without a hash of its own, was cut or mangled.
  if (hash === undefined && parsed.record.t === "hello" && parsed.record.hash !== undefined) return { refused: { kind: UNHASHED, line } };
  return { ...parsed, hashed: hash !== undefined };
}

/** The record of one console line, or null (not protocol, or refused): see {@link readProtocolLine}. */
export function parseProtocolLine(clean: string): ParsedRecord | null {
  const read = readProtocolLine(clean);
  return read && !read.refused ? read : null;
}

/** A results-file record (`/2` or `/1`), or null. */
export function parseResultsLine(value: unknown): ResultsLine | null {
  // Only a `host`, `incomplete` or `invalid` line can pass their schemas: trying them on every result line
  // of a 100k-line file was half its reading time, spent building the issues of failed parses.
  const t = typeof value === "object" && value !== null ? (value as { t?: unknown }).t : undefined;
  if (t === "host" || t === "incomplete" || t === "invalid") {
    const r = v.safeParse(t === "host" ? HostSchema : t === "invalid" ? InvalidSchema : IncompleteSchema, value);
    if (r.success) return r.output;
  }
  return parseDeviceRecord(value)?.record ?? legacyRecord(value);
}

/** Whether `value` is a usable results-file record. */
export function isResultsLine(value: unknown): value is ResultsLine {
  return parseResultsLine(value) !== null;
}
