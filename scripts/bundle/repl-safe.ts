import type { Token } from "acorn";
import { scanBrackets } from "../repl/bracket-scan.ts";
import { breakEndsStatement, continuesStatement } from "../repl/repl-lines.ts";

/** A place where sending the code line by line to Espruino's REPL would split a statement. */
export interface ReplHazard {
  line: number;
  column: number;
  reason: string;
}

/**
 * Finds line breaks that are unsafe for Espruino's REPL, which runs a statement as soon as its
 * brackets balance at the end of a line: every depth-0 break that {@link breakEndsStatement}
 * does not allow (the same rule the line splitter follows).
 */
export function replHazards(code: string): ReplHazard[] {
  const hazards: ReplHazard[] = [];
  let prev: Token | undefined;
  for (const { token: tok, before: depth } of scanBrackets(code, { locations: true })) {
    if (prev && depth === 0 && tok.loc!.start.line > prev.loc!.end.line) {
      const prevText = code.slice(prev.start, prev.end);
      const nextText = code.slice(tok.start, tok.end);
      const where = { line: tok.loc!.start.line, column: tok.loc!.start.column + 1 };
      if (continuesStatement(tok)) {
        hazards.push({ ...where, reason: `"${nextText}" on a new line is split from its statement` });
      } else if (!breakEndsStatement(prev, tok)) {
        hazards.push({ ...where, reason: `line break after "${prevText}" ends the statement early` });
      }
    }
    prev = tok;
  }
  return hazards;
}
