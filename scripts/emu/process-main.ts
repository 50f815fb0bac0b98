/**
 * Entry of the emulator's own process (see sandbox.ts): Node's permission model lets it read its
 * own code, the emulator files and the Ctrl-C count, and nothing else: no file writes, no child
 * processes, no worker threads. Messages in (IPC): `{ data }` (console input). Messages out:
 * `{ type: "data", chunk }`, `{ type: "ready", ms }` after boot, or `{ type: "load-error", message }`.
 * Environment: THINCALL_EMU_FILES (JSON list of files), THINCALL_EMU_CTRLC (the Ctrl-C count file).
 */
import { readFileSync } from "node:fs";
import { EmuLoadError, EmuRuntime } from "./runtime.ts";

const started = performance.now();
const send = (message: object) => process.send?.(message);
const files = JSON.parse(process.env.THINCALL_EMU_FILES ?? "[]") as string[];
const ctrlCFile = process.env.THINCALL_EMU_CTRLC ?? "";
// The host bumps a count in a file: code that is busy reads no messages, but it reads the clock.
const ctrlCSent = () => Number(readFileSync(ctrlCFile, "utf8")) || 0;
try {
  const runtime = await EmuRuntime.load({ files, send: (chunk) => send({ type: "data", chunk }), ctrlCSent });
  process.on("message", (message: { data: string }) => runtime.feed(message.data));
  // The owner going away ends this process: nothing else would.
  process.on("disconnect", () => process.exit(0));
  runtime.start();
  send({ type: "ready", ms: performance.now() - started });
} catch (e) {
  if (!(e instanceof EmuLoadError)) throw e;
  send({ type: "load-error", message: e.message });
}
