import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import { replPieces } from "./chunks.ts";
import { parseFault, type DeviceFault } from "./lines.ts";
import type { ConsoleSession } from "./session.ts";
import { stopBoard } from "./stop-board.ts";

/** Options for {@link uploadProgram}. */
export interface UploadOptions {
  board: BoardProfile;
  /** `ram`: sent to the REPL. `flash`: written to Storage, then `load()`ed. */
  mode: "ram" | "flash";
  /** Storage file name for flash mode. @default "thincall.js" */
  fileName?: string;
  /** Deadline for each round trip to the board. @default 10000 */
  timeoutMs?: number;
  /**
   * Deadline for each piece once the program runs: any piece may hold a statement that keeps the
   * REPL busy for a while (a long set-up, an endless loop cut by the caller's own deadline).
   * @default the larger of `timeoutMs` and 60000
   */
  runningTimeoutMs?: number;
  /** Largest piece sent before waiting for the board. @default 1024 */
  pieceBytes?: number;
  /**
   * Device code (whole statements, one per line) run on the freshly reset board before the program (a memory budget, a
   * baseline reading): sent to the REPL after `reset()` (RAM), or put at the head of the Storage file,
   * since `load()` resets the board too (flash). @default none
   */
  prelude?: string;
  /** Called once, when the program starts to run: as its first piece is sent (RAM), or at `load()` (Storage). */
  onRunning?: () => void;
  /** Called after each piece with bytes sent so far and in total. */
  onProgress?: (sent: number, total: number) => void;
}

/**
 * Base64 of a byte string, as `Buffer.from(text, "latin1")` would encode it (each character's low
 * byte), with `btoa` so the web page can share this uploader.
 */
export function latin1Base64(text: string): string {
  return btoa(text.replace(/[^\x00-\xff]/g, (c) => String.fromCharCode(c.charCodeAt(0) & 0xff)));
}

/** Bytes of Storage data per write command (before base64). */
const STORAGE_CHUNK = 768;

/**
 * Uploads a program through Espruino's console protocol: every line starts with DLE (`\x10`,
 * echo off for that line), and the board is synced after each piece. `ram` resets the board and
 * sends the code to the REPL; `flash` writes it to Storage and `load()`s it, so it runs from flash.
 * Faults the board prints meanwhile (out of memory, uncaught errors) fail the upload.
 */
export async function uploadProgram(session: ConsoleSession, code: string, options: UploadOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10000;
  const runningTimeoutMs = options.runningTimeoutMs ?? Math.max(timeoutMs, 60000);
  const faults: DeviceFault[] = [];
  let uploading = true;
  session.onLine((line) => {
    const fault = uploading ? parseFault(line) : null;
    if (fault) faults.push(fault);
  });
  const check = () => {
    const fault = faults[0];
    if (!fault) return;
    if (fault.kind === "memory") {
      throw new UserError(`the board ran out of memory while loading the program (${code.length} bytes): ${fault.text}`);
    }
    throw new UserError(`the board rejected the program: ${fault.text}`);
  };

  // Whatever the board still runs (an interrupted bench, a user's program) stops first.
  await stopBoard(session, options.board, { timeoutMs });
  faults.length = 0;

  if (options.mode === "flash" && options.prelude) code = `${options.prelude}\n${code}`;
  const total = code.length;
  if (options.mode === "ram") {
    await session.send("\x10reset();\n");
    await session.sync(timeoutMs, "reset");
    faults.length = 0;
    if (options.prelude) {
      await session.send(options.prelude.split("\n").map((l) => `\x10${l}\n`).join(""));
      await session.sync(runningTimeoutMs, "preparing the board");
      check();
    }
    let sent = 0;
    const pieces = replPieces(code, options.pieceBytes ?? 1024);
    for (const [i, piece] of pieces.entries()) {
      // The REPL runs each statement as it arrives: the program runs from its first piece.
      if (i === 0) options.onRunning?.();
      await session.send(piece.split("\n").map((l) => "\x10" + l + "\n").join(""));
      await session.sync(runningTimeoutMs, "upload");
      check();
      sent += piece.length + 1;
      options.onProgress?.(Math.min(sent, total), total);
    }
  } else {
    const name = JSON.stringify(options.fileName ?? "thincall.js");
    for (let at = 0; at < total; at += STORAGE_CHUNK) {
      const b64 = latin1Base64(code.slice(at, at + STORAGE_CHUNK));
      const args = at === 0 ? `${name},atob("${b64}"),0,${total}` : `${name},atob("${b64}"),${at}`;
      await session.send(`\x10require("Storage").write(${args});\n`);
      await session.sync(timeoutMs, "writing Storage");
      check();
      options.onProgress?.(Math.min(at + STORAGE_CHUNK, total), total);
    }
    options.onRunning?.();
    await session.send(`\x10load(${name});\n`);
  }
  uploading = false;
}
