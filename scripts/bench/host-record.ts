import type { HostRecord } from "./schema.ts";

/** What a host line says about a run, besides its start time. */
export interface HostRun {
  /** Board profile id. */
  board: string;
  /** The port as described to the user (`tcp://127.0.0.1:2323`, `virtual`, a page's link). */
  port: string;
  /** Bytes of the minified dispatch core on this board. */
  coreBytes: number;
  mode: "ram" | "flash";
  /** The command line (or page action) that produced the run. */
  command: string;
  /** The run id every device line of this run carries. */
  runId: string;
  /** Shared by the runs of one sweep over N. */
  sweep?: string;
  /** In a sweep, the N of the headline figures. */
  headline?: number;
}

/** The host line written before a run's device lines: one maker for the CLI and the web page. */
export function hostRecord(run: HostRun): HostRecord {
  return {
    t: "host",
    board: run.board,
    port: run.port,
    coreBytes: run.coreBytes,
    mode: run.mode,
    startedAt: new Date().toISOString(),
    command: run.command,
    runId: run.runId,
    ...(run.sweep ? { sweep: run.sweep } : {}),
    ...(run.sweep && run.headline !== undefined ? { headline: run.headline } : {}),
  };
}
