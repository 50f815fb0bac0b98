/**
 * Code nested deeper than any program needs is refused before rollup parses it: rollup's native
 * parser recurses on the machine stack, and 50,000 chained `1+`, unary `-` or calls end the
 * process with a segmentation fault (exit 139) after minutes of work, which no `catch` can turn
 * into a line. acorn (in JavaScript, with its own stack guard) measures the depth first.
 */
import * as acorn from "acorn";
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import ts from "typescript";
import type { Plugin } from "rollup";

/**
 * Deepest syntax tree a module may have. Real programs stay under 100; Espruino's own parser is
 * recursive too and runs out of stack long before this. @default 1000
 */
export const MAX_TREE_DEPTH = 1000;

/** Why `code` is too deep to parse safely, or undefined. Syntax errors are left to rollup. */
export function tooDeepToBuild(code: string): string | undefined {
  let ast: acorn.Node;
  try {
    ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "module" });
  } catch (e) {
    if (e instanceof RangeError || /Not enough stack space/.test((e as Error).message)) return "nested too deeply for a parser's stack";
    return undefined;
  }
  // An explicit stack: a recursive walk would fail on the very trees it measures.
  const stack: Array<[unknown, number]> = [[ast, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) return `its syntax tree is over ${MAX_TREE_DEPTH} levels deep`;
    for (const value of Object.values(node as object)) {
      if (Array.isArray(value)) {
        for (const v of value) if (v && typeof v === "object" && "type" in v) stack.push([v, depth + 1]);
      } else if (value && typeof value === "object" && "type" in value) stack.push([value, depth + 1]);
    }
  }
  return undefined;
}

/** The guard as a rollup plugin: runs on each module's JavaScript (after TypeScript), before rollup parses it. */
export function depthGuard(): Plugin {
  return {
    name: "thincall-depth",
    transform(code) {
      const why = tooDeepToBuild(code);
      if (why) this.error(`${why} (a recursive parser, Espruino's too, runs out of stack)`);
      return null;
    },
  };
}

/**
 * The same guard on an entry's own source, TypeScript included, before any compiler sees it:
 * TypeScript took minutes over 50,000 chained `1+` (30 s to transpile alone) before rollup
 * crashed. TypeScript's parser (under a second) gives the tree; its depth is measured without
 * recursion.
 * @returns why the file is too deep, or undefined
 */
export function tooDeepEntry(file: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined; // a missing entry is the build's to report
  }
  let source: ts.SourceFile;
  try {
    source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  } catch (e) {
    if (e instanceof RangeError) return `${relative(process.cwd(), file) || file}: nested too deeply for a parser's stack (a recursive parser, Espruino's too, runs out of stack)`;
    throw e;
  }
  const stack: Array<[ts.Node, number]> = [[source, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_TREE_DEPTH) {
      return `${relative(process.cwd(), file) || file}: its syntax tree is over ${MAX_TREE_DEPTH} levels deep (a recursive parser, Espruino's too, runs out of stack)`;
    }
    ts.forEachChild(node, (child) => {
      stack.push([child, depth + 1]);
    });
  }
  return undefined;
}
