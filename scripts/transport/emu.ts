import type { Worker } from "node:worker_threads";
import type { EmuLocation } from "../emu/locate.ts";
import type { EmuWorkerData } from "../emu/worker.ts";
import { UserError } from "../errors.ts";
import { postConsoleBytes, startWorker } from "./start-worker.ts";
import type { Transport, TransportEvents } from "./transport.ts";

const WORKER_URL = new URL("../emu/worker.ts", import.meta.url);

type WorkerMessage = { type: "ready"; ms: number } | { type: "data"; chunk: string } | { type: "load-error"; message: string };

/**
 * A transport to real Espruino, emulated: the Web IDE's emulator in a worker thread (see
 * docs/emulator.md). Each `open()` boots a fresh interpreter (empty RAM and Storage). Ctrl-C
 * reaches Espruino but cannot stop running code there (see scripts/emu/runtime.ts); `close()`
 * ends the worker whatever it is doing.
 */
export class EmuTransport implements Transport {
  readonly description = "emu";
  private worker: Worker | undefined;
  private closing = false;
  private ctrlC: Int32Array | undefined;

  constructor(private readonly location: EmuLocation) {}

  open(events: TransportEvents): Promise<void> {
    if (this.worker) return Promise.reject(new UserError("emulator is already open"));
    this.closing = false;
    const shared = new SharedArrayBuffer(4);
    this.ctrlC = new Int32Array(shared);
    const data: EmuWorkerData = { files: this.location.files, ctrlC: shared };
    const worker = startWorker(WORKER_URL, data);
    this.worker = worker;
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on("message", (m: WorkerMessage) => {
        if (m.type === "ready") {
          ready = true;
          resolve();
        } else if (m.type === "data") {
          events.data(m.chunk);
        } else if (m.type === "load-error") {
          reject(new UserError(`emulator: ${m.message}; run \`thincall emu install\` again or fix ESPRUINO_EMU`));
          void worker.terminate();
        }
      });
      // An error is followed by an exit: the owner hears of the end once, with the error if any.
      let failure: Error | undefined;
      worker.on("error", (e) => {
        if (!ready) reject(new UserError(`emulator failed to start: ${e.message.split("\n")[0]}`));
        failure = e;
      });
      worker.on("exit", (code) => {
        this.worker = undefined;
        if (!ready) reject(new UserError(`emulator exited while starting (code ${code})`));
        else if (this.closing) events.close();
        else events.close(failure ?? new Error(`emulator stopped (code ${code})`));
      });
    });
  }

  async write(data: string): Promise<void> {
    if (!this.worker || !this.ctrlC) throw new UserError("emulator is not open");
    postConsoleBytes(this.worker, this.ctrlC, data);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.closing = true;
    await worker.terminate();
  }
}
