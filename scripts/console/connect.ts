import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import { createTransport, parsePort, type PortSpec } from "../transport/open-port.ts";
import { HostedBoardTransport } from "../transport/hosted-board.ts";
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
 * Why {@link stopProgram} could not stop the board, for the end of a one-line error: the link's
 * loss when it was lost (an XOFF never lifted, a board gone), else the queued reset.
 */
export function notStoppedNote(session: ConsoleSession): string {
  if (session.lost) return `the board could not be stopped: lost it (${session.lost.message})`;
  // A board hosted here (the emulator, the virtual board) ends with its process when the link closes.
  if (session.transport instanceof HostedBoardTransport) return "the board did not answer in time, and was ended with its process";
  return "the board did not answer in time (a reset() is queued for its next idle moment)";
}

/** Signals that stop a run, and the exit code each gives (128 + the signal's number). */
const STOP_SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** What {@link withBoardConsole} does when the user stops the run (Ctrl-C, SIGTERM). */
export interface InterruptHooks {
  /** Called at once on the signal, before the board is stopped: mark the results file here. */
  onSignal?: (signal: keyof typeof STOP_SIGNALS) => void;
}

/**
 * The one place that opens a board's console: resolves the port, takes the port's lock (a TCP
 * console serves whoever connected last), opens a session, runs `work`, and always closes the
 * link. Ctrl-C (SIGINT), SIGTERM or SIGHUP (its terminal closed) first calls `hooks.onSignal` (what was received is marked on
 * disk at once), then stops the program on the board within a deadline (every write has one), and
 * ends the work with a one-line error, exit code 130 (143 for SIGTERM, 129 for SIGHUP), whose text `onInterrupt`
 * gives. A second signal while the board is being stopped ends the CLI at once (Node's default).
 */
export async function withBoardConsole<T>(
  board: BoardProfile,
  port: string | undefined,
  work: (session: ConsoleSession, spec: PortSpec) => Promise<T>,
  onInterrupt: (boardStopped: boolean) => string = () => "interrupted",
  hooks: InterruptHooks = {},
): Promise<T> {
  const spec = parsePort(port, board);
  const lock: PortLock | undefined = spec.kind === "tcp" ? lockTcpPort(spec.host, spec.port) : undefined;
  let session: ConsoleSession | undefined;
  let removeHandlers = () => {};
  try {
    session = new ConsoleSession(await createTransport(spec, board));
    await session.open();
    const opened = session;
    // Once a signal came, the work's own end (a reset seen by the collector) is not the story.
    let interrupting = false;
    const never = new Promise<never>(() => {});
    const interrupted = new Promise<never>((_, reject) => {
      const handlers = Object.entries(STOP_SIGNALS).map(([signal, code]) => {
        const handler = () => {
          interrupting = true;
          removeHandlers();
          hooks.onSignal?.(signal as keyof typeof STOP_SIGNALS);
          // Each step of the stop has its deadline; this one bounds them all, whatever the link does.
          const stop = Promise.race([stopProgram(opened, board), new Promise<boolean>((r) => setTimeout(() => r(false), 3 * INTERRUPT_STOP_MS).unref())]);
          void stop.then((stopped) => {
            const note = stopped ? "" : `; ${notStoppedNote(opened)}`;
            reject(new UserError(onInterrupt(stopped) + note, code));
          });
        };
        process.once(signal, handler);
        return [signal, handler] as const;
      });
      removeHandlers = () => {
        for (const [signal, handler] of handlers) process.off(signal, handler);
      };
    });
    const worked = work(opened, spec).then(
      (v) => (interrupting ? never : v),
      (e: unknown) => (interrupting ? never : Promise.reject(e)),
    );
    return await Promise.race([worked, interrupted]);
  } finally {
    removeHandlers();
    await session?.close().catch(() => undefined);
    lock?.release();
  }
}
