import { readFileSync } from "node:fs";
import { buildBundle } from "../build/build.ts";
import { resolveBoard } from "../boards/profile.ts";
import { checkCode, formatViolation } from "../check/check.ts";
import { cleanLine } from "../console/lines.ts";
import { stopProgram, withBoardConsole } from "../console/connect.ts";
import { isSyncAnswer } from "../console/sync-token.ts";
import { uploadProgram } from "../console/upload.ts";
import { UserError } from "../errors.ts";
import { terminalText } from "../report/terminal-text.ts";

/** Options of `thincall flash`. */
export interface FlashOptions {
  /** A `.ts` entry (built through the pipeline) or a `.js` bundle (checked). */
  file: string;
  /** Board profile id. @default $ESPRUINO_BOARD, else "virtual" on the virtual port */
  board?: string;
  port?: string;
  /** @default the board's default (ram) */
  to?: "ram" | "flash";
  /** Stop streaming after this many seconds; @default until Ctrl-C */
  timeoutS?: number;
  /** Storage file name for `--to flash`. @default "thincall.js" */
  storageName?: string;
  out?: NodeJS.WritableStream;
  /** Notes for the user. @default process.stderr */
  err?: NodeJS.WritableStream;
  /** Deadline for each round trip to the board, ms. @default $THINCALL_REPLY_TIMEOUT_MS, else 10000 */
  replyTimeoutMs?: number;
}

/** Builds (or checks) a program, uploads it, and streams the board's console. */
export async function runFlash(options: FlashOptions): Promise<void> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const replyTimeoutMs = options.replyTimeoutMs ?? (Number(process.env.THINCALL_REPLY_TIMEOUT_MS) || 10000);
  const board = resolveBoard(options.board, options.port);
  let code: string;
  if (/\.ts$/.test(options.file)) {
    code = (await buildBundle(options.file, board)).code;
  } else {
    try {
      code = readFileSync(options.file, "latin1");
    } catch {
      throw new UserError(`cannot read ${options.file}`);
    }
    const problems = checkCode(code, { file: options.file });
    if (problems.length > 0) throw new UserError(formatViolation(problems[0], options.file) + (problems.length > 1 ? ` (+${problems.length - 1} more)` : ""));
  }
  await withBoardConsole(board, options.port, async (session) => {
    // Everything the board prints, minus the uploader's own sync tokens.
    session.onLine((line) => {
      const text = cleanLine(line);
      if (!isSyncAnswer(text)) out.write(terminalText(text) + "\n");
    });
    // Listening for a lost link starts before the upload, so no moment goes unwatched.
    const lost = new Promise<never>((_, reject) => {
      session.onLost((e) => reject(new UserError(`lost the board: ${e.message}`)));
    });
    lost.catch(() => undefined);
    // --timeout counts from the moment the program starts to run, so a top level that never
    // returns (an endless loop) is cut at the deadline too, not only a program's later output.
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reachDeadline = () => {};
    const deadline = new Promise<"deadline">((resolve) => (reachDeadline = () => resolve("deadline")));
    const startDeadline = () => {
      if (options.timeoutS !== undefined && timer === undefined) timer = setTimeout(reachDeadline, options.timeoutS * 1000);
    };
    const upload = uploadProgram(session, code, {
      board,
      mode: options.to ?? board.flash.default,
      fileName: options.storageName,
      timeoutMs: replyTimeoutMs,
      onRunning: startDeadline,
    }).then(() => "uploaded" as const);
    upload.catch(() => undefined);
    try {
      if ((await Promise.race([upload, deadline, lost])) === "uploaded") {
        // Stream until --timeout, Ctrl-C (handled by withBoardConsole) or a lost link.
        startDeadline();
        await Promise.race([deadline, lost]);
        return;
      }
      // The deadline came while the program's top level still ran: stop it, leave the board answering.
      const seconds = `the --timeout of ${options.timeoutS} s`;
      if (!(await stopProgram(session, board, replyTimeoutMs))) {
        throw new UserError(`${seconds} passed while the program's top level still ran, and the board does not answer Ctrl-C; restart it`);
      }
      err.write(`thincall: stopped the program at ${seconds} (its top level had not returned); the board answers\n`);
    } finally {
      clearTimeout(timer);
    }
  });
}
