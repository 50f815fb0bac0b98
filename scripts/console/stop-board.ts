import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import type { ConsoleSession } from "./session.ts";

/**
 * How long an idle board takes to answer a sync, at most, before it counts as busy.
 * @default 1500
 */
export const IDLE_PROBE_MS = 1500;

/** How often a board that was sent Ctrl-C is asked again. */
const RETRY_MS = 1000;

/** Options for {@link stopBoard}. */
export interface StopOptions {
  /** Deadline for the board to answer once Ctrl-C was sent. @default 10000 */
  timeoutMs?: number;
  /** Deadline for an idle board's answer before it counts as busy. @default IDLE_PROBE_MS */
  idleProbeMs?: number;
}

/**
 * Stops whatever the board runs and waits until its REPL answers, before anything is uploaded.
 * Without this, a program left running (an interrupted bench) keeps printing into the next run.
 *
 * - Most boards: Ctrl-C breaks running code and is harmless at the prompt.
 * - Boards whose interpreter exits on a second Ctrl-C (the Linux build: Ctrl-C at the prompt
 *   arms "Press Ctrl-C again to exit" for about 5 s): an idle board gets no Ctrl-C at all. A busy
 *   one gets one; measured on 2v29 behind a pty, that first Ctrl-C drops a busy interpreter into
 *   its debugger (`debug>`), and one more Ctrl-C there breaks execution ("Execution
 *   Interrupted") without exiting. Its telnet console is not read while code runs, so there a
 *   busy program cannot be stopped at all: the error says so.
 *
 * Pending timers survive Ctrl-C: callers follow with `reset()` (RAM) or `load()` (Storage).
 *
 * @throws UserError when the board does not answer.
 */
export async function stopBoard(session: ConsoleSession, board: BoardProfile, options: StopOptions = {}): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10000;
  if (!board.console.ctrlCExits) {
    await session.send("\x03");
    // A board that resets when its port opens (ESP32: DTR/RTS) is still booting: ask again.
    for (let tries = board.console.resetsOnOpen ? 3 : 1; ; tries--) {
      try {
        return await session.sync(timeoutMs, "waiting for the REPL");
      } catch (e) {
        if (tries <= 1 || session.lost) throw e;
      }
    }
  }
  const idleMs = Math.min(timeoutMs, options.idleProbeMs ?? IDLE_PROBE_MS);
  try {
    return await session.sync(idleMs, "waiting for the REPL");
  } catch (e) {
    if (session.lost) throw e;
  }
  // Busy: one Ctrl-C, and one more only if it landed in the debugger.
  let debuggerSeen = false;
  let seen = "";
  const stopWatching = session.onData((chunk) => {
    seen = (seen + chunk).slice(-16);
    if (!debuggerSeen && /debug>/.test(seen)) {
      debuggerSeen = true;
      void session.send("\x03").catch(() => undefined);
    }
  });
  try {
    await session.send("\x03");
    // The interrupted line buffer may hold half a sync line: each retry starts a fresh line.
    const tries = Math.max(1, Math.ceil(timeoutMs / RETRY_MS));
    for (let i = 1; ; i++) {
      try {
        await session.sync(Math.min(RETRY_MS, timeoutMs), "stopping the program the board was running");
        break;
      } catch (e) {
        if (i >= tries || session.lost) throw e;
        await session.send("\n");
      }
    }
  } catch (e) {
    if (session.lost || !(e instanceof UserError)) throw e;
    throw new UserError(
      `${session.transport.description}: the board is busy and did not stop on Ctrl-C within ${timeoutMs / 1000} s` +
        (board.console.kind === "telnet" ? " (the Linux build does not read its telnet console while code runs); restart the interpreter" : "; reset the board"),
    );
  } finally {
    stopWatching();
  }
}
