import { isUnterminated, scanBrackets } from "../repl/bracket-scan.ts";

/**
 * Decides whether REPL input is a complete statement, the way Espruino's console does: brackets,
 * braces and parentheses balance, and no string, template, block comment or regular expression is
 * left open. Text that does not tokenize for another reason counts as complete, so the board
 * reports the error, as a real one would.
 */
export function isComplete(src: string): boolean {
  let depth = 0;
  try {
    for (const t of scanBrackets(src)) depth = t.after;
  } catch (e) {
    return !isUnterminated(e);
  }
  return depth <= 0;
}
