import { readFileSync } from "node:fs";
import { buildBundle } from "../build/build.ts";
import { resolveBoard } from "../boards/profile.ts";
import { checkCode, formatViolation } from "../check/check.ts";
import { cleanLine } from "../console/lines.ts";
import { withBoardConsole } from "../console/connect.ts";
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
}

/** Builds (or checks) a program, uploads it, and streams the board's console. */
export async function runFlash(options: FlashOptions): Promise<void> {
  const out = options.out ?? process.stdout;
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
    await Promise.race([uploadProgram(session, code, { board, mode: options.to ?? board.flash.default, fileName: options.storageName }), lost]);
    // Stream until --timeout, Ctrl-C (handled by withBoardConsole) or a lost link.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      if (options.timeoutS !== undefined) timer = setTimeout(resolve, options.timeoutS * 1000);
    });
    try {
      await Promise.race([timeout, lost]);
    } finally {
      clearTimeout(timer);
    }
  });
}
