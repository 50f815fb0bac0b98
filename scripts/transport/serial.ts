import { SerialPort } from "serialport";
import { UserError } from "../errors.ts";
import type { Transport, TransportEvents } from "./transport.ts";

/** A board's console over a serial device (UART or USB CDC), through `serialport`. */
export class SerialTransport implements Transport {
  readonly description: string;
  private port?: SerialPort;
  private closing = false;

  /**
   * @param path device path, e.g. /dev/ttyUSB0
   * @param baudRate @default 115200
   * @param binding a serialport binding (tests pass @serialport/binding-mock)
   */
  constructor(
    private readonly path: string,
    private readonly baudRate = 115200,
    private readonly binding?: unknown,
  ) {
    this.description = path;
  }

  open(events: TransportEvents): Promise<void> {
    return new Promise((resolve, reject) => {
      const options = { path: this.path, baudRate: this.baudRate, autoOpen: false, xon: true, xoff: true };
      const port = this.binding
        ? new SerialPort({ ...options, binding: this.binding } as ConstructorParameters<typeof SerialPort>[0])
        : new SerialPort(options);
      this.port = port;
      port.on("data", (d: Buffer) => events.data(d.toString("latin1")));
      port.on("close", (err?: Error & { disconnected?: boolean }) => {
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

  write(data: string): Promise<void> {
    const port = this.port;
    return new Promise((resolve, reject) => {
      if (!port || !port.isOpen) return reject(new UserError(`${this.path} is not open`));
      port.write(Buffer.from(data, "latin1"), (e) => {
        if (e) return reject(new UserError(`${this.path}: ${e.message}`));
        port.drain(() => resolve());
      });
    });
  }

  close(): Promise<void> {
    this.closing = true;
    const port = this.port;
    if (!port || !port.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }
}
