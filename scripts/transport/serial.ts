import { SerialPort } from "serialport";
import { UserError } from "../errors.ts";
import { FlowGate, WRITE_DEADLINE_MS, withDeadline } from "./flow-control.ts";
import { hangUpAwareBinding } from "./serial-binding.ts";
import type { Transport, TransportEvents } from "./transport.ts";

/**
 * A board's console over a serial device (UART or USB CDC), through `serialport`. XON/XOFF is
 * honoured by the host ({@link FlowGate}), not the tty, so no pause outlasts its deadline; a write
 * the link does not take within it, or a hang-up, ends the link as lost.
 */
export class SerialTransport implements Transport {
  readonly description: string;
  private port?: SerialPort;
  private closing = false;
  private gate: FlowGate;
  private events?: TransportEvents;
  /** Set once the link was declared lost here (a write past its deadline): its owner has heard. */
  private lost = false;

  /**
   * @param path device path, e.g. /dev/ttyUSB0
   * @param baudRate @default 115200
   * @param binding a serialport binding (tests pass @serialport/binding-mock); @default the platform's, hang-up aware
   * @param deadlineMs longest wait for a write or an XON, ms. @default {@link WRITE_DEADLINE_MS}
   */
  constructor(
    private readonly path: string,
    private readonly baudRate = 115200,
    private readonly binding?: unknown,
    deadlineMs = WRITE_DEADLINE_MS,
  ) {
    this.description = path;
    this.gate = new FlowGate(deadlineMs);
  }

  open(events: TransportEvents): Promise<void> {
    this.events = events;
    return new Promise((resolve, reject) => {
      // The tty's own XON/XOFF stays off: a stray XOFF would pause it with no deadline (see flow-control.ts).
      const options = { path: this.path, baudRate: this.baudRate, autoOpen: false, xon: false, xoff: false };
      const port = new SerialPort({ ...options, binding: this.binding ?? hangUpAwareBinding() } as ConstructorParameters<typeof SerialPort>[0]);
      this.port = port;
      port.on("data", (d: Buffer) => {
        const chunk = d.toString("latin1");
        this.gate.see(chunk);
        events.data(chunk);
      });
      port.on("close", (err?: Error & { disconnected?: boolean }) => {
        if (this.lost) return;
        this.gate.fail(new UserError(this.closing ? `${this.path} is closed` : `lost the board: ${this.path} was disconnected`));
        events.close(this.closing ? undefined : new Error(`${this.path} was disconnected${err ? ` (${err.message})` : ""}`));
      });
      port.on("error", () => {
        /* reported through open's callback or close */
      });
      port.open((e) => {
        if (!e) return resolve();
        const msg = /No such file|ENOENT|cannot open/i.test(e.message)
          ? `serial port ${this.path} not found (is the board plugged in?)`
          : /Permission denied|EACCES/i.test(e.message)
            ? `no permission to open ${this.path} (add yourself to the dialout group)`
            : `cannot open ${this.path}: ${e.message}`;
        reject(new UserError(msg));
      });
    });
  }

  async write(data: string): Promise<void> {
    const port = this.port;
    if (!port || !port.isOpen) throw new UserError(`${this.path} is not open`);
    try {
      await this.gate.ready(this.path);
      const written = new Promise<void>((resolve, reject) => {
        port.write(Buffer.from(data, "latin1"), (e) => {
          if (e) return reject(new UserError(`${this.path}: ${e.message}`));
          port.drain(() => resolve());
        });
      });
      await withDeadline(written, this.gate.deadlineMs, `${this.path}: the link did not take a write within ${this.gate.deadlineMs / 1000} s`);
    } catch (e) {
      // A link that holds a write past its deadline is as good as lost: say so once, and let go of it.
      if (!this.closing && e instanceof UserError) this.lose(e);
      throw e;
    }
  }

  private lose(e: Error): void {
    const port = this.port;
    this.closing = true;
    this.lost = true;
    this.gate.fail(new UserError(`lost the board: ${e.message}`));
    this.events?.close(e);
    port?.close(() => undefined);
  }

  close(): Promise<void> {
    this.closing = true;
    this.gate.fail(new UserError(`${this.path} is closed`));
    const port = this.port;
    if (!port || !port.isOpen) return Promise.resolve();
    // A port whose output is held (flow control, a stuck driver) must not hold the host: close within the deadline.
    const closed = new Promise<void>((resolve) => port.close(() => resolve()));
    return withDeadline(closed, this.gate.deadlineMs, "close").catch(() => undefined);
  }
}
