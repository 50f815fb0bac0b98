import { tokenizer, type Token } from "acorn";

/** A token with the bracket depth around it. */
export interface ScannedToken {
  token: Token;
  /** acorn's token label: `(`, `name`, `template`, `` ` ``, `${`, … */
  label: string;
  /** Depth before this token. */
  before: number;
  /** Depth after it. */
  after: number;
}

/**
 * The one scanner behind everything that asks "is this statement complete?" (upload chunking,
 * REPL-safe line breaks, the hazard check, the virtual board's console). It is acorn's
 * tokenizer, which knows a regular expression from a division (`return/[(]/.test(s)`), strings,
 * comments and templates; the depth counts `(`, `[`, `{` and `${`, and a template literal counts
 * as one bracket too, since Espruino's REPL waits for its closing backtick across lines.
 *
 * @throws acorn's SyntaxError for text it cannot tokenize (see {@link isUnterminated}).
 */
export function* scanBrackets(code: string, options: { locations?: boolean } = {}): Generator<ScannedToken> {
  let depth = 0;
  // acorn gives the same "`" token for both ends: a stack of open templates tells them apart.
  const templates: number[] = [];
  for (const token of tokenizer(code, { ecmaVersion: "latest", locations: options.locations ?? false })) {
    const label = token.type.label;
    const before = depth;
    if (label === "`" && templates.at(-1) === depth) {
      templates.pop();
      depth--;
    } else if (label === "`") templates.push(++depth);
    else if (label === "{" || label === "(" || label === "[" || label === "${") depth++;
    else if (label === "}" || label === ")" || label === "]") depth--;
    yield { token, label, before, after: depth };
  }
}

/** Whether a tokenizer error means the text stops inside a string, template, comment or regex. */
export function isUnterminated(e: unknown): boolean {
  return e instanceof SyntaxError && /^Unterminated /.test(e.message);
}
