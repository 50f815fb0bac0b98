/**
 * The uploader's round-trip token, in one place for the session, the CLI and every fake board.
 * The host sends `print("TC"+"SYNC<n>")` and the board prints `TCSYNC<n>`: the token is split in
 * the request, so an echo of the request can never be taken for the answer.
 */

/** The line the host sends (without the leading DLE and the newline). */
export function syncRequest(n: number): string {
  return `print("TC"+"SYNC${n}")`;
}

/** The line the board prints in answer. */
export function syncAnswer(n: number): string {
  return `TCSYNC${n}`;
}

const REQUEST = /print\("TC"\+"SYNC(\d+)"\)/;
const ANSWER = /^TCSYNC\d+$/;

/** The token number of a sync request found in `text` (a line or a chunk the host wrote), or null. */
export function syncRequestNumber(text: string): number | null {
  const m = REQUEST.exec(text);
  return m ? Number(m[1]) : null;
}

/** Whether a cleaned console line is a sync answer (any number). */
export function isSyncAnswer(line: string): boolean {
  return ANSWER.test(line);
}
