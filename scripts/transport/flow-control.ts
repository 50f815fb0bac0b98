/**
 * Software flow control as Espruino means it, with deadlines. Espruino sends XOFF (0x13) when its
 * input buffer fills and XON (0x11) when it has room again; the host must hold its writes in
 * between. Left to the OS (the tty's IXON), a stray 0x13 in a program's output pauses the link with
 * no end, and every write, drain and close behind it waits forever. Here the pause is the host's:
 * writes wait for XON, but never longer than a deadline, after which the link counts as lost.
 */
import { UserError } from "../errors.ts";

/** Espruino's flow-control bytes. */
export const XON = "\x11";
export const XOFF = "\x13";

/**
 * How long a write may wait for the board (an XOFF pause, or a write the link does not take).
 * A board's input buffer drains in milliseconds; 5 s is far past that, and short enough for a user.
 * @default 5000
 */
export const WRITE_DEADLINE_MS = 5000;

/** Tracks XOFF/XON in what the board sends, and holds writes while paused. */
export class FlowGate {
  private paused = false;
  private waiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  /** Set once the link is given up: every write held here, and every later one, fails with it. */
  private failed?: Error;

  /** @param deadlineMs longest wait for XON, ms. @default {@link WRITE_DEADLINE_MS} */
  constructor(readonly deadlineMs = WRITE_DEADLINE_MS) {}

  /** Whether the board has asked the host to hold its writes. */
  get isPaused(): boolean {
    return this.paused;
  }

  /** Reads a chunk from the board: its last XOFF or XON sets the state. */
  see(chunk: string): void {
    const off = chunk.lastIndexOf(XOFF);
    const on = chunk.lastIndexOf(XON);
    if (off < 0 && on < 0) return;
    this.paused = off > on;
    if (!this.paused) {
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w.resolve();
    }
  }

  /**
   * The link is gone (lost, or closed): writes held for an XON fail now with `reason`, not each
   * at its own deadline, so a stop sequence queued behind a pause ends with the link.
   */
  fail(reason: Error): void {
    this.failed ??= reason;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(reason);
  }

  /**
   * Resolves when writing may go on; rejects with a one-line {@link UserError} when the board
   * stays paused past the deadline.
   */
  ready(description: string): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    if (!this.paused) return Promise.resolve();
    let entry!: { resolve: () => void; reject: (e: Error) => void };
    const held = new Promise<void>((resolve, reject) => this.waiters.push((entry = { resolve, reject })));
    // A waiter that timed out leaves the list, so a long pause holds no more than the writes in it.
    void held.catch(() => undefined);
    return withDeadline(
      held,
      this.deadlineMs,
      `${description}: the board paused the link (XOFF) and did not resume it (XON) within ${this.deadlineMs / 1000} s`,
    ).finally(() => (this.waiters = this.waiters.filter((w) => w !== entry)));
  }
}

/**
 * `work`, or a rejection with `message` (a {@link UserError}) once `ms` pass first. The timer is
 * cleared either way, so no deadline outlives its work.
 */
export function withDeadline<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new UserError(message)), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
