/**
 * `thincall check <file.js…>`: runs the Espruino compatibility check on bundled files and prints
 * one line per violation, mapped back to the TypeScript source when `<file>.map` exists.
 */
import { existsSync, readFileSync } from "node:fs";
import { UserError } from "../errors.ts";
import { terminalText } from "../terminal/text.ts";
import { checkCode, formatViolation } from "./check.ts";

/**
 * Checks each file. Violations go to stderr, `ok <file>` lines to stdout for clean files.
 * @returns the total number of violations (0 means every file can run on Espruino 2v2x)
 * @throws UserError when a file does not exist
 */
export async function runCheck(files: string[]): Promise<number> {
  for (const file of files) if (!existsSync(file)) throw new UserError(`check: no such file: ${file}`);
  let count = 0;
  for (const file of files) {
    const mapFile = `${file}.map`;
    const map = existsSync(mapFile) ? readFileSync(mapFile, "utf8") : undefined;
    const violations = checkCode(readFileSync(file, "utf8"), { file, map });
    // A violation quotes the file (a NUL, an escape sequence): never raw to the terminal.
    for (const v of violations) process.stderr.write(terminalText(formatViolation(v, file)) + "\n");
    if (violations.length === 0) process.stdout.write(`ok ${terminalText(file)}\n`);
    count += violations.length;
  }
  return count;
}
