/**
 * Decides whether REPL input is a complete statement, the way Espruino's console does: brackets,
 * braces and parentheses balance, and no string, template or block comment is left open.
 * Regular expression literals are recognised by the token before the `/` (a heuristic).
 */
export function isComplete(src: string): boolean {
  let depth = 0;
  // Open template literals: each entry is the bracket depth at which its `${` started.
  const templates: number[] = [];
  let prevSignificant = "";
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i];
    const next = src[i + 1];
    if (c === "/" && next === "/") {
      const end = src.indexOf("\n", i);
      if (end < 0) return depth <= 0 && templates.length === 0;
      i = end + 1;
      continue;
    }
    if (c === "/" && next === "*") {
      const end = src.indexOf("*/", i + 2);
      if (end < 0) return false;
      i = end + 2;
      continue;
    }
    if (c === "'" || c === '"') {
      i = skipQuoted(src, i, c);
      if (i < 0) return false;
      prevSignificant = c;
      continue;
    }
    if (c === "`" || (c === "}" && templates.length > 0 && templates[templates.length - 1] === depth)) {
      if (c === "}") templates.pop();
      // Inside a template: scan to the closing backtick or the next `${`.
      i++;
      let closed = false;
      while (i < n) {
        if (src[i] === "\\") i += 2;
        else if (src[i] === "`") { i++; closed = true; break; }
        else if (src[i] === "$" && src[i + 1] === "{") { i += 2; templates.push(depth); closed = true; break; }
        else i++;
      }
      if (!closed) return false;
      prevSignificant = "`";
      continue;
    }
    if (c === "/" && regexAllowedAfter(prevSignificant)) {
      i = skipRegex(src, i);
      if (i < 0) return false;
      prevSignificant = "/";
      continue;
    }
    if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") depth--;
    if (!/\s/.test(c)) prevSignificant = c;
    i++;
  }
  return depth <= 0 && templates.length === 0;
}

/** Index after the closing quote, or -1 when the string is still open. */
function skipQuoted(src: string, start: number, quote: string): number {
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === "\\") i++;
    else if (src[i] === quote) return i + 1;
    else if (src[i] === "\n") return -1;
  }
  return -1;
}

/** Index after a regex literal (and its flags), or -1 when it is still open. */
function skipRegex(src: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < src.length; i++) {
    const c = src[i];
    if (c === "\\") i++;
    else if (c === "[") inClass = true;
    else if (c === "]") inClass = false;
    else if (c === "\n") return -1;
    else if (c === "/" && !inClass) {
      let j = i + 1;
      while (j < src.length && /[a-z]/i.test(src[j])) j++;
      return j;
    }
  }
  return -1;
}

// After an identifier, number or closing bracket a `/` divides; elsewhere it starts a regex.
function regexAllowedAfter(prev: string): boolean {
  return prev === "" || !/[\w$)\]"'`]/.test(prev);
}
