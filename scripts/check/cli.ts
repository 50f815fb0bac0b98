/**
 * `thincall check [--board id] [--espruino version] <file.js…>`: runs the Espruino compatibility
 * check on bundled files and prints one line per finding, mapped back to the TypeScript source
 * when `<file>.map` exists. With a board, what its build lacks (modules, Unicode, the full date
 * range) and members newer than its minimum Espruino are checked too.
 */
import { existsSync, readFileSync } from "node:fs";
import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import { terminalText } from "../terminal/text.ts";
import { checkCode, formatViolation } from "./check.ts";

/** Options of {@link runCheck}. */
export interface RunCheckOptions {
  /** The board the files are for. @default none: what fails on every Espruino */
  board?: BoardProfile;
  /** The Espruino build they will run on. @default the board's minimum version */
  espruino?: string;
}

/**
 * Checks each file. Findings go to stderr (warnings marked `warning:`), `ok <file>` lines to
 * stdout for files without errors.
 * @returns the number of errors (0 means every file can run on Espruino; warnings do not count)
 * @throws UserError when a file does not exist
 */
export async function runCheck(files: string[], options: RunCheckOptions = {}): Promise<number> {
  for (const file of files) if (!existsSync(file)) throw new UserError(`check: no such file: ${file}`);
  let count = 0;
  for (const file of files) {
    const mapFile = `${file}.map`;
    const map = existsSync(mapFile) ? readFileSync(mapFile, "utf8") : undefined;
    const violations = checkCode(readFileSync(file, "utf8"), { file, map, board: options.board, espruino: options.espruino });
    // A violation quotes the file (a NUL, an escape sequence): never raw to the terminal.
    for (const v of violations) process.stderr.write(terminalText(formatViolation(v, file)) + "\n");
    const errors = violations.filter((v) => v.severity !== "warning").length;
    if (errors === 0) process.stdout.write(`ok ${terminalText(file)}${options.board ? ` (${options.board.id})` : ""}\n`);
    count += errors;
  }
  return count;
}
