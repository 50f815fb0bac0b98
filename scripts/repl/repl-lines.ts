import type { Token } from "acorn";
import MagicString from "magic-string";
import { scanBrackets } from "./bracket-scan.ts";

/** Words that continue the statement before them: a line may never start with one. */
const CONTINUATIONS = new Set(["else", "catch", "finally", "while", "in", "instanceof"]);

/** The keyword or name a token spells, or undefined for punctuation, strings and numbers. */
function wordOf(token: Token): string | undefined {
  return token.type.keyword ?? (token.type.label === "name" ? String((token as Token & { value: unknown }).value) : undefined);
}

/**
 * Whether a line break between `prev` and `next` at bracket depth 0 leaves Espruino's REPL
 * running the same statements. The REPL runs what it has as soon as the brackets balance at a
 * line end, so a break is safe only between two statements: after `;`, or after a `}` followed
 * by a keyword or a name (`}\n.a` or `}\n(f)` would run the first part alone), and never before
 * a word that continues the statement (`else`, `catch`, `finally`, `while`, `in`, `instanceof`).
 */
export function breakEndsStatement(prev: Token, next: Token): boolean {
  const word = wordOf(next);
  if (word !== undefined && CONTINUATIONS.has(word)) return false;
  const p = prev.type.label;
  return p === ";" || (p === "}" && word !== undefined);
}

/** Whether `next` is a word that continues the statement before it (see {@link breakEndsStatement}). */
export function continuesStatement(next: Token): boolean {
  const word = wordOf(next);
  return word !== undefined && CONTINUATIONS.has(word);
}

/**
 * Where a line break can go in minified code without changing what Espruino's REPL runs:
 * inside brackets after `;`, `,` or `{` (the REPL waits, and these never trigger ASI); at depth
 * 0 where {@link breakEndsStatement} says so.
 */
function canBreakBetween(prev: Token, next: Token, depth: number): boolean {
  const p = prev.type.label;
  if (depth > 0) return p === ";" || p === "," || p === "{";
  return breakEndsStatement(prev, next);
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
