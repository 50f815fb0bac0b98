import type { BoardProfile } from "../../boards/profile.ts";
import { RunAbortedError, startCollecting, uploadWhileCollecting } from "../../bench/collect.ts";
import { hostRecord } from "../../bench/host-record.ts";
import type { DeviceRecord, InvalidRecord } from "../../bench/schema.ts";
import type { HostRecord } from "../../bench/summary.ts";
import { cleanLine } from "../../console/lines.ts";
import { ConsoleSession } from "../../console/session.ts";
import { uploadProgram } from "../../console/upload.ts";
import type { Transport } from "../../transport/transport.ts";
import { isSyncAnswer } from "../../protocol/sync-token.ts";
import type { PageState } from "./page-state.ts";

/** The bench as the server built it for one board (`GET /bench?board=…`). */
export interface BuiltBench {
  board: BoardProfile;
  mode: "ram" | "flash";
  quick: boolean;
  /** The run id every device line of this run carries. */
  runId: string;
  /** Fresh runs the bench makes. */
  runs: number;
  /** The program to upload: run settings plus the bundle. */
  program: string;
  /** Bytes of the bundle. */
  bytes: number;
  /** Bytes of the dispatch core on this board. */
  coreBytes: number;
}

/** Deadlines, as the CLI's (`thincall bench`) defaults. */
export interface RunTimeouts {
  /** Each round trip during upload. @default 10000 */
  replyMs?: number;
  /** The first record after upload. @default 30000 */
  helloMs?: number;
  /** Between two records. @default 120000 */
  idleMs?: number;
}

/** What the page hears during a run. */
export interface RunCallbacks {
  state(state: Exclude<PageState, "idle" | "done" | "error">): void;
  /** Each results line (host line first), the moment it exists. */
  line(line: HostRecord | DeviceRecord | InvalidRecord): void;
  /** Upload progress. */
  upload(sent: number, total: number): void;
  /** Every console line, for the console pane. */
  console(text: string): void;
}

/**
 * One bench run from the page, with the CLI's own pieces: {@link ConsoleSession},
 * `startCollecting` (listening before the upload), `uploadProgram` (DLE lines, syncs, Storage in
 * base64). The link is opened before anything is awaited, so a click can call this. Resolves at the bench's end line; rejects with a one-line error otherwise. Lines
 * received before a failure have already gone to `callbacks.line`.
 */
export async function runOnPage(transport: Transport, build: () => Promise<BuiltBench>, callbacks: RunCallbacks, timeouts: RunTimeouts = {}): Promise<void> {
  callbacks.state("connecting");
  const session = new ConsoleSession(transport);
  // Opening comes first and without a wait: the browser shows its chooser only inside the click.
  await session.open();
  try {
    // Built once the link is up: a cancelled chooser or a browser without the API costs no build.
    const bench = await build();
    session.onLine((l) => {
      const text = cleanLine(l);
      if (text && !isSyncAnswer(text)) callbacks.console(text);
    });
    callbacks.line(
      hostRecord({
        board: bench.board.id,
        port: transport.description,
        coreBytes: bench.coreBytes,
        mode: bench.mode,
        command: `thincall web --board ${bench.board.id} (${transport.description}) --to ${bench.mode}${bench.quick ? " --quick" : ""}`,
        runId: bench.runId,
      }),
    );
    const collector = startCollecting(session, {
      runId: bench.runId,
      helloTimeoutMs: timeouts.helloMs,
      idleTimeoutMs: timeouts.idleMs,
      onRecord: (r: DeviceRecord) => {
        callbacks.line(r);
        callbacks.state("running");
      },
      // Kept in the file like any record: the summary counts them as problems.
      onRefused: (refused) => callbacks.line({ t: "invalid", r: bench.runId, ...refused }),
    });
    callbacks.state("uploading");
    await uploadWhileCollecting(
      collector,
      uploadProgram(session, bench.program, {
        board: bench.board,
        mode: bench.mode,
        timeoutMs: timeouts.replyMs ?? 10000,
        onProgress: callbacks.upload,
      }),
    );
    callbacks.state("running");
    try {
      await collector.finished();
    } catch (e) {
      if (e instanceof RunAbortedError) throw new Error(e.message);
      throw e;
    }
  } finally {
    await session.close().catch(() => undefined);
  }
}
