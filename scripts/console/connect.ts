import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import { createTransport, parsePort, type PortSpec } from "../transport/open-port.ts";
import { lockTcpPort, type PortLock } from "../transport/port-lock.ts";
import { ConsoleSession } from "./session.ts";
import { stopBoard } from "./stop-board.ts";

/** Describes a port spec for messages. */
export function describePort(spec: PortSpec): string {
  return spec.kind === "tcp" ? `tcp://${spec.host}:${spec.port}` : spec.kind === "serial" ? spec.path : spec.kind;
}

/**
 * How long Ctrl-C on the host waits for the board to stop before the CLI exits anyway.
 * @default 4000
 */
export const INTERRUPT_STOP_MS = 4000;

/**
 * Stops the program on the board after Ctrl-C on the host: Ctrl-C on the board (see
 * {@link stopBoard}), then `reset()`, which also ends its pending timers.
 * @returns whether the board answered.
 */
export async function stopProgram(session: ConsoleSession, board: BoardProfile, timeoutMs = INTERRUPT_STOP_MS): Promise<boolean> {
  if (session.lost) return false;
  try {
    await stopBoard(session, board, { timeoutMs, idleProbeMs: Math.min(1500, timeoutMs / 2) });
    await session.send("\x10reset();\n");
    await session.sync(timeoutMs, "reset");
    return true;
  } catch {
    // Still busy (a program that catches the interruption and carries on): a reset() waits in the
    // board's input and runs at its next idle moment, ending the program and its timers then.
    await session.send("\x10reset();\n").catch(() => undefined);
    return false;
  }
}

/**
 * The one place that opens a board's console: resolves the port, takes the port's lock (a TCP
 * console serves whoever connected last), opens a session, runs `work`, and always closes the
 * link. Ctrl-C (SIGINT) stops the program on the board too, then ends the work with a one-line
 * error, exit code 130, whose text `onInterrupt` gives (what was received is on disk by then).
 * A second Ctrl-C while the board is being stopped ends the CLI at once (Node's default).
 */
export async function withBoardConsole<T>(
  board: BoardProfile,
  port: string | undefined,
  work: (session: ConsoleSession, spec: PortSpec) => Promise<T>,
  onInterrupt: (boardStopped: boolean) => string = () => "interrupted",
): Promise<T> {
  const spec = parsePort(port, board);
  const lock: PortLock | undefined = spec.kind === "tcp" ? lockTcpPort(spec.host, spec.port) : undefined;
  let session: ConsoleSession | undefined;
  let removeSigint = () => {};
  try {
    session = new ConsoleSession(await createTransport(spec, board));
    await session.open();
    const opened = session;
    // Once Ctrl-C was pressed, the work's own end (a reset seen by the collector) is not the story.
    let interrupting = false;
    const never = new Promise<never>(() => {});
    const interrupted = new Promise<never>((_, reject) => {
      const handler = () => {
        interrupting = true;
        removeSigint();
        void stopProgram(opened, board).then((stopped) => {
          const note = stopped ? "" : "; the board did not answer in time (a reset() is queued for its next idle moment)";
          reject(new UserError(onInterrupt(stopped) + note, 130));
        });
      };
      process.once("SIGINT", handler);
      removeSigint = () => process.off("SIGINT", handler);
    });
    const worked = work(opened, spec).then(
      (v) => (interrupting ? never : v),
      (e: unknown) => (interrupting ? never : Promise.reject(e)),
    );
    return await Promise.race([worked, interrupted]);
  } finally {
    removeSigint();
    await session?.close().catch(() => undefined);
    lock?.release();
  }
}
