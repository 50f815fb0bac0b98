/**
 * Text from a device, a results file or a profile, made safe for a terminal. Such text is not
 * ours: an escape sequence in a style id could move the cursor, recolour or retitle the terminal,
 * or hide a line. Whole escape sequences go first, so no printable remainder (`[31m`) is left,
 * then every control character: C0, DEL, C1 (0x9b is a one-byte CSI on many terminals) and the
 * Unicode bidi overrides that reorder what is shown.
 */
export const ESCAPE_SEQUENCE = /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[PX^_][^\x1b]*(?:\x1b\\)?|[ -/]*[0-~])?/g;
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** Removes whole escape sequences (CSI, OSC, DCS, …), leaving other text as it is. */
export function stripEscapes(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "");
}

/** One line of untrusted text for the terminal: escape sequences and control characters removed, tabs and line breaks as spaces. */
export function terminalText(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, "").replace(/[\t\r\n]/g, " ").replace(CONTROL, "");
}

/** Like {@link terminalText}, but keeps line breaks (`\n`), for multi-line output. */
export function terminalLines(text: string): string {
  return text.split("\n").map(terminalText).join("\n");
}
