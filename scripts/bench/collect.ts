import { UserError } from "../errors.ts";
import { parseFault, parseRecord } from "../console/lines.ts";
import type { ConsoleSession } from "../console/session.ts";
import type { DeviceRecord } from "./schema.ts";

/** Options for {@link collectRun}. */
export interface CollectOptions {
  /** Deadline for the first record after upload. @default 30000 */
  helloTimeoutMs?: number;
  /** Deadline between two records; a board that goes quiet this long is dead. @default 120000 */
  idleTimeoutMs?: number;
  /** Called with every record the moment it arrives. */
  onRecord?: (record: DeviceRecord) => void;
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

/**
 * Collects one run's protocol records until the device's `end` line, which is the only end of a
 * run (no idle timeout ends it). Fails on a silent board, a lost link, or an uncaught error.
 */
export function collectRun(session: ConsoleSession, options: CollectOptions = {}): Promise<DeviceRecord[]> {
  const helloMs = options.helloTimeoutMs ?? 30000;
  const idleMs = options.idleTimeoutMs ?? 120000;
  const records: DeviceRecord[] = [];
  return new Promise((resolve, reject) => {
    let done = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (error?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) reject(new RunAbortedError(error, records));
      else resolve(records);
    };
    const arm = (ms: number, what: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => finish(`no answer from the board within ${ms / 1000} s (${what})`), ms);
    };
    arm(helloMs, "waiting for the bench to start");
    session.onLost((e) => finish(`lost the board: ${e.message}`));
    session.onLine((line) => {
      if (done) return;
      const record = parseRecord(line);
      if (record) {
        records.push(record);
        options.onRecord?.(record);
        if (record.t === "end") return finish();
        arm(idleMs, `after ${records.length} line(s)`);
        return;
      }
      const fault = parseFault(line);
      if (fault?.kind === "uncaught") finish(`the program stopped with an error: ${fault.text}`);
    });
  });
}
