import { rmSync } from "node:fs";
import { dirname } from "node:path";
import type { EmuLocation } from "../emu/locate.ts";
import { ctrlCCounter, startEmulatorProcess } from "../emu/sandbox.ts";
import { HostedBoardTransport, countCtrlC, type HostedMessage } from "./hosted-board.ts";
import type { Transport } from "./transport.ts";

/**
 * A transport to real Espruino, emulated: the Web IDE's emulator in a process of its own, under
 * Node's permission model (see scripts/emu/sandbox.ts and docs/emulator.md). Ctrl-C reaches
 * Espruino but cannot stop running code there (see scripts/emu/runtime.ts).
 * @param options.readyTimeoutMs longest wait for it to load. @default HOSTED_READY_TIMEOUT_MS (30 s)
 */
export function createEmuTransport(location: EmuLocation, options: { readyTimeoutMs?: number } = {}): Transport {
  return new HostedBoardTransport({
    description: "emu",
    name: "emulator",
    loadErrorHint: "run `thincall emu install` again or fix ESPRUINO_EMU",
    ...options,
    start: () => {
      const counter = ctrlCCounter();
      const child = startEmulatorProcess(location.files, counter.path);
      let ctrlCs = 0;
      let stderr = "";
      child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
      child.on("exit", () => rmSync(dirname(counter.path), { recursive: true, force: true }));
      return {
        send: (bytes) => {
          const count = countCtrlC(bytes);
          if (count > 0) counter.set((ctrlCs += count));
          if (child.connected) child.send({ data: bytes });
        },
        onMessage: (l) => child.on("message", (m: HostedMessage) => l(m)),
        onError: (l) => child.on("error", l),
        // A crash says why on stderr: its first line is the error.
        onExit: (l) =>
          child.on("exit", (code) => {
            if (code) child.emit("error", new Error(stderr.split("\n").find((s) => /Error|denied/i.test(s)) ?? `exit code ${code}`));
            l(code);
          }),
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGKILL");
          }),
      };
    },
  });
}
