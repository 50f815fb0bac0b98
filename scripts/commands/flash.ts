import { relative } from "node:path";
import { writeBundleFile } from "../bundle/build.ts";
import { watchFiles, type FileChanges } from "../bundle/watch-files.ts";
import { budgetNote, resolveRunTarget } from "../boards/budget.ts";
import type { BoardProfile } from "../boards/profile.ts";
import { cleanLine } from "../console/lines.ts";
import { notStoppedNote, stopProgram, withBoardConsole } from "../console/connect.ts";
import { forwardKeyboard, type KeyboardEnd, type KeyboardInput } from "../console/keyboard.ts";
import { defaultPort } from "../emu/default-port.ts";
import { isSyncAnswer } from "../protocol/sync-token.ts";
import { reserveFreeJsVars } from "../console/reserve.ts";
import { uploadProgram } from "../console/upload.ts";
import { UserError } from "../errors.ts";
import { checkNotAnInput } from "../report/file-identity.ts";
import { consoleText } from "../terminal/console-text.ts";
import { terminalLines, terminalText } from "../terminal/text.ts";
import { loadUserProgram, type UserProgram } from "./user-program.ts";

/** Options of `thincall flash`. */
export interface FlashOptions {
  /** A `.ts` entry (built through the pipeline) or a `.js` bundle (checked). */
  file: string;
  /** Board profile id or Espruino board name. @default $ESPRUINO_BOARD, else "virtual" on the virtual port */
  board?: string;
  /** Port: serial path, tcp://host[:port], emu or virtual; @default the rule of scripts/emu/default-port.ts */
  port?: string;
  /** @default the board's default (ram) */
  to?: "ram" | "flash";
  /** Stop streaming after this many seconds; @default until Ctrl-C (and what you type goes to the board) */
  timeoutS?: number;
  /** Storage file name for `--to flash`. @default "thincall.js" */
  storageName?: string;
  /**
   * Run the program at every start, as Espruino's `save()` does: write it to Storage as `.bootcde`
   * (the file the interpreter runs when it starts) and `load()` it. @default false
   */
  save?: boolean;
  /** Also write the bundle sent to the board to this file (`-o`). @default not written */
  bundleOut?: string;
  /** Rebuild and upload again whenever a source file changes (`--watch`). @default false */
  watch?: boolean;
  /** Minify the build (false: `--no-minify`). @default true */
  minify?: boolean;
  /** What the user types, sent to the board's REPL while streaming without a timeout. @default process.stdin */
  input?: KeyboardInput;
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

/** The program to upload (see {@link loadUserProgram}); written to `bundleOut` too. */
async function loadProgram(options: FlashOptions, board: BoardProfile): Promise<UserProgram> {
  // -o naming the program, or a file it imports, would put the bundle over its source.
  if (options.bundleOut !== undefined) checkNotAnInput(options.bundleOut, [options.file], "source");
  const program = await loadUserProgram(options.file, board, { minify: options.minify, notes: options.notes });
  if (options.bundleOut !== undefined) {
    checkNotAnInput(options.bundleOut, program.sources, "source");
    writeBundleFile(options.bundleOut, program.code);
  }
  return program;
}

/**
 * Builds (or checks) a program, uploads it, and streams the board's console; without `--timeout`,
 * what you type goes to the board's REPL. With `watch`, every change to a source is built and
 * uploaded again (a failed build is reported, and the board keeps the last program).
 */
export async function runFlash(options: FlashOptions): Promise<void> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const replyTimeoutMs = options.replyTimeoutMs ?? (Number(process.env.THINCALL_REPLY_TIMEOUT_MS) || 10000);
  if (options.save && options.to === "ram") throw new UserError("--save runs the program from Storage at every start; leave out --to ram");
  // Without a port: the one default-port rule (scripts/emu/default-port.ts).
  options = { ...options, port: defaultPort(options.port, options.board, (line) => err.write(`${line}\n`)) };
  const { board, budget } = resolveRunTarget(options.board, options.port);
  const notes = options.notes ?? process.stderr;
  if (budget) notes.write(`${budgetNote(board, budget)}\n`);
  if (options.save && !board.flash.storage) throw new UserError(`--save writes Storage, which ${board.id} does not have`);
  let program = await loadProgram(options, budget ?? board);
  const changes: FileChanges | undefined = options.watch ? watchFiles(program.sources) : undefined;
  try {
    await withBoardConsole(board, options.port, async (session) => {
      // Everything the board prints, minus the uploader's own sync tokens; once you type into a
      // terminal, as it comes (the board echoes and edits your line), except while uploading.
      const input = options.input ?? process.stdin;
      let asTyped = false;
      session.onLine((line) => {
        const text = cleanLine(line);
        if (!asTyped && !isSyncAnswer(text)) out.write(terminalText(text) + "\n");
      });
      session.onData((chunk) => {
        if (asTyped) out.write(consoleText(chunk));
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
      const upload = (code: string) => {
        const done = uploadProgram(session, code, {
          board,
          mode,
          fileName,
          ...(budget ? { prelude: reserveFreeJsVars(budget.freeAtBoot.jsvars) } : {}),
          timeoutMs: replyTimeoutMs,
          // --timeout, not the upload, ends a top level that runs long, in whichever piece it is.
          ...(options.timeoutS !== undefined ? { runningTimeoutMs: Math.max(60000, options.timeoutS * 1000 + replyTimeoutMs) } : {}),
          onRunning: startDeadline,
        }).then(() => "uploaded" as const);
        done.catch(() => undefined);
        return done;
      };
      // Without --timeout the console is yours: what you type goes to the board's REPL.
      let keyboard: ReturnType<typeof forwardKeyboard> | undefined;
      let left: Promise<"quit"> = new Promise(() => {});
      try {
        if ((await Promise.race([upload(program.code), deadline, lost])) !== "uploaded") {
          // The deadline came while the program's top level still ran: stop it, leave the board answering.
          const seconds = `the --timeout of ${options.timeoutS} s`;
          if (!(await stopProgram(session, board, replyTimeoutMs))) {
            const why = session.lost ? notStoppedNote(session) : "the board does not answer Ctrl-C; restart it";
            throw new UserError(`${seconds} passed while the program's top level still ran, and ${why}`);
          }
          err.write(`thincall: stopped the program at ${seconds} (its top level had not returned); the board answers\n`);
          return;
        }
        if (options.save) notes.write(`saved as Storage ${SAVED_PROGRAM}: it runs at every start (to remove it: require("Storage").erase("${SAVED_PROGRAM}"))\n`);
        if (options.timeoutS !== undefined) {
          notes.write(`streaming the board's output for ${options.timeoutS} s (Ctrl-C stops sooner)\n`);
        } else {
          keyboard = forwardKeyboard(session, input, { note: (line) => notes.write(`${line}\n`) });
          asTyped = Boolean(input.isTTY && input.setRawMode);
          // A piped input that ends leaves the stream running, as before there was a keyboard.
          left = keyboard.ended.then((why: KeyboardEnd) => (why === "quit" ? why : new Promise<never>(() => {})));
          notes.write(
            "streaming the board's output; what you type goes to its REPL; " +
              (input.isTTY ? "Ctrl-C twice or Ctrl-D leaves" : "Ctrl-C stops") +
              (options.watch ? "; a change to a source uploads it again" : "") +
              "\n",
          );
        }
        startDeadline();
        // Stream until --timeout, leaving the console, a lost link or (with --watch) each change.
        for (;;) {
          const next = changes ? changes.next().then((file) => ({ file })) : new Promise<never>(() => {});
          const what = await Promise.race([deadline, lost, left, next]);
          if (what === "deadline" || what === "quit") return;
          notes.write(`${relative(process.cwd(), what.file) || what.file} changed: building and uploading again\n`);
          try {
            program = await loadProgram(options, budget ?? board);
          } catch (e) {
            if (!(e instanceof UserError)) throw e;
            // A half-typed edit is no reason to leave: say what is wrong, keep the last program.
            err.write(`thincall: ${terminalLines(e.message)}\n`);
            continue;
          }
          const typing = asTyped;
          asTyped = false;
          await Promise.race([upload(program.code), lost]);
          asTyped = typing;
          notes.write(`uploaded ${Buffer.byteLength(program.code, "latin1")} bytes\n`);
        }
      } finally {
        clearTimeout(timer);
        keyboard?.stop();
      }
    });
  } finally {
    changes?.close();
  }
}
