import type { Worker } from "node:worker_threads";
import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import type { VirtualWorkerData } from "../virtual/worker.ts";
import { postConsoleBytes, startWorker } from "./start-worker.ts";
import type { Transport, TransportEvents } from "./transport.ts";

/** Options of {@link createVirtualTransport}. */
export interface VirtualTransportOptions {
  /** RAM for JsVars in bytes; the budget becomes `floor(ramBytes / profile.bytesPerVar)` JsVars. */
  ramBytes?: number;
}

const WORKER_URL = new URL("../virtual/worker.ts", import.meta.url);

/**
 * A transport to a virtual board: Espruino's console and API emulated on QuickJS
 * (see docs/virtual-board.md). The board lives in a worker thread, so Ctrl-C can stop code that
 * never returns. Each `open()` starts a fresh board (empty RAM and Storage).
 */
export async function createVirtualTransport(profile: BoardProfile, options: VirtualTransportOptions = {}): Promise<Transport> {
  const { ramBytes } = options;
  if (ramBytes !== undefined && !(Number.isInteger(ramBytes) && ramBytes >= profile.bytesPerVar)) {
    throw new UserError(`virtual board: ramBytes must be an integer of at least ${profile.bytesPerVar} (got ${ramBytes})`);
  }
  const total = ramBytes === undefined ? profile.jsvars : Math.floor(ramBytes / profile.bytesPerVar);
  return new VirtualTransport(total, profile.bytesPerVar);
}

class VirtualTransport implements Transport {
  readonly description = "virtual";
  private worker: Worker | undefined;
  private ctrlC: Int32Array | undefined;
  private closing = false;

  constructor(private readonly total: number, private readonly blocksize: number) {}

  open(events: TransportEvents): Promise<void> {
    if (this.worker) return Promise.reject(new UserError("virtual board is already open"));
    const shared = new SharedArrayBuffer(4);
    this.ctrlC = new Int32Array(shared);
    this.closing = false;
    const data: VirtualWorkerData = { total: this.total, blocksize: this.blocksize, ctrlC: shared };
    const worker = startWorker(WORKER_URL, data);
    this.worker = worker;
    return new Promise((resolve, reject) => {
      let ready = false;
      worker.on("message", (m: { type: string; chunk?: string }) => {
        if (m.type === "ready") {
          ready = true;
          resolve();
        } else if (m.type === "data" && m.chunk !== undefined) {
          events.data(m.chunk);
        }
      });
      // An error is followed by an exit: the owner hears of the end once, with the error if any.
      let failure: Error | undefined;
      worker.on("error", (e) => {
        if (!ready) reject(new UserError(`virtual board failed to start: ${e.message}`));
        failure = e;
      });
      worker.on("exit", (code) => {
        this.worker = undefined;
        if (!ready) reject(new UserError(`virtual board exited while starting (code ${code})`));
        else if (this.closing) events.close();
        else events.close(failure ?? new Error(`virtual board stopped (code ${code})`));
      });
    });
  }

  async write(data: string): Promise<void> {
    if (!this.worker || !this.ctrlC) throw new UserError("virtual board is not open");
    postConsoleBytes(this.worker, this.ctrlC, data);
  }

  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.closing = true;
    await worker.terminate();
  }
}
