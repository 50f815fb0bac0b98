import { readFileSync } from "node:fs";
import { buildBundle } from "../bundle/build.ts";
import { resolveBoard } from "../boards/profile.ts";
import { checkCode, formatViolation } from "../check/check.ts";
import { cleanLine } from "../console/lines.ts";
import { stopProgram, withBoardConsole } from "../console/connect.ts";
import { isSyncAnswer } from "../protocol/sync-token.ts";
import { uploadProgram } from "../console/upload.ts";
import { errorList, UserError } from "../errors.ts";
import { terminalText } from "../terminal/text.ts";

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
  /**
   * Run the program at every start, as Espruino's `save()` does: write it to Storage as `.bootcde`
   * (the file the interpreter runs when it starts) and `load()` it. @default false
   */
  save?: boolean;
  /** Where notes for the user go (how to stop streaming). @default process.stderr */
  notes?: NodeJS.WritableStream;
  out?: NodeJS.WritableStream;
  /** Notes for the user. @default process.stderr */
  err?: NodeJS.WritableStream;
  /** Deadline for each round trip to the board, ms. @default $THINCALL_REPLY_TIMEOUT_MS, else 10000 */
  replyTimeoutMs?: number;
}

/** The Storage file Espruino runs at start: what `save()` writes, and `flash --save` too. */
export const SAVED_PROGRAM = ".bootcde";

/** Builds (or checks) a program, uploads it, and streams the board's console. */
export async function runFlash(options: FlashOptions): Promise<void> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const replyTimeoutMs = options.replyTimeoutMs ?? (Number(process.env.THINCALL_REPLY_TIMEOUT_MS) || 10000);
  const board = resolveBoard(options.board, options.port);
  const notes = options.notes ?? process.stderr;
  if (options.save && !board.flash.storage) throw new UserError(`--save writes Storage, which ${board.id} does not have`);
  if (options.save && options.to === "ram") throw new UserError("--save runs the program from Storage at every start; leave out --to ram");
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
    if (problems.length > 0) throw errorList(problems.map((p) => formatViolation(p, options.file)), `${options.file} would not run on Espruino`);
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
    const mode = options.save ? "flash" : (options.to ?? board.flash.default);
    const fileName = options.save ? SAVED_PROGRAM : options.storageName;
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
      mode,
      fileName,
      timeoutMs: replyTimeoutMs,
      // --timeout, not the upload, ends a top level that runs long, in whichever piece it is.
      ...(options.timeoutS !== undefined ? { runningTimeoutMs: Math.max(60000, options.timeoutS * 1000 + replyTimeoutMs) } : {}),
      onRunning: startDeadline,
    }).then(() => "uploaded" as const);
    upload.catch(() => undefined);
    try {
      if ((await Promise.race([upload, deadline, lost])) === "uploaded") {
        if (options.save) notes.write(`saved as Storage ${SAVED_PROGRAM}: it runs at every start (to remove it: require("Storage").erase("${SAVED_PROGRAM}"))\n`);
        notes.write(options.timeoutS !== undefined ? `streaming the board's output for ${options.timeoutS} s (Ctrl-C stops sooner)\n`
          : "streaming the board's output; press Ctrl-C to stop (the program keeps running on the board)\n");
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
