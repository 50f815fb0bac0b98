import { UserError } from "../errors.ts";
import { cleanLine, parseFault } from "../console/lines.ts";
import { NO_PREFIX, UNHASHED, isDamagedRecord, outOfRange, readProtocolLine, type RefusedLine } from "./records.ts";
import type { ConsoleSession } from "../console/session.ts";
import { isBootBanner } from "../console/boot-banner.ts";
import { RECORD_TEXT_LIMIT, type DeviceRecord } from "./schema.ts";

/** Options for {@link collectRun}. */
export interface CollectOptions {
  /** Deadline for the first record after upload. @default 30000 */
  helloTimeoutMs?: number;
  /** Deadline between two records; a board that goes quiet this long is dead. @default 120000 */
  idleTimeoutMs?: number;
  /**
   * Deadline for the `end` line once every result the `hello` announced has arrived: the bench
   * prints it on its next tick, so a longer silence means it was lost (a whole run waiting
   * {@link idleTimeoutMs} for it would say nothing more). @default 10000
   */
  endTimeoutMs?: number;
  /** The run id of this upload: records of any other run are counted and ignored. */
  runId?: string;
  /** Called with every record the moment it arrives. */
  onRecord?: (record: DeviceRecord) => void;
  /** Called with every protocol line refused (corrupted, out of range), the moment it arrives. */
  onRefused?: (refused: RefusedLine) => void;
}

/** Thrown when the run stops before its end line; carries what had arrived. */
export class RunAbortedError extends UserError {
  constructor(
    message: string,
    readonly records: DeviceRecord[],
  ) {
    super(message);
  }
}

/** A collector listening from before the upload, so no early line can slip past it. */
export interface Collector {
  /**
   * Resolves with every record at the device's `end` line, which is the only end of a run (no
   * idle timeout ends it). Rejects on a silent board, a lost link, or an uncaught error.
   * Deadlines start when this is called.
   */
  finished(): Promise<DeviceRecord[]>;
  /** Records received so far. */
  readonly records: DeviceRecord[];
  /** Protocol lines of another run (an older upload still talking), ignored. */
  readonly foreign: number;
  /** Figures rejected as out of physical range, by field name (the record was kept without them). */
  readonly rejected: string[];
  /** Protocol lines of this run refused, in arrival order (out-of-range figures included). */
  readonly refused: RefusedLine[];
  /** Why the run ended before its `end` line, once it has (an uncaught error, a lost link, …). */
  readonly stopped: string | undefined;
}

/** Starts collecting protocol records from a session; call before uploading. */
export function startCollecting(session: ConsoleSession, options: CollectOptions = {}): Collector {
  const helloMs = options.helloTimeoutMs ?? 30000;
  const idleMs = options.idleTimeoutMs ?? 120000;
  const endMs = options.endTimeoutMs ?? 10000;
  const records: DeviceRecord[] = [];
  const rejected: string[] = [];
  const refused: RefusedLine[] = [];
  let foreign = 0;
  /** Whether this run's lines carry hashes (its hello said so, or a line came hashed): then all must. */
  let hashed = false;
  let outcome: string | true | undefined;
  let settle: ((o: string | true) => void) | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastFault = "";
  /** Results the hello announced (styles × runs), and how many came. */
  let announced: number | undefined;
  let results = 0;
  /** The deadline for the next line: short once only the end line is due. */
  const armNext = () =>
    announced !== undefined && results >= announced
      ? arm(endMs, `every one of the ${announced} result(s) arrived, but not the end line`)
      : arm(idleMs, `after ${records.length} line(s)`);
  const finish = (o: string | true) => {
    if (outcome !== undefined) return;
    outcome = o;
    clearTimeout(timer);
    settle?.(o);
  };
  const arm = (ms: number, what: string) => {
    if (!settle) return;
    clearTimeout(timer);
    timer = setTimeout(() => finish(`no answer from the board within ${ms / 1000} s (${what})${lastFault ? `; it said: ${lastFault}` : ""}`), ms);
  };
  session.onLost((e) => finish(`lost the board: ${e.message}`));
  // Our own close ends the collector too: no deadline timer outlives the link.
  session.onClose(() => finish("the console was closed before the end of the run"));
  session.onLine((line) => {
    if (outcome !== undefined) return;
    // A reset mid-run prints the boot banner: the run is over, say so at once (not after idleMs).
    if (records.length > 0 && isBootBanner(line)) return finish(`the board reset mid-run (its boot banner appeared after ${records.length} line(s))`);
    const clean = cleanLine(line);
    let parsed = readProtocolLine(clean);
    // A record whose prefix lost a byte is no longer protocol, but it is still a line of this run the host lacks.
    if (!parsed && options.runId !== undefined && isDamagedRecord(clean, options.runId)) {
      parsed = { refused: { kind: NO_PREFIX, line: clean.slice(0, RECORD_TEXT_LIMIT) } };
    }
    // A line of this run without the hash its other lines carry lost it on the way (or was forged).
    if (parsed && !parsed.refused && !parsed.hashed && hashed && (options.runId === undefined || parsed.record.r === options.runId)) {
      parsed = { refused: { kind: UNHASHED, line: clean.slice(0, RECORD_TEXT_LIMIT) } };
    }
    if (parsed?.refused) {
      refused.push(parsed.refused);
      options.onRefused?.(parsed.refused);
      // A corrupted end line is still the end: say so now, not after the idle deadline.
      if (/"t"\s*:\s*"end"/.test(parsed.refused.line)) return finish(`the board's end line failed validation (${parsed.refused.kind}): ${parsed.refused.line}`);
      armNext();
      return;
    }
    if (parsed && options.runId !== undefined && parsed.record.r !== options.runId) {
      foreign++;
      return;
    }
    const record = parsed?.record;
    if (parsed?.hashed) hashed = true;
    if (parsed) {
      rejected.push(...parsed.rejected);
      for (const field of parsed.rejected) {
        const out = { kind: outOfRange(field), line: clean.slice(0, RECORD_TEXT_LIMIT) };
        refused.push(out);
        options.onRefused?.(out);
      }
    }
    if (record) {
      records.push(record);
      options.onRecord?.(record);
      if (record.t === "end") return finish(true);
      if (record.t === "hello") announced = record.styles * record.runs;
      if (record.t === "result") results++;
      armNext();
      return;
    }
    const fault = parseFault(line);
    if (fault) lastFault = fault.text;
    if (fault?.kind === "uncaught" && records.length > 0) finish(`the program stopped with an error: ${fault.text}`);
  });
  return {
    records,
    rejected,
    refused,
    get foreign() {
      return foreign;
    },
    get stopped() {
      return typeof outcome === "string" ? outcome : undefined;
    },
    finished() {
      return new Promise((resolve, reject) => {
        settle = (o) => (o === true ? resolve(records) : reject(new RunAbortedError(o, records)));
        if (outcome !== undefined) return settle(outcome);
        if (records.length) armNext();
        else arm(helloMs, "waiting for the bench to start");
      });
    },
  };
}

/**
 * Awaits an upload made while `collector` listens. In RAM the program runs from its first piece, so
 * its own uncaught error can arrive before the upload's last check: the upload then fails as if
 * the board had rejected the program, while the collector (listening first) has already ended the
 * run with the true account. Then the collector's account stands: `finished()` reports it, with the
 * records. Any other upload failure is thrown.
 */
export async function uploadWhileCollecting(collector: Collector, upload: Promise<void>): Promise<void> {
  try {
    await upload;
  } catch (e) {
    if (collector.stopped === undefined) throw e;
  }
}

/** Collects one run (listening starts now): {@link startCollecting} then {@link Collector.finished}. */
export function collectRun(session: ConsoleSession, options: CollectOptions = {}): Promise<DeviceRecord[]> {
  return startCollecting(session, options).finished();
}
