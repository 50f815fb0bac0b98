import { LINE_PREFIX } from "../protocol/line-prefix.ts";
import { stripEscapes } from "../terminal/text.ts";

/**
 * Pure parsers for what a board's console prints. They are fed raw chunks, which can split
 * anywhere (mid-line, mid-escape), and must survive REPL echo, prompts and junk.
 */

/** Splits buffered text plus a new chunk into complete lines and the unfinished rest. */
export function splitLines(rest: string, chunk: string): { lines: string[]; rest: string } {
  const text = rest + chunk;
  const parts = text.split("\n");
  const tail = parts.pop() ?? "";
  return { lines: parts.map((l) => l.replace(/\r/g, "")), rest: tail };
}

/** ANSI escapes (Espruino clears the prompt with ESC [ J) and the DLE/Ctrl-C bytes. */
const CONTROL = /\x1b\[[0-9;]*[A-Za-z]|[\x00-\x08\x0b-\x1f]/g;

/** A console line without control bytes and without leading REPL prompts (`>`). */
export function cleanLine(line: string): string {
  // Whole sequences first, so an OSC title's text (`ESC ]0;title BEL`) goes with it.
  return stripEscapes(line).replace(CONTROL, "").replace(/^[>:\s]+/, "");
}

/** What the interpreter says when something went wrong, recognised in console lines. */
export type DeviceFault = { kind: "memory" | "uncaught" | "interrupted"; text: string };

/** Recognises Espruino's own error reports in a console line. */
export function parseFault(line: string): DeviceFault | null {
  // A record may carry a style's own error text (e.g. "Out of memory"); that is data, not a fault.
  const clean = cleanLine(line);
  if (clean.startsWith(LINE_PREFIX)) return null;
  if (/out of memory/i.test(clean)) return { kind: "memory", text: clean };
  if (/^Uncaught /.test(clean)) return { kind: "uncaught", text: clean };
  if (/^Execution Interrupted/.test(clean)) return { kind: "interrupted", text: clean };
  return null;
}
