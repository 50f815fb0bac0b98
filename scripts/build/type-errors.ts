/**
 * Every TypeScript error of an entry, as the build sees it (same config): rollup's TypeScript plugin
 * stops at the first, so a failed build asks again here to list them all.
 */
import { relative } from "node:path";
import ts from "typescript";
import { entryTsconfig } from "./plugin.ts";

/** TypeScript suggests a newer `lib` for members the device lib leaves out; on Espruino there is none. */
const TARGET_LIB_HINT = /\s*Do you need to change your target library\?.*$/s;

/** One diagnostic as `file:line:column: TS2339: message`, with paths relative to the working folder. */
export function formatDiagnostic(d: ts.Diagnostic): string {
  let text = ts.flattenDiagnosticMessageText(d.messageText, " ");
  if (TARGET_LIB_HINT.test(text)) text = text.replace(TARGET_LIB_HINT, " Espruino does not have it (see docs/compat.md).");
  if (!d.file || d.start === undefined) return `TS${d.code}: ${text}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${relative(process.cwd(), d.file.fileName)}:${line + 1}:${character + 1}: TS${d.code}: ${text}`;
}

/** Every error TypeScript reports for `entry` under the device config, in file order. */
export function typeErrors(entry: string): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(entryTsconfig(entry), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  });
  if (!parsed) return [];
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
  return ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error).map(formatDiagnostic);
}
