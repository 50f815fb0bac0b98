import type { Token } from "acorn";
import MagicString from "magic-string";
import { scanBrackets } from "./bracket-scan.ts";

const CONTINUATIONS = new Set(["else", "catch", "finally", "while", "in", "instanceof"]);

/**
 * Where a line break can go in minified code without changing what Espruino's REPL runs.
 * The REPL runs a statement as soon as its brackets balance at a line end, so:
 * - inside brackets, a break after `;`, `,` or `{` is safe (it never triggers ASI either);
 * - at depth 0, only between two statements: after `;`, or after a `}` that is followed by a
 *   keyword or a name (never before `else`, `catch`, `finally` or `while`).
 */
function canBreakBetween(prev: Token, next: Token, depth: number): boolean {
  const p = prev.type.label;
  if (depth > 0) return p === ";" || p === "," || p === "{";
  const word = next.type.keyword ?? (next.type.label === "name" ? String((next as Token & { value: unknown }).value) : undefined);
  if (word !== undefined && CONTINUATIONS.has(word)) return false;
  if (p === ";") return true;
  return p === "}" && word !== undefined;
}

/** Offsets (after a token) where {@link splitReplLines} breaks `code`, greedily, at most `maxLength` per line when possible. */
export function replBreakOffsets(code: string, maxLength: number): number[] {
  const breaks: number[] = [];
  let lineStart = 0;
  let candidate = -1;
  let prev: Token | undefined;
  for (const { token: tok, before: depth } of scanBrackets(code)) {
    if (prev && canBreakBetween(prev, tok, depth)) candidate = prev.end;
    if (tok.end - lineStart > maxLength && candidate > lineStart) {
      breaks.push(candidate);
      lineStart = candidate;
      candidate = -1;
    }
    prev = tok;
  }
  return breaks;
}

/** Breaks one-line minified code into REPL-safe lines of about `maxLength`, with a source map. */
export function splitReplLines(code: string, maxLength: number, fileName: string) {
  const s = new MagicString(code);
  for (const at of replBreakOffsets(code, maxLength)) s.appendLeft(at, "\n");
  return { code: s.toString(), map: s.generateMap({ hires: true, source: fileName, includeContent: false }) };
}
