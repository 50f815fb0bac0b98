import { resolveBoard } from "../boards/profile.ts";
import { withBoardConsole } from "../console/connect.ts";
import { forwardKeyboard, type KeyboardInput } from "../console/keyboard.ts";
import { cleanLine } from "../console/lines.ts";
import type { ConsoleSession } from "../console/session.ts";
import { defaultPort } from "../emu/default-port.ts";
import { UserError } from "../errors.ts";
import { isSyncAnswer } from "../protocol/sync-token.ts";
import { consoleText } from "../terminal/console-text.ts";
import { terminalText } from "../terminal/text.ts";

/** Options of `thincall console` (and of `thincall -e`). */
export interface ConsoleOptions {
  /** Board profile id or Espruino board name. @default $ESPRUINO_BOARD, else from the port */
  board?: string;
  /** @default the rule of scripts/emu/default-port.ts */
  port?: string;
  /** Run this expression on the board, print its value and leave (`-e`). @default an interactive console */
  expr?: string;
  /** What the user types. @default process.stdin */
  input?: KeyboardInput;
  out?: NodeJS.WritableStream;
  /** Notes for the user. @default process.stderr */
  err?: NodeJS.WritableStream;
  /** Deadline for each round trip to the board, ms. @default $THINCALL_REPLY_TIMEOUT_MS, else 10000 */
  replyTimeoutMs?: number;
}

/**
 * `thincall console`: the board's REPL in the terminal (what you type goes to the board, what it
 * prints comes back), or with `expr` one expression's value, as `espruino -e` prints it.
 */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const replyTimeoutMs = options.replyTimeoutMs ?? (Number(process.env.THINCALL_REPLY_TIMEOUT_MS) || 10000);
  const port = defaultPort(options.port, options.board, (line) => err.write(`${line}\n`));
  const board = resolveBoard(options.board, port);
  await withBoardConsole(board, port, async (session) => {
    if (options.expr !== undefined) return evaluate(session, options.expr, out, replyTimeoutMs);
    const input = options.input ?? process.stdin;
    const interactive = Boolean(input.isTTY && input.setRawMode);
    if (interactive) {
      session.onData((chunk) => out.write(consoleText(chunk)));
      err.write(`connected to ${board.id} (${session.transport.description}); Ctrl-C twice or Ctrl-D leaves\n`);
    } else {
      // Piped: a transcript, one line each, without the host's own sync answer.
      session.onLine((line) => {
        const text = cleanLine(line);
        if (!isSyncAnswer(text)) out.write(terminalText(text) + "\n");
      });
    }
    const lost = new Promise<never>((_, reject) => session.onLost((e) => reject(new UserError(`lost the board: ${e.message}`))));
    lost.catch(() => undefined);
    const keyboard = forwardKeyboard(session, input, { note: (line) => err.write(`\r\n${line}\r\n`) });
    try {
      await Promise.race([keyboard.ended, lost]);
      // Piped input: everything sent has run, and its output is shown, before leaving.
      if (!interactive) await session.sync(replyTimeoutMs, "the last line of input");
    } finally {
      keyboard.stop();
    }
  });
}

/**
 * Runs `expr` on the board and prints its value; an exception on the board is a one-line error.
 * It is sent as a string to `eval`, echo off, so statements (`a=1;a+1`) and any quotes work.
 */
async function evaluate(session: ConsoleSession, expr: string, out: NodeJS.WritableStream, timeoutMs: number): Promise<void> {
  // Whatever the board printed on connecting (a banner, a prompt) is not the answer.
  await session.sync(timeoutMs, "connecting");
  const lines: string[] = [];
  const off = session.onLine((line) => lines.push(cleanLine(line)));
  try {
    await session.send(`\x10print(eval(${JSON.stringify(expr)}))\n`);
    await session.sync(timeoutMs, "-e");
  } finally {
    off();
  }
  const answer = lines.filter((l) => !isSyncAnswer(l));
  while (answer.length > 0 && answer[answer.length - 1] === "") answer.pop();
  while (answer.length > 0 && answer[0] === "") answer.shift();
  const uncaught = answer.find((l) => /^Uncaught /.test(l));
  if (uncaught) throw new UserError(`-e: the board says: ${uncaught}`);
  for (const line of answer) out.write(terminalText(line) + "\n");
}
