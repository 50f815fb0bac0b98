/**
 * A board's console output for an interactive terminal. The REPL edits its line with a few cursor
 * and erase sequences (`ESC [ J`, `ESC [ 2 D`…), which must pass for typing to look right; every
 * other escape (a title, a colour the board did not mean, a terminal query) and control byte is
 * removed, as text from a device is not ours (see text.ts).
 */
import { ESCAPE_SEQUENCE } from "./text.ts";

/** A whole escape sequence (as text.ts knows them), or one control byte other than tab, line break and backspace. */
const ESCAPE_OR_CONTROL = new RegExp(`${ESCAPE_SEQUENCE.source}|[\\x00-\\x07\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u202a-\\u202e\\u2066-\\u2069]`, "g");
/** CSI cursor moves (A–H) and erases (J, K), with numeric parameters only. */
const LINE_EDITING = /^\x1b\[[0-9;]*[A-HJK]$/;

/** `chunk` with only the REPL's line editing, tabs, line breaks and backspaces left of its control text. */
export function consoleText(chunk: string): string {
  // One pass: an escape sequence is whole or gone, never left as printable `[31m`.
  return chunk.replace(ESCAPE_OR_CONTROL, (seq) => (LINE_EDITING.test(seq) ? seq : ""));
}
