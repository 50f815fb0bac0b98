import { UserError } from "../errors.ts";
import type { Transport, TransportEvents } from "./transport.ts";

/** What a board running beside the host (a worker thread, a process) says. */
export type HostedMessage = { type: "ready"; ms?: number } | { type: "data"; chunk: string } | { type: "load-error"; message: string };

/** A started board: a worker thread or a process, seen the same way. */
export interface BoardHost {
  /** Console bytes to the board (Ctrl-C bytes also reach code that is busy). */
  send(data: string): void;
  onMessage(listener: (m: HostedMessage) => void): void;
  onError(listener: (e: Error) => void): void;
  onExit(listener: (code: number | null) => void): void;
  /** Ends the board whatever it is doing. */
  stop(): Promise<void>;
}

/** How a {@link HostedBoardTransport} names its board and starts it. */
export interface HostedBoardSpec {
  /** Port description, e.g. `virtual` or `emu`. */
  description: string;
  /** The board in messages, e.g. "virtual board" or "emulator". */
  name: string;
  /** Added to a load error, e.g. how to reinstall. @default none */
  loadErrorHint?: string;
  /** Starts a fresh board. */
  start(): BoardHost;
  /** Longest wait for the board to be ready, ms. @default {@link HOSTED_READY_TIMEOUT_MS} */
  readyTimeoutMs?: number;
}

/**
 * How long a hosted board may take to start. The emulator loads in about a second here, several
 * on a loaded machine; a file that loads forever (a tampered one with an endless loop) must not
 * hold the host. @default 30000
 */
export const HOSTED_READY_TIMEOUT_MS = 30000;

/**
 * The one transport for boards that run beside the host (the QuickJS virtual board in a worker,
 * the Espruino emulator in a process of its own). Each `open()` starts a fresh board (empty RAM
 * and Storage); `close()` ends it whatever it is doing.
 */
export class HostedBoardTransport implements Transport {
  readonly description: string;
  private board: BoardHost | undefined;
  private closing = false;

  constructor(private readonly spec: HostedBoardSpec) {
    this.description = spec.description;
  }

  open(events: TransportEvents): Promise<void> {
    const { name } = this.spec;
    if (this.board) return Promise.reject(new UserError(`${name} is already open`));
    this.closing = false;
    const board = this.spec.start();
    this.board = board;
    const readyMs = this.spec.readyTimeoutMs ?? HOSTED_READY_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const starting = new Promise<void>((resolve, reject) => {
      let ready = false;
      timer = setTimeout(() => {
        if (ready) return;
        reject(new UserError(`${name} did not start within ${readyMs / 1000} s (its files load forever?)${this.spec.loadErrorHint ? `; ${this.spec.loadErrorHint}` : ""}`));
        void board.stop();
      }, readyMs);
      board.onMessage((m) => {
        if (m.type === "ready") {
          ready = true;
          resolve();
        } else if (m.type === "data") {
          events.data(m.chunk);
        } else if (m.type === "load-error") {
          reject(new UserError(`${name}: ${m.message}${this.spec.loadErrorHint ? `; ${this.spec.loadErrorHint}` : ""}`));
          void board.stop();
        }
      });
      // An error is followed by an exit: the owner hears of the end once, with the error if any.
      let failure: Error | undefined;
      board.onError((e) => {
        if (!ready) reject(new UserError(`${name} failed to start: ${e.message.split("\n")[0]}`));
        failure = e;
      });
      board.onExit((code) => {
        this.board = undefined;
        if (!ready) reject(new UserError(`${name} exited while starting (code ${code})`));
        else if (this.closing) events.close();
        else events.close(failure ?? new Error(`${name} stopped (code ${code})`));
      });
    });
    return starting.finally(() => clearTimeout(timer));
  }

  async write(data: string): Promise<void> {
    if (!this.board) throw new UserError(`${this.spec.name} is not open`);
    this.board.send(data);
  }

  async close(): Promise<void> {
    const board = this.board;
    if (!board) return;
    this.closing = true;
    await board.stop();
  }
}

/** How many Ctrl-C bytes `data` holds. */
export function countCtrlC(data: string): number {
  let count = 0;
  for (let i = data.indexOf("\x03"); i >= 0; i = data.indexOf("\x03", i + 1)) count++;
  return count;
}
