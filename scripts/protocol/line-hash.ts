/**
 * The integrity check each protocol line carries: a hash of the line's exact JSON text, after it,
 * `@tc2 {…} <hash>`. The firmware's `emit` prints lines with {@link protocolLine}; the host
 * (scripts/bench/records.ts) hashes the text it received with the same {@link lineHash} and
 * refuses a line whose hash is missing or differs. One definition, run by both: device-safe code.
 *
 * Why this hash: a polynomial hash, base 31, modulo the prime 2^24 − 3. Changing one character
 * changes the hash by d·31^k mod P with 0 < |d| < P, never 0 for a prime P: a changed digit, a
 * moved decimal point or two swapped characters are always caught; a lost or added byte slips
 * through with odds of 1 in 16.8 million. Every intermediate value stays under 2^31, so Espruino
 * computes it in integers, exactly as V8 and QuickJS do. `for…of` over the text costs about half
 * of `charCodeAt(i)`, which walks Espruino's string blocks from the start on every call.
 */
import { LINE_PREFIX } from "./line-prefix";

/** What the `hello` line's `hash` field names: the lines of its run carry {@link lineHash}. */
export const LINE_HASH = "p31";

/** The hash of a line's JSON text, in base 36 (at most 5 characters). */
export function lineHash(text: string): string {
  var h = 0;
  for (var c of text) h = (h * 31 + c.charCodeAt(0)) % 16777213;
  return h.toString(36);
}

/** A protocol line as the board prints it: the prefix, the JSON text, a space and the text's hash. */
export function protocolLine(json: string): string {
  return LINE_PREFIX + json + " " + lineHash(json);
}

/**
 * A protocol line's body (after the prefix) split into its JSON text and the hash after it; `hash`
 * is undefined when the body carries none (older firmware, or a line cut or mangled where the
 * hash was). JSON text has no space outside its strings and ends with `}`, so the last space
 * before a run of base-36 digits at the end separates them.
 */
export function splitHash(body: string): { json: string; hash?: string } {
  var at = body.lastIndexOf(" ");
  var hash = body.slice(at + 1);
  return at > 0 && body.charAt(at - 1) === "}" && /^[0-9a-z]{1,8}$/.test(hash) ? { json: body.slice(0, at), hash: hash } : { json: body };
}
