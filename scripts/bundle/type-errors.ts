/**
 * Every TypeScript error of an entry, as the build sees it (same config): rollup's TypeScript plugin
 * stops at the first, so a failed build asks again here to list them all.
 */
import { relative } from "node:path";
import ts from "typescript";
import { formatViolation } from "../check/check.ts";
import { RULES_BY_ID } from "../check/rules.ts";
import { missingGlobalNote } from "./board-globals.ts";
import { entryTsconfig } from "./plugin.ts";

/** TypeScript suggests a newer `lib` for members the device lib leaves out; on Espruino there is none. */
const TARGET_LIB_HINT = /\s*Do you need to change your target library\?.*$/s;

/** "Cannot find name 'X'" (TS2304), "Cannot find name 'X'. Did you mean 'Y'?" (TS2552). */
const MISSING_NAME = new Set([2304, 2552]);

/**
 * One diagnostic as `file:line:column: TS2339: message`, with paths relative to the working folder;
 * a global another board has is named as such (`esp32's firmware has no g (banglejs2, … have it)`).
 */
export function formatDiagnostic(d: ts.Diagnostic, boardId?: string): string {
  let text = ts.flattenDiagnosticMessageText(d.messageText, " ");
  if (TARGET_LIB_HINT.test(text)) text = text.replace(TARGET_LIB_HINT, " Espruino does not have it (see docs/compat.md).");
  const eMember = d.code === 2339 ? /^Property '([^']+)' does not exist on type 'EspruinoE'/.exec(text)?.[1] : undefined;
  const name = MISSING_NAME.has(d.code) ? /'([^']+)'/.exec(text)?.[1] : eMember === undefined ? undefined : `E.${eMember}`;
  const note = name === undefined ? undefined : missingGlobalNote(name, boardId);
  if (note !== undefined) text = `${text.replace(/ Did you mean .*$/, "")} ${note}`;
  if (!d.file || d.start === undefined) return `TS${d.code}: ${text}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  return `${relative(process.cwd(), d.file.fileName)}:${line + 1}:${character + 1}: TS${d.code}: ${text}`;
}

/**
 * Constructs TypeScript compiles into helpers (an `async` function becomes a generator run by
 * `__awaiter`), found in the user's own source so the finding names what was written.
 */
export function helperConstructs(file: ts.SourceFile): string[] {
  const found: string[] = [];
  const report = (ruleId: string, node: ts.Node) => {
    const rule = RULES_BY_ID.get(ruleId);
    if (!rule) return;
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    const at = { line: line + 1, column: character + 1 };
    const name = relative(process.cwd(), file.fileName);
    found.push(formatViolation({ rule: rule.id, feature: rule.feature, ...at, source: { file: name, ...at } }, name));
  };
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node)) {
      if (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async) report("async", node);
      else if ((node as ts.FunctionLikeDeclaration).asteriskToken) report("generator", node);
    }
    if (ts.isForOfStatement(node) && node.awaitModifier) report("for-await", node);
    // A `#name` member becomes a WeakMap (or WeakSet) and helpers: report the member itself.
    if (ts.isClassElement(node) && node.name && ts.isPrivateIdentifier(node.name)) report("class-private", node.name);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The TypeScript program the build compiles for `entry` on `boardId`. */
function entryProgram(entry: string, boardId?: string): ts.Program | undefined {
  const parsed = ts.getParsedCommandLineOfConfigFile(entryTsconfig(entry, boardId), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: () => undefined,
  });
  if (!parsed) return undefined;
  return ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true } });
}

/** The constructs of {@link helperConstructs} in the program's own (not library) files. */
function ownConstructs(program: ts.Program): string[] {
  const own = program.getSourceFiles().filter((f) => !f.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(f.fileName));
  return own.flatMap(helperConstructs);
}

/**
 * The constructs in `entry` and what it imports that compile into helpers, at the user's line: a
 * check finding inside a helper has no line of the user's to name.
 */
export function sourceConstructs(entry: string, boardId?: string): string[] {
  const program = entryProgram(entry, boardId);
  return program ? ownConstructs(program) : [];
}

/** "Parameter 'x' implicitly has an 'any' type" (TS7006, TS7031). */
const IMPLICIT_ANY = new Set([7006, 7031]);

/** The identifier an expression starts from: `Bangle` in `Bangle.on`, `g` in `g.reset().clear`. */
function rootIdentifier(e: ts.Expression): ts.Identifier | undefined {
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e) || ts.isCallExpression(e)) e = e.expression;
  return ts.isIdentifier(e) ? e : undefined;
}

/**
 * Whether `d` only follows from a missing name: a callback's parameter has no type because the
 * call it is passed to starts from a global the board lacks (`Bangle.on("lcdPower", function (on) …)`
 * on an ESP32). The missing name is the finding; its echo would only lengthen the list.
 */
function followsMissingName(d: ts.Diagnostic, missing: Set<string>): boolean {
  if (!IMPLICIT_ANY.has(d.code) || !d.file || d.start === undefined) return false;
  const find = (node: ts.Node): ts.Node | undefined =>
    node.getStart(d.file) <= d.start! && d.start! < node.getEnd() ? (ts.forEachChild(node, find) ?? node) : undefined;
  for (let node = find(d.file); node; node = node.parent) {
    if (!ts.isCallExpression(node)) continue;
    const root = rootIdentifier(node.expression);
    if (root && missing.has(`${d.file.fileName}:${root.getStart(d.file)}`)) return true;
  }
  return false;
}

/** Every error TypeScript reports for `entry` under the device config for `boardId`, in file order. */
export function typeErrors(entry: string, boardId?: string): string[] {
  const program = entryProgram(entry, boardId);
  if (!program) return [];
  const constructs = ownConstructs(program);
  // The helpers' own complaint (TS2354: tslib not found) is replaced by the construct that needs them.
  const errors = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error && !(constructs.length > 0 && d.code === 2354));
  const missing = new Set(errors.filter((d) => MISSING_NAME.has(d.code) && d.file).map((d) => `${d.file!.fileName}:${d.start}`));
  const diagnostics = errors.filter((d) => !followsMissingName(d, missing));
  return [...diagnostics.map((d) => formatDiagnostic(d, boardId)), ...constructs];
}
