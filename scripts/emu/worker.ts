/**
 * Worker-thread entry of the emulated board (see runtime.ts). Messages in: `{ data }` (console
 * input). Messages out: `{ type: "data", chunk }` (the first carries the banner and prompt),
 * `{ type: "ready", ms }` after boot, or `{ type: "load-error", message }` when a file does not
 * evaluate.
 */
import { parentPort, workerData } from "node:worker_threads";
import { EmuLoadError, EmuRuntime } from "./runtime.ts";

/** What the transport passes to the worker. */
export interface EmuWorkerData {
  /** Emulator files, in evaluation order. */
  files: string[];
  /** Shared Int32Array counting the Ctrl-C bytes the host has written (see EmuRuntime). */
  ctrlC: SharedArrayBuffer;
}

const started = performance.now();
const port = parentPort!;
const data = workerData as EmuWorkerData;
const ctrlC = new Int32Array(data.ctrlC);
try {
  const runtime = await EmuRuntime.load({ files: data.files, send: (chunk) => port.postMessage({ type: "data", chunk }),
    ctrlCSent: () => Atomics.load(ctrlC, 0),
  });
  port.on("message", (message: { data: string }) => runtime.feed(message.data));
  runtime.start();
  port.postMessage({ type: "ready", ms: performance.now() - started });
} catch (e) {
  if (!(e instanceof EmuLoadError)) throw e;
  port.postMessage({ type: "load-error", message: e.message });
}
