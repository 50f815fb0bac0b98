/**
 * serialport's own binding, but a hang-up ends the link. On Unix, a non-blocking read of a tty
 * returns 0 bytes only when the other end is gone (a pty whose program exited, a USB device
 * pulled); serialport's reader takes 0 as "try again" and spins forever at full CPU, so a vanished
 * board went unnoticed. Here a 0-byte read is a disconnection, which serialport turns into `close`.
 */
import { read } from "node:fs";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import { autoDetect, type AutoDetectTypes } from "@serialport/bindings-cpp";

// serialport's Unix reader, with the read it calls as a parameter; not among the package's exports.
const { unixRead } = createRequire(import.meta.url)("@serialport/bindings-cpp/dist/unix-read.js") as {
  unixRead: (o: { binding: unknown; buffer: Buffer; offset: number; length: number; fsReadAsync: ReadAsync }) => Promise<{ buffer: Buffer; bytesRead: number }>;
};

type ReadAsync = typeof read.__promisify__;
const readAsync: ReadAsync = promisify(read);

/** The error a 0-byte read becomes: marked `disconnect`, as serialport marks a pulled USB device. */
export class HangUpError extends Error {
  readonly code = "EOF";
  readonly disconnect = true;
  constructor() {
    super("the other end hung up (end of file)");
  }
}

/** A read that treats 0 bytes as a hang-up (see the file's comment). */
export function hangUpOnZero(fsRead: ReadAsync = readAsync): ReadAsync {
  return (async (...args: Parameters<ReadAsync>) => {
    const result = await fsRead(...args);
    if (result.bytesRead === 0) throw new HangUpError();
    return result;
  }) as ReadAsync;
}

type Binding = AutoDetectTypes;
type Port = Awaited<ReturnType<Binding["open"]>>;

/** The platform's binding, with {@link hangUpOnZero} reads on Unix. */
export function hangUpAwareBinding(base: Binding = autoDetect()): Binding {
  if (process.platform === "win32") return base;
  const guarded = hangUpOnZero();
  return {
    list: () => base.list(),
    async open(options: Parameters<Binding["open"]>[0]): Promise<Port> {
      const port = await base.open(options);
      const original = port.read.bind(port);
      port.read = (buffer: Buffer, offset: number, length: number) =>
        "poller" in port ? unixRead({ binding: port, buffer, offset, length, fsReadAsync: guarded }) : original(buffer, offset, length);
      return port;
    },
  } as Binding;
}
