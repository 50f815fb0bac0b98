/**
 * What fails, or behaves differently, on one board's Espruino build rather than on all of them,
 * from the profile's firmware block (Espruino's board file): modules and board classes the build
 * lacks, strings with non-ASCII text without Unicode support, dates before 1500 with a limited
 * date range, "jit" without the JIT, and members, syntax or modules newer than the Espruino the
 * board is known to run. Also `require` of a class, which fails on every board.
 */
import type * as acorn from "acorn";
import * as walk from "acorn-walk";
import { BOARD_GLOBALS, GLOBAL_RULES } from "../boards/firmware-modules.ts";
import type { BoardProfile } from "../boards/profile.ts";
import { isOlderVersion } from "../boards/version.ts";
import { findClassRequires, findMissingModules } from "./board-modules.ts";
import { MEMBER_SINCE, MODULE_SINCE, SYNTAX_SINCE, type Since } from "./member-since.ts";
import { memberExists, PROBE_FILE } from "./rules.ts";
import type { Scopes } from "./scopes.ts";

/** One finding of a board rule, before it gets a position. */
export interface BoardFinding {
  rule: string;
  feature: string;
  offset: number;
  detail: string;
  severity: "error" | "warning";
}

/** Rule ids of the board rules. */
export const BOARD_RULE_IDS = {
  module: "board-module",
  classRequire: "require-class",
  unicode: "board-unicode",
  dateRange: "board-date-range",
  newer: "newer-than-board",
  missingOnBuild: "not-in-build",
  jit: "board-no-jit",
  global: "board-global",
} as const;

const boardName = (b: BoardProfile) => `${b.id} (${b.name})`;

/** String and template literals holding characters outside ASCII, on a build without ESPR_UNICODE_SUPPORT. */
export function findNonAscii(ast: acorn.Program, board: BoardProfile): BoardFinding[] {
  if (!board.firmware || board.firmware.unicode) return [];
  const found: BoardFinding[] = [];
  const detail = `${boardName(board)} is built without ESPR_UNICODE_SUPPORT (${board.firmware.boardFile}): its strings are bytes, so UTF-8 text `
    + "counts one character per byte (length, indexing and charCodeAt differ from a Unicode build) and a \\u escape beyond \\xff keeps only "
    + "its low byte (src/jslex.c); keep the text ASCII, or use \\xNN bytes on purpose";
  const add = (offset: number) => found.push({ rule: BOARD_RULE_IDS.unicode, feature: "non-ASCII text in a string", offset, detail, severity: "warning" });
  walk.simple(ast, {
    Literal(n) {
      if (typeof n.value === "string" && /[^\x00-\x7f]/.test(n.value)) add(n.start);
    },
    TemplateElement(n) {
      if (/[^\x00-\x7f]/.test(n.value.cooked ?? n.value.raw)) add(n.start);
    },
  });
  return found;
}

/**
 * Reads of a board's own class (`Bangle`, `ESP32`, `NRF`, `Puck`, …) on a build without it: a
 * ReferenceError there. Not flagged: a local of that name, `typeof X`, and a program that defines X.
 */
export function findMissingGlobals(ast: acorn.Program, code: string, board: BoardProfile, scopes: Scopes, defined: Set<string>): BoardFinding[] {
  const have = board.firmware?.globals;
  if (!have) return [];
  const found: BoardFinding[] = [];
  walk.fullAncestor(ast, (node, _state, ancestors, type) => {
    if (type !== "Identifier" || node.type !== "Identifier") return;
    const name = (node as acorn.Identifier).name;
    if (!BOARD_GLOBALS.includes(name) || have.includes(name) || defined.has(name) || scopes.lookup(name, ancestors)) return;
    const parent = ancestors[ancestors.length - 2] as acorn.AnyNode | undefined;
    if (parent?.type === "UnaryExpression" && parent.operator === "typeof") return;
    // Code that tests for the class first (`if (typeof Bangle !== "undefined") Bangle.buzz()`) runs only where it exists.
    const guard = new RegExp(`typeof\\s*\\(?\\s*${name}\\b`);
    const guarded = ancestors.some((a, i) => {
      const n = a as acorn.AnyNode;
      const child = ancestors[i + 1];
      const test = (n.type === "IfStatement" || n.type === "ConditionalExpression") && child === n.consequent ? n.test
        : n.type === "LogicalExpression" && n.operator === "&&" && child === n.right ? n.left : undefined;
      return !!test && guard.test(code.slice(test.start, test.end));
    });
    if (guarded) return;
    const where = GLOBAL_RULES.filter((r) => r.global === name).map((r) => r.source).join("; ");
    found.push({
      rule: BOARD_RULE_IDS.global, feature: name, offset: node.start, severity: "error",
      detail: `${boardName(board)}'s build has no ${name} (${board.firmware!.boardFile}): ReferenceError "${name}" is not defined; only builds where ${where}`,
    });
  });
  return found;
}

/** Functions with the `"jit"` directive on a build without the JIT: the directive is ignored. */
export function findIgnoredJit(ast: acorn.Program, board: BoardProfile): BoardFinding[] {
  if (!board.firmware || board.jit) return [];
  const found: BoardFinding[] = [];
  const detail = `${boardName(board)}'s build has no JIT (no 'JIT' in the libraries of ${board.firmware.boardFile}): the directive is ignored `
    + "and the function is interpreted, at its usual speed";
  const visit = (n: acorn.Function) => {
    if (n.body.type !== "BlockStatement") return;
    for (const s of n.body.body) {
      const d = (s as acorn.ExpressionStatement).directive;
      if (d === undefined) break;
      if (d === "jit") found.push({ rule: BOARD_RULE_IDS.jit, feature: "the \"jit\" directive", offset: s.start, detail, severity: "warning" });
    }
  };
  walk.simple(ast, { FunctionDeclaration: visit, FunctionExpression: visit, ArrowFunctionExpression: visit });
  return found;
}

/** The year a Date call's arguments fix, when they are literals: `new Date(1200, 0)`, `new Date("1200-01-01")`. */
function literalYear(args: acorn.Node[], utcOrMulti: boolean): number | undefined {
  const first = args[0] as acorn.Literal | acorn.UnaryExpression | undefined;
  if (!first) return undefined;
  const num = first.type === "Literal" && typeof first.value === "number" ? first.value
    : first.type === "UnaryExpression" && first.operator === "-" && first.argument.type === "Literal" && typeof first.argument.value === "number" ? -first.argument.value
      : undefined;
  if (num !== undefined) {
    // One number is a time in ms: src/jswrap_date.c limits it to -1.48317696e13 (about 1500) on limited builds.
    if (!utcOrMulti) return num < -1.48317696e13 ? 1499 : undefined;
    return num;
  }
  if (first.type === "Literal" && typeof first.value === "string") {
    const m = /^\s*([+-]?\d{1,6})-\d\d/.exec(first.value);
    return m ? Number(m[1]) : undefined;
  }
  return undefined;
}

/** Dates before 1500 on a build with ESPR_LIMIT_DATE_RANGE: they throw "Date out of bounds". */
export function findEarlyDates(ast: acorn.Program, board: BoardProfile): BoardFinding[] {
  if (!board.firmware?.limitDateRange) return [];
  const found: BoardFinding[] = [];
  const check = (n: acorn.Node, year: number | undefined) => {
    if (year === undefined || year >= 1500) return;
    found.push({
      rule: BOARD_RULE_IDS.dateRange, feature: `a Date in the year ${year}`, offset: n.start, severity: "error",
      detail: `${boardName(board)} is built with ESPR_LIMIT_DATE_RANGE (${board.firmware!.boardFile}): a date before the year 1500 throws "Date out of bounds" (src/jswrap_date.c)`,
    });
  };
  const isDate = (e: acorn.Node) => e.type === "Identifier" && (e as acorn.Identifier).name === "Date";
  walk.simple(ast, {
    NewExpression(n) {
      if (isDate(n.callee)) check(n, literalYear(n.arguments, n.arguments.length > 1));
    },
    CallExpression(n) {
      const c = n.callee;
      if (c.type !== "MemberExpression" || c.computed || c.property.type !== "Identifier") return;
      const name = c.property.name;
      if (isDate(c.object) && (name === "UTC" || name === "parse")) check(n, literalYear(n.arguments, name === "UTC"));
      else if (name === "setFullYear" || name === "setUTCFullYear") check(n, literalYear(n.arguments, true));
    },
  });
  return found;
}

/** A method name the program calls, and whether it defines that name itself. */
const calledName = (n: acorn.CallExpression): string | undefined => {
  const c = n.callee;
  return c.type === "MemberExpression" && !c.computed && c.property.type === "Identifier" ? c.property.name : undefined;
};

/**
 * Uses of members, syntax and modules newer than `version` (the Espruino the board runs: its
 * profile's minimum, or what the user says), and of members its build leaves out (`ifndef`).
 * Member names are matched on any receiver, as the method rules are; a program's own member of
 * that name is trusted.
 */
export function findNewer(ast: acorn.Program, board: BoardProfile | undefined, version: string | undefined, defined: Set<string>): BoardFinding[] {
  if (version === undefined) return [];
  const found: BoardFinding[] = [];
  const who = board ? boardName(board) : "the board";
  const flag = (offset: number, feature: string, s: Since) => {
    const omitted = s.ifndef && board?.firmware?.saveOnFlash.includes(s.ifndef);
    if (omitted) {
      found.push({ rule: BOARD_RULE_IDS.missingOnBuild, feature, offset, severity: "error", detail: `${who}'s build defines ${s.ifndef}, which leaves it out (${s.source})` });
    } else if (isOlderVersion(version, s.version)) {
      const floor = board && version === board.minVersion ? `${who}'s minimum is ${version}` : `the target is Espruino ${version}`;
      found.push({ rule: BOARD_RULE_IDS.newer, feature, offset, severity: "warning", detail: `it needs Espruino ${s.version} or later; ${floor} (${s.source})` });
    }
  };
  const byName = new Map<string, [string, Since]>();
  for (const [id, s] of Object.entries(MEMBER_SINCE)) {
    const parts = id.split(".");
    if (parts[1] === "prototype") byName.set(parts[2], [id, s]);
  }
  // A name an older built-in also has (`some` on arrays, long before typed arrays got it) says nothing.
  for (const id of Object.keys(PROBE_FILE.members)) {
    const parts = id.split(".");
    if (parts[1] === "prototype" && byName.has(parts[2]) && !MEMBER_SINCE[id] && memberExists(id)) byName.delete(parts[2]);
  }
  walk.simple(ast, {
    CallExpression(n) {
      const name = calledName(n);
      const hit = name !== undefined && !defined.has(name) ? byName.get(name) : undefined;
      if (hit) flag((n.callee as acorn.MemberExpression).property.start, hit[0], hit[1]);
      const arg = n.arguments[0];
      if (n.callee.type === "Identifier" && n.callee.name === "require" && arg?.type === "Literal" && typeof arg.value === "string" && MODULE_SINCE[arg.value]) {
        flag(n.start, `require("${arg.value}")`, MODULE_SINCE[arg.value]);
      }
    },
    Identifier(n) {
      if (MEMBER_SINCE[n.name] && !n.name.includes(".")) flag(n.start, n.name, MEMBER_SINCE[n.name]);
    },
    PropertyDefinition(n) {
      flag(n.start, "class fields", SYNTAX_SINCE["class-fields"]);
    },
    CatchClause(n) {
      if (!n.param) flag(n.start, "optional catch binding", SYNTAX_SINCE["optional-catch-binding"]);
    },
  });
  return found;
}

/**
 * Every board rule's findings: `require` of a class (every board), then for a board its missing
 * modules, non-ASCII strings, early dates, ignored "jit" directives and missing classes, and
 * members newer than `version`.
 */
export function findBoardIssues(ast: acorn.Program, code: string, board: BoardProfile | undefined, version: string | undefined,
  scopes: Scopes, names: { polyfilled: Set<string>; defined: Set<string> }): BoardFinding[] {
  const found: BoardFinding[] = findClassRequires(ast).map((c) => ({
    rule: BOARD_RULE_IDS.classRequire, feature: `require("${c.name}")`, offset: c.offset, severity: "error",
    detail: `${c.name} is a global class, not a module: "Module ${c.name} not found"; use ${c.name} directly where the board has it (${c.source})`,
  }));
  if (board?.modules) {
    const from = board.firmware ? ` (${board.firmware.boardFile}: libraries ${board.firmware.libraries.join(", ") || "none"})` : "";
    for (const m of findMissingModules(ast, board.modules)) {
      found.push({
        rule: BOARD_RULE_IDS.module, feature: `require("${m.module}")`, offset: m.offset, severity: "error",
        detail: `${board.id}'s Espruino build has no ${m.module} module${from}; it has ${board.modules.join(", ") || "none"}`,
      });
    }
  }
  if (board) {
    found.push(...findNonAscii(ast, board), ...findEarlyDates(ast, board), ...findIgnoredJit(ast, board));
    found.push(...findMissingGlobals(ast, code, board, scopes, names.polyfilled));
  }
  found.push(...findNewer(ast, board, version, names.defined));
  return found;
}
