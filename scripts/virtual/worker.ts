/**
 * Worker-thread entry of the virtual board. Messages in: `{ data }` (console input).
 * Messages out: `{ type: "data", chunk }` (the first is the prompt), and `{ type: "ready", ms }`
 * right after the first prompt.
 * `workerData.ctrlC` is a shared Int32Array counting the Ctrl-C bytes the host has written: the
 * host bumps it before posting the bytes, so code that is busy can be interrupted.
 */
import { parentPort, workerData } from "node:worker_threads";
import { VirtualBoard } from "./board.ts";

/** What the transport passes to the worker. */
export interface VirtualWorkerData {
  total: number;
  blocksize: number;
  ctrlC: SharedArrayBuffer;
}

const started = performance.now();
const data = workerData as VirtualWorkerData;
const ctrlC = new Int32Array(data.ctrlC);
const port = parentPort!;
const board = await VirtualBoard.create({
  total: data.total,
  blocksize: data.blocksize,
  send: (chunk) => port.postMessage({ type: "data", chunk }),
  ctrlCSent: () => Atomics.load(ctrlC, 0),
});
port.on("message", (message: { data: string }) => board.feed(message.data));
// The prompt goes first, so it has arrived by the time open() resolves.
board.start();
port.postMessage({ type: "ready", ms: performance.now() - started });
