import { createInterface } from "node:readline";
import type { ConsoleSession } from "./session.ts";

/** What the user's keyboard (or piped input) can be: process.stdin, or a stream in tests. */
export type KeyboardInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

/** Options of {@link forwardKeyboard}. */
export interface KeyboardOptions {
  /** Told once, after the first Ctrl-C, how to leave. @default nothing */
  note?: (line: string) => void;
  /** The clock for "a second quick Ctrl-C", ms. @default Date.now */
  now?: () => number;
  /** How soon a second Ctrl-C must follow the first to leave, ms. @default 1000 */
  quitWindowMs?: number;
}

/** Why forwarding ended. */
export type KeyboardEnd = "quit" | "end-of-input";

/** A keyboard forwarded to a board; `ended` settles when the user leaves or the input ends. */
export interface ForwardedKeyboard {
  ended: Promise<KeyboardEnd>;
  /** Stops forwarding and gives the terminal back (raw mode off). */
  stop(): void;
}

const CTRL_C = "\x03";
const CTRL_D = "\x04";

/**
 * Sends what the user types to the board's REPL, as the Web IDE's left pane and the `espruino`
 * CLI do. From a terminal (TTY), in raw mode, key by key: the board echoes and edits the line;
 * Ctrl-C goes to the board (it interrupts running code or clears the line), and a second Ctrl-C
 * within `quitWindowMs`, or Ctrl-D, leaves. From a pipe, line by line; the input's end ends it.
 */
export function forwardKeyboard(session: ConsoleSession, input: KeyboardInput, options: KeyboardOptions = {}): ForwardedKeyboard {
  const now = options.now ?? Date.now;
  const quitWindowMs = options.quitWindowMs ?? 1000;
  let end: (why: KeyboardEnd) => void = () => {};
  const ended = new Promise<KeyboardEnd>((resolve) => (end = resolve));
  const send = (text: string) => void session.send(text).catch(() => undefined);
  let stopInput: () => void;
  if (input.isTTY && input.setRawMode) {
    input.setRawMode(true);
    let lastCtrlC = -Infinity;
    let told = false;
    const onData = (data: Buffer | string) => {
      const text = data.toString();
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c !== CTRL_C && c !== CTRL_D) continue;
        // Everything typed before goes first.
        if (c === CTRL_D || now() - lastCtrlC <= quitWindowMs) {
          if (i > 0) send(text.slice(0, i));
          return end("quit");
        }
        lastCtrlC = now();
        send(text.slice(0, i + 1));
        if (!told) options.note?.("(Ctrl-C again, or Ctrl-D, leaves the console; the board keeps running)");
        told = true;
        return onData(text.slice(i + 1));
      }
      if (text) send(text);
    };
    input.on("data", onData);
    input.resume();
    stopInput = () => {
      input.off("data", onData);
      input.setRawMode?.(false);
      input.pause();
    };
  } else {
    const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
    lines.on("line", (line) => send(line + "\n"));
    lines.on("close", () => end("end-of-input"));
    stopInput = () => lines.close();
  }
  let stopped = false;
  return {
    ended,
    stop() {
      if (stopped) return;
      stopped = true;
      stopInput();
    },
  };
}
