import { UserError } from "../errors.ts";
import type { Transport } from "../transport/transport.ts";
import { cleanLine, splitLines } from "./lines.ts";
import { syncAnswer, syncRequest } from "../protocol/sync-token.ts";

type LineListener = (line: string) => void;

interface Waiter {
  match: (line: string) => boolean;
  resolve: (line: string) => void;
  reject: (e: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * A line-oriented view of a board's console over any {@link Transport}. Every received line goes
 * to the listeners (so nothing received is lost), and callers can wait for a line with a deadline.
 * Losing the link rejects every waiter at once.
 */
export class ConsoleSession {
  private rest = "";
  private listeners: LineListener[] = [];
  private dataListeners: Array<(chunk: string) => void> = [];
  private lostListeners: Array<(e: Error) => void> = [];
  private closeListeners: Array<() => void> = [];
  private waiters: Waiter[] = [];
  private syncCount = 0;
  /** Set when the link was lost (not closed by us). */
  lost?: Error;

  constructor(readonly transport: Transport) {}

  /** Opens the transport. */
  async open(): Promise<void> {
    await this.transport.open({
      data: (chunk) => this.receive(chunk),
      close: (reason) => this.closed(reason),
    });
  }

  /** Calls `listener` for every complete line received from now on; returns its removal. */
  onLine(listener: LineListener): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }

  /**
   * Calls `listener` with every raw chunk received from now on, before it is cut into lines (a
   * prompt such as `debug>` never ends with a line break); returns its removal.
   */
  onData(listener: (chunk: string) => void): () => void {
    this.dataListeners.push(listener);
    return () => (this.dataListeners = this.dataListeners.filter((l) => l !== listener));
  }

  /** Calls `listener` once when the link closes, by us or not, so no deadline outlives it. */
  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  /** Calls `listener` once if the link is lost (not closed by us). */
  onLost(listener: (e: Error) => void): void {
    this.lostListeners.push(listener);
  }

  /** Sends raw bytes. */
  send(data: string): Promise<void> {
    if (this.lost) return Promise.reject(new UserError(`lost the board: ${this.lost.message}`));
    return this.transport.write(data);
  }

  /**
   * Waits for a line that satisfies `match`. Rejects with a one-line error naming `what` when
   * `timeoutMs` passes first, or when the link is lost.
   */
  waitForLine(match: (line: string) => boolean, timeoutMs: number, what: string): Promise<string> {
    if (this.lost) return Promise.reject(new UserError(`lost the board: ${this.lost.message}`));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        match,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.drop(waiter);
          reject(new UserError(`${this.transport.description}: no answer from the board within ${timeoutMs / 1000} s (${what})`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  /**
   * Round trip: asks the board to print a fresh token (echo off) and waits for it. When it returns,
   * everything sent before has been read and run: flow control without timers.
   */
  async sync(timeoutMs: number, what = "sync"): Promise<void> {
    const n = ++this.syncCount;
    const token = syncAnswer(n);
    const wait = this.waitForLine((l) => cleanLine(l) === token, timeoutMs, what);
    // The token is split in the source, so an echo of this line can never match it.
    // Both are awaited together: when the send fails, the wait's own rejection must not go unhandled.
    // A failed send also cancels the wait, so no deadline timer outlives it.
    const sent = this.send(`\x10${syncRequest(n)}\n`).catch((e: Error) => {
      this.rejectAll(e);
      throw e;
    });
    await Promise.all([sent, wait]);
  }

  /** Closes the link; pending waiters are rejected. */
  async close(): Promise<void> {
    await this.transport.close();
    this.rejectAll(new UserError("console closed"));
    this.notifyClosed();
  }

  private receive(chunk: string): void {
    for (const l of this.dataListeners) l(chunk);
    const { lines, rest } = splitLines(this.rest, chunk);
    this.rest = rest;
    for (const line of lines) {
      for (const l of this.listeners) l(line);
      for (const w of [...this.waiters]) {
        if (w.match(line)) {
          this.drop(w);
          w.resolve(line);
        }
      }
    }
  }

  private closed(reason?: Error): void {
    if (this.rest) this.receive("\n");
    if (reason) {
      this.lost = reason;
      for (const l of this.lostListeners) l(reason);
      this.rejectAll(new UserError(`lost the board: ${reason.message}`));
    }
    this.notifyClosed();
  }

  private notifyClosed(): void {
    const listeners = this.closeListeners;
    this.closeListeners = [];
    for (const l of listeners) l();
  }

  private rejectAll(e: Error): void {
    for (const w of [...this.waiters]) {
      this.drop(w);
      w.reject(e);
    }
  }

  private drop(w: Waiter): void {
    clearTimeout(w.timer);
    this.waiters = this.waiters.filter((x) => x !== w);
  }
}
