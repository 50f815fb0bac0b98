import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { PACKAGE_ROOT } from "../scripts/bundle/package-root.ts";

/** Misuses of the core's API, each marked `// @ts-expect-error` on the line before. */
const FIXTURE = join(PACKAGE_ROOT, "test", "fixtures", "types", "core-misuse.ts");
const MARK = "// @ts-expect-error";

/** TypeScript's errors for `text` as the fixture file, compiled --strict, by line (0-based). */
function errorLines(text: string): Map<number, string> {
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, allowImportingTsExtensions: true, lib: ["lib.es2022.d.ts"], types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang) => (f === FIXTURE ? ts.createSourceFile(f, text, lang) : read(f, lang));
  const program = ts.createProgram({ rootNames: [FIXTURE, join(PACKAGE_ROOT, "types", "espruino.d.ts")], options, host });
  const lines = new Map<number, string>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.file?.fileName !== FIXTURE || d.start === undefined) continue;
    lines.set(d.file.getLineAndCharacterOfPosition(d.start).line, ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  }
  return lines;
}

const text = readFileSync(FIXTURE, "utf8");
const marked = text.split("\n").flatMap((l, i) => (l.trim().startsWith(MARK) ? [i + 1] : []));

test("tsc --strict accepts the misuse file: every marked line is an error, nothing else is", () => {
  assert.ok(marked.length >= 10, `${marked.length} marked lines`);
  assert.deepEqual([...errorLines(text)], []);
});

test("without the marks, each marked line fails to compile, and no other line does", () => {
  // Blank each mark (keeping line numbers) so the line after it is compiled as ordinary code.
  const bare = text.split("\n").map((l) => (l.trim().startsWith(MARK) ? "" : l)).join("\n");
  const errors = errorLines(bare);
  assert.deepEqual([...errors.keys()].sort((a, b) => a - b), marked, [...errors].map(([l, m]) => `${l + 1}: ${m}`).join("\n"));
});
