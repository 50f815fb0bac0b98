import { scanBrackets } from "../repl/bracket-scan.ts";

/**
 * Cuts a program into pieces that each end where the REPL has a complete statement: at a line
 * end with every bracket closed. The uploader waits for the board after each piece, which is
 * flow control that needs no timer. A piece is never cut inside a statement, so one very long
 * statement stays whole.
 */
export function replPieces(code: string, maxBytes: number): string[] {
  const lines = code.split("\n");
  // Bracket depth at the end of each line.
  const depthAtLineEnd: number[] = new Array(lines.length).fill(0);
  let depth = 0;
  let line = 1;
  for (const t of scanBrackets(code, { locations: true })) {
    while (line < t.token.loc!.start.line) depthAtLineEnd[line++ - 1] = depth;
    depth = t.after;
  }
  while (line <= lines.length) depthAtLineEnd[line++ - 1] = depth;

  const pieces: string[] = [];
  let cur: string[] = [];
  let size = 0;
  lines.forEach((text, i) => {
    const canCut = i > 0 && depthAtLineEnd[i - 1] === 0;
    if (canCut && cur.length > 0 && size + text.length + 1 > maxBytes) {
      pieces.push(cur.join("\n"));
      cur = [];
      size = 0;
    }
    cur.push(text);
    size += text.length + 1;
  });
  if (cur.length > 0) pieces.push(cur.join("\n"));
  return pieces.filter((p) => p.trim().length > 0);
}
