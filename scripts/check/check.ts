/**
 * The Espruino compatibility check: parses bundled JavaScript and reports every construct the rule
 * table (`rules.ts`, built from probes on the real interpreter) says Espruino 2v2x cannot run.
 */
import * as acorn from "acorn";
import * as walk from "acorn-walk";
import { originalPositionFor, TraceMap, type SourceMapInput } from "@jridgewell/trace-mapping";
import type { BoardProfile } from "../boards/profile.ts";
import { BOARD_RULE_IDS, findBoardIssues } from "./board-rules.ts";
import { findHoistingIssues } from "./hoisting.ts";
import { PROBE_FILE, RULES, RULES_BY_ID, type Rule, type RuleContext } from "./rules.ts";
import { buildScopes } from "./scopes.ts";
import { scanBrackets } from "../repl/bracket-scan.ts";

/**
 * Deepest bracket nesting the check reads. Deeper code overflows the stack of a recursive parser:
 * acorn's, and Espruino's own on a board. Past it, V8 itself can abort (acorn tests a regular
 * expression while the stack is exhausted), so the depth is measured first, by a flat scan.
 * @default 200
 */
export const MAX_NESTING = 200;

/** Where the bracket nesting of `code` first goes past {@link MAX_NESTING}, if it does. */
function tooDeep(code: string): acorn.Position | undefined {
  try {
    for (const t of scanBrackets(code, { locations: true })) if (t.after > MAX_NESTING) return t.token.loc?.start;
  } catch {
    // Text the tokenizer refuses is acorn.parse's to report.
  }
  return undefined;
}

/** One construct Espruino cannot run. Lines are 1-based, columns 1-based. */
export interface Violation {
  /** Rule id (`default-params`, `builtin-Map`, …), or `syntax` when the file does not parse. */
  rule: string;
  /** Feature name, or the parser's message for `syntax`. */
  feature: string;
  line: number;
  column: number;
  /** Extra explanation, e.g. which name is used before its declaration. */
  detail?: string;
  /** An error fails on the board; a warning may work, or behaves differently there. @default "error" */
  severity?: "error" | "warning";
  /** The same position in the original source, when a source map was given and covers it. */
  source?: { file: string; line: number; column: number };
}


/** The release the rules were probed on ("2v29" of "2v29.277"): the version assumed when no board says. */
export const PROBED_RELEASE = /^\d+v\d+/.exec(PROBE_FILE.espruinoVersion)?.[0] ?? PROBE_FILE.espruinoVersion;

/** Options of {@link checkCode}. */
export interface CheckOptions {
  /** Path of the checked file; source map `sources` are resolved relative to it. */
  file?: string;
  /** Source map of the checked code (JSON text or object). */
  map?: string | object;
  /**
   * The board it is for: its build's modules, Unicode support and date range, and its minimum
   * Espruino version, are checked. @default none: what fails on every Espruino
   */
  board?: BoardProfile;
  /**
   * The Espruino build the program will run on ("2v29.277"): members newer than it are flagged.
   * @default the board's minimum version, else the release the rules were probed on
   */
  espruino?: string;
}

/** Built-ins the program assigns itself (`Object.freeze = …`, `Array.prototype.flat = …`, `Map = …`). */
function findPolyfills(ast: acorn.Program): Set<string> {
  const found = new Set<string>();
  const nameOf = (n: acorn.Node): string | undefined => {
    if (n.type === "Identifier") return (n as acorn.Identifier).name;
    const m = n as acorn.MemberExpression;
    if (m.type !== "MemberExpression" || m.computed || m.property.type !== "Identifier") return undefined;
    const obj = nameOf(m.object);
    // globalThis.Map / global.Map define the global itself.
    return obj === "globalThis" || obj === "global" ? m.property.name : obj && `${obj}.${m.property.name}`;
  };
  walk.simple(ast, {
    AssignmentExpression(n) {
      const name = nameOf(n.left);
      if (name) found.add(name);
    },
  });
  return found;
}

/** Member names the program defines (class members, object keys, `x.name = …`): calls of them may be its own. */
function findDefinedNames(ast: acorn.Program): Set<string> {
  const found = new Set<string>();
  const keyName = (k: acorn.Node, computed: boolean) =>
    computed ? undefined : k.type === "Identifier" ? (k as acorn.Identifier).name : k.type === "Literal" ? String((k as acorn.Literal).value) : undefined;
  const add = (name: string | undefined) => name !== undefined && found.add(name);
  walk.simple(ast, {
    MethodDefinition: (n) => add(keyName(n.key, n.computed)),
    PropertyDefinition: (n) => add(keyName(n.key, n.computed)),
    Property: (n) => add(keyName(n.key, n.computed)),
    AssignmentExpression(n) {
      if (n.left.type === "MemberExpression") add(keyName(n.left.property, n.left.computed));
    },
  });
  return found;
}

/** A line saying `thincall-allow` (without a colon) lets built-in findings on it pass. */
const ALLOW_LINE = /thincall-allow(?!\s*:)/;
/** `thincall-allow: reduceRight, at` anywhere in a source lets calls of those names pass. */
const ALLOW_NAMES = /thincall-allow\s*:\s*([\w$.]+(?:\s*,\s*[\w$.]+)*)/g;

/** Names allowed by `thincall-allow:` comments in any of `texts`. */
function allowedNames(texts: string[]): Set<string> {
  const names = new Set<string>();
  for (const t of texts) for (const m of t.matchAll(ALLOW_NAMES)) for (const n of m[1].split(",")) names.add(n.trim());
  return names;
}

/**
 * Names what the user wrote rather than what the compiler made of it: TypeScript turns an
 * `async` function into a generator, which the user never wrote.
 */
function nameUserConstruct(v: Violation, originalLine: string | undefined): Violation {
  if (v.rule === "generator" && originalLine && /\basync\b|\bawait\b/.test(originalLine) && !/function\s*\*|\byield\b/.test(originalLine)) {
    const rule = RULES_BY_ID.get("async");
    if (rule) return { ...v, rule: rule.id, feature: rule.feature };
  }
  return v;
}

/**
 * Checks `code` and returns its violations in source order. Code nested too deeply for the
 * checker's own recursion (a chain of 50,000 `.b`, which no bracket counts) is one finding, not a
 * crash: Espruino's parser is recursive too.
 */
export function checkCode(code: string, options: CheckOptions = {}): Violation[] {
  try {
    return checkCodeOnce(code, options);
  } catch (e) {
    if (!(e instanceof RangeError && /call stack/i.test(e.message))) throw e;
    return [{ rule: "syntax", feature: "code nested too deeply to check (a recursive parser, Espruino's too, runs out of stack)", line: 1, column: 1, severity: "error" }];
  }
}

function checkCodeOnce(code: string, options: CheckOptions): Violation[] {
  const map = options.map ? new TraceMap(options.map as SourceMapInput, options.file ? `${options.file}.map` : undefined) : undefined;
  const located = (rule: string, feature: string, loc: acorn.Position, detail?: string, severity: Violation["severity"] = "error"): Violation => {
    const v: Violation = { rule, feature, line: loc.line, column: loc.column + 1, severity };
    if (detail) v.detail = detail;
    const o = map && originalPositionFor(map, { line: loc.line, column: loc.column });
    if (o?.source && o.line !== null) v.source = { file: o.source, line: o.line, column: o.column + 1 };
    return v;
  };

  const deep = tooDeep(code);
  if (deep) return [located("syntax", `brackets nested deeper than ${MAX_NESTING} levels (a recursive parser, Espruino's too, runs out of stack)`, deep)];
  let ast: acorn.Program;
  try {
    ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "script", locations: true });
  } catch (e) {
    const err = e as SyntaxError & { loc?: acorn.Position };
    if (!err.loc) throw e;
    return [located("syntax", err.message.replace(/ \(\d+:\d+\)$/, ""), err.loc)];
  }

  const scopes = buildScopes(ast);
  const byType = new Map<string, Rule[]>();
  for (const r of RULES) for (const t of r.nodeTypes ?? []) byType.set(t, [...(byType.get(t) ?? []), r]);
  const found: { rule: Rule; offset: number; detail?: string }[] = [];
  const ctx: RuleContext = { code, ancestors: [], scopes, walkType: "", polyfilled: findPolyfills(ast), defined: findDefinedNames(ast) };
  walk.fullAncestor(ast, (node, _state, ancestors, walkType) => {
    const rules = byType.get(node.type);
    if (!rules) return;
    ctx.ancestors = ancestors;
    ctx.walkType = walkType;
    for (const rule of rules) {
      const hit = rule.match!(node, ctx);
      if (typeof hit === "number") found.push({ rule, offset: hit });
      else if (hit) found.push({ rule, offset: hit.offset, detail: hit.detail });
    }
  });
  for (const h of findHoistingIssues(scopes)) {
    const rule = RULES_BY_ID.get(h.rule);
    if (rule) found.push({ rule, offset: h.node.start, detail: h.detail });
  }

  found.sort((a, b) => a.offset - b.offset);
  const violations = found.map((f) => located(f.rule.id, f.rule.feature, acorn.getLineInfo(code, f.offset), f.detail));
  const board = options.board;
  const version = options.espruino ?? (board ? (board.minVersion ?? undefined) : PROBED_RELEASE);
  const boardFindings = findBoardIssues(ast, code, board, version, scopes, ctx);
  for (const f of boardFindings) violations.push(located(f.rule, f.feature, acorn.getLineInfo(code, f.offset), f.detail, f.severity));
  violations.sort((a, b) => a.line - b.line || a.column - b.column);
  // Allow comments live in the original sources (the bundle has lost its comments).
  const originals = new Map<string, string[]>();
  if (map) map.resolvedSources.forEach((src, i) => { if (map.sourcesContent?.[i]) originals.set(src, map.sourcesContent[i]!.split("\n")); });
  const codeLines = code.split("\n");
  const names = allowedNames([code, ...[...originals.values()].map((l) => l.join("\n"))]);
  const originalLine = (v: Violation) => (v.source ? originals.get(resolvedSource(map!, v.source.file))?.[v.source.line - 1] : undefined);
  return violations.map((v) => nameUserConstruct(v, originalLine(v))).filter((v) => {
    if (RULES_BY_ID.get(v.rule)?.kind !== "builtin") return true;
    if (names.has(v.rule.replace(/^(method|builtin)-/, ""))) return false;
    return !ALLOW_LINE.test(originalLine(v) ?? codeLines[v.line - 1] ?? "");
  });
}

/** The resolved form of a source name as `originalPositionFor` reports it. */
function resolvedSource(map: TraceMap, file: string): string {
  const i = map.sources.indexOf(file);
  return i >= 0 ? map.resolvedSources[i] : file;
}

/**
 * One line per violation, at the original source position when known:
 * `src/foo.ts:12:5: default parameters are not supported by Espruino 2v2x (rule default-params)`.
 */
export function formatViolation(v: Violation, file: string): string {
  const where = v.source ? `${v.source.file}:${v.source.line}:${v.source.column}` : `${file}:${v.line}:${v.column}`;
  if (v.rule === "syntax") return `${where}: syntax error: ${v.feature} (rule syntax)`;
  if (v.severity === "warning") return `${where}: warning: ${v.feature}: ${v.detail} (rule ${v.rule})`;
  if (v.rule === BOARD_RULE_IDS.classRequire) return `${where}: ${v.feature} fails on every board: ${v.detail} (rule ${v.rule})`;
  if (!RULES_BY_ID.has(v.rule)) return `${where}: ${v.feature} fails on this board: ${v.detail} (rule ${v.rule})`;
  const rule = RULES_BY_ID.get(v.rule);
  const verb = rule?.plural ? "are" : "is";
  const detail = v.detail ? `: ${v.detail}` : rule?.hint ? `: ${rule.hint}` : "";
  return `${where}: ${v.feature} ${verb} not supported by Espruino 2v2x${detail} (rule ${v.rule})`;
}
