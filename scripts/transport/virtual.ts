import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import type { VirtualWorkerData } from "../virtual/worker.ts";
import { HostedBoardTransport, countCtrlC, type HostedMessage } from "./hosted-board.ts";
import { startWorker } from "./start-worker.ts";
import type { Transport } from "./transport.ts";

/** Options of {@link createVirtualTransport}. */
export interface VirtualTransportOptions {
  /** RAM for JsVars in bytes; the budget becomes `floor(ramBytes / profile.bytesPerVar)` JsVars. */
  ramBytes?: number;
}

const WORKER_URL = new URL("../virtual/worker.ts", import.meta.url);

/**
 * A transport to a virtual board: Espruino's console and API emulated on QuickJS
 * (see docs/virtual-board.md). The board lives in a worker thread, so Ctrl-C can stop code that
 * never returns: Ctrl-C bytes are counted in shared memory first, which busy code polls.
 */
export async function createVirtualTransport(profile: BoardProfile, options: VirtualTransportOptions = {}): Promise<Transport> {
  const { ramBytes } = options;
  if (ramBytes !== undefined && !(Number.isInteger(ramBytes) && ramBytes >= profile.bytesPerVar)) {
    throw new UserError(`virtual board: ramBytes must be an integer of at least ${profile.bytesPerVar} (got ${ramBytes})`);
  }
  const total = ramBytes === undefined ? profile.jsvars : Math.floor(ramBytes / profile.bytesPerVar);
  return new HostedBoardTransport({
    description: "virtual",
    name: "virtual board",
    start: () => {
      const shared = new SharedArrayBuffer(4);
      const ctrlC = new Int32Array(shared);
      const data: VirtualWorkerData = { total, blocksize: profile.bytesPerVar, ctrlC: shared };
      const worker = startWorker(WORKER_URL, data);
      return {
        send: (bytes) => {
          const count = countCtrlC(bytes);
          if (count > 0) Atomics.add(ctrlC, 0, count);
          worker.postMessage({ data: bytes });
        },
        onMessage: (l) => worker.on("message", (m: HostedMessage) => l(m)),
        onError: (l) => worker.on("error", l),
        onExit: (l) => worker.on("exit", l),
        stop: async () => void (await worker.terminate()),
      };
    },
  });
}
