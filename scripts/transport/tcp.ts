import { connect, type Socket } from "node:net";
import { UserError } from "../errors.ts";
import { WRITE_DEADLINE_MS, withDeadline } from "./flow-control.ts";
import { TelnetFilter } from "./telnet.ts";
import type { Transport, TransportEvents } from "./transport.ts";

/** How long to wait for a TCP connection. @default 5000 */
export const TCP_CONNECT_TIMEOUT_MS = 5000;

/** A board's console over TCP: ESP32's telnet console (port 23) or `espruino --telnet` (2323). */
export class TcpTransport implements Transport {
  readonly description: string;
  private socket?: Socket;
  private closing = false;
  /** Why the link was given up here (a write past its deadline), reported as the loss. */
  private stalled?: Error;

  /**
   * @param connectTimeoutMs @default {@link TCP_CONNECT_TIMEOUT_MS}
   * @param writeDeadlineMs longest wait for the link to take a write, ms. @default {@link WRITE_DEADLINE_MS}
   */
  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly connectTimeoutMs = TCP_CONNECT_TIMEOUT_MS,
    private readonly writeDeadlineMs = WRITE_DEADLINE_MS,
  ) {
    this.description = `tcp://${host}:${port}`;
  }

  open(events: TransportEvents): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: this.host, port: this.port });
      this.socket = socket;
      let connected = false;
      socket.setTimeout(this.connectTimeoutMs);
      socket.on("timeout", () => {
        if (!connected) socket.destroy(new Error("ETIMEDOUT"));
      });
      socket.on("connect", () => {
        connected = true;
        socket.setTimeout(0);
        socket.setNoDelay(true);
        resolve();
      });
      // One filter per connection: a telnet command may be split across chunks.
      const telnet = new TelnetFilter();
      socket.on("data", (d: Buffer) => events.data(telnet.push(d).toString("latin1")));
      socket.on("error", (e: NodeJS.ErrnoException) => {
        if (!connected) reject(this.describeError(e));
      });
      socket.on("close", () => {
        if (connected) events.close(this.closing ? undefined : (this.stalled ?? new Error(`${this.description} closed the connection`)));
      });
    });
  }

  private describeError(e: NodeJS.ErrnoException): UserError {
    const code = e.code ?? e.message;
    if (code === "ECONNREFUSED") return new UserError(`${this.description} refused the connection (is the board's telnet console on?)`);
    if (code === "ETIMEDOUT") return new UserError(`${this.description} did not answer within ${this.connectTimeoutMs / 1000} s (unreachable)`);
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return new UserError(`${this.description}: unknown host "${this.host}"`);
    return new UserError(`${this.description}: ${code}`);
  }

  async write(data: string): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed) throw new UserError(`${this.description} is not open`);
    const written = new Promise<void>((resolve, reject) => {
      socket.write(Buffer.from(data, "latin1"), (e) => (e ? reject(new UserError(`${this.description}: ${e.message}`)) : resolve()));
    });
    const message = `${this.description}: the board did not take a write within ${this.writeDeadlineMs / 1000} s`;
    try {
      await withDeadline(written, this.writeDeadlineMs, message);
    } catch (e) {
      // A peer that stops reading holds every write: the link is as good as lost.
      if (!this.closing && !this.stalled) {
        this.stalled = new Error(message);
        socket.destroy();
      }
      throw e;
    }
  }

  close(): Promise<void> {
    this.closing = true;
    const socket = this.socket;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once("close", () => resolve());
      socket.end();
      socket.destroySoon();
    });
  }
}
