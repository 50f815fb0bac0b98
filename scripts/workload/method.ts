/**
 * A workload method as source: parsed from the function's own text (`fn.toString()`), with what
 * it does with `this` (which fields it reads and writes), and rewrites of that text for each
 * style (`this.x` → `o.x`, `this.x[this.i]`, a column read, ...).
 */
import * as acorn from "acorn";
import * as walk from "acorn-walk";
import MagicString from "magic-string";
import { UserError } from "../errors.ts";

/** One `this.<field>` in a method. */
export interface FieldAccess {
  field: string;
  /** Offsets of `this.<field>` in {@link Method.src}. */
  start: number;
  end: number;
  /** Assigned to (`=`, `+=`, `++`). */
  write: boolean;
  /** Evaluated only on some paths: inside `?:` branches, the right of `&&`/`||`/`??`, or a nested function. */
  conditional: boolean;
}

/** A parsed method of one type. */
export interface Method {
  /** `Type.method`, for messages. */
  label: string;
  params: string[];
  /** The text the offsets refer to: `(function (params) { body })`. */
  src: string;
  /** The body block's offsets in {@link src}. */
  bodyStart: number;
  bodyEnd: number;
  accesses: FieldAccess[];
  /** Every identifier the method names (its parameters, locals and the globals it uses). */
  names: Set<string>;
  /** The returned expression's offsets when the body is exactly `{ return <expr>; }`. */
  returnExpr?: { start: number; end: number };
  /** The body contains a `return`. */
  returns: boolean;
}

/** Parses `text` (a method, a function or an arrow function's source) into one function node. */
function parseFunction(text: string, label: string): { src: string; fn: acorn.Function } {
  const attempts = [`(function ${text.replace(/^(async\s+)?\*?\s*[\w$]+\s*\(/, "(")})`, `(${text})`];
  for (const src of text.startsWith("function") || /^\(?[\w$,\s]*\)?\s*=>/.test(text) ? attempts.slice(1) : attempts) {
    try {
      const ast = acorn.parse(src, { ecmaVersion: "latest", sourceType: "script" });
      const stmt = ast.body[0] as acorn.ExpressionStatement;
      const fn = stmt.expression as acorn.Function;
      if (fn.type === "ArrowFunctionExpression") throw new UserError(`${label} is an arrow function: \`this\` would not be the object; write it as a method, ${label.split(".")[1]}() { … }`);
      return { src, fn };
    } catch (e) {
      if (e instanceof UserError) throw e;
    }
  }
  throw new UserError(`${label}: its source could not be read as a method (${text.slice(0, 60)})`);
}

/** Reads a method from its function, checking every `this` is `this.<one of fields>`. */
export function parseMethod(fnValue: Function, label: string, fields: readonly string[]): Method {
  const { src, fn } = parseFunction(String(fnValue), label);
  if (fn.async || fn.generator) throw new UserError(`${label} is ${fn.async ? "async" : "a generator"}: Espruino 2v2x cannot run it`);
  const params = fn.params.map((p) => {
    if (p.type !== "Identifier") throw new UserError(`${label}: parameter ${src.slice(p.start, p.end)} is not a plain name (Espruino 2v2x has no default, rest or destructured parameters)`);
    return p.name;
  });
  const accesses: FieldAccess[] = [];
  const names = new Set<string>(params);
  let returns = false;
  walk.fullAncestor(fn.body, (node, _state, ancestors) => {
    if (node.type === "ReturnStatement") returns = true;
    if (node.type === "Identifier") {
      const parent = ancestors[ancestors.length - 2] as acorn.Node | undefined;
      const isProp = parent?.type === "MemberExpression" && (parent as acorn.MemberExpression).property === node && !(parent as acorn.MemberExpression).computed;
      const isKey = parent?.type === "Property" && (parent as acorn.Property).key === node && !(parent as acorn.Property).computed;
      if (!isProp && !isKey) names.add((node as acorn.Identifier).name);
    }
    if (node.type !== "ThisExpression") return;
    const member = ancestors[ancestors.length - 2] as acorn.MemberExpression;
    const prop = member?.type === "MemberExpression" && member.object === node && !member.computed && member.property.type === "Identifier" ? member.property.name : undefined;
    if (!prop) throw new UserError(`${label} uses \`this\` other than as this.<field>: ${src.slice(member?.start ?? node.start, member?.end ?? node.end)}`);
    if (!fields.includes(prop)) throw new UserError(`${label} reads this.${prop}, which is not a field of its type (fields: ${fields.join(", ")})`);
    const up = ancestors[ancestors.length - 3];
    const write =
      (up?.type === "AssignmentExpression" && (up as acorn.AssignmentExpression).left === member) ||
      (up?.type === "UpdateExpression" && (up as acorn.UpdateExpression).argument === member);
    let conditional = false;
    for (let k = ancestors.length - 2; k > 0; k--) {
      const a = ancestors[k - 1];
      const child = ancestors[k];
      if (a.type === "ConditionalExpression" && (a as acorn.ConditionalExpression).test !== child) conditional = true;
      if (a.type === "LogicalExpression" && (a as acorn.LogicalExpression).right === child) conditional = true;
      if (a.type === "IfStatement" && (a as acorn.IfStatement).test !== child) conditional = true;
      if (/Function|Loop|While|For|Switch/.test(a.type)) conditional = true;
      if (a === fn.body) break;
    }
    accesses.push({ field: prop, start: member.start, end: member.end, write, conditional });
  });
  const body = fn.body as acorn.BlockStatement;
  const only = body.body.length === 1 && body.body[0].type === "ReturnStatement" ? (body.body[0] as acorn.ReturnStatement).argument : null;
  return {
    label, params, src, bodyStart: body.start, bodyEnd: body.end, accesses, names, returns,
    returnExpr: only ? { start: only.start, end: only.end } : undefined,
  };
}

/** The method's body block, or its returned expression, with every `this.<field>` replaced. */
export function rewrite(m: Method, part: "body" | "return", replace: (a: FieldAccess, index: number) => string, params?: Record<string, string>): string {
  const s = new MagicString(m.src);
  m.accesses.forEach((a, i) => s.overwrite(a.start, a.end, replace(a, i)));
  if (params) {
    const ast = acorn.parse(m.src, { ecmaVersion: "latest", sourceType: "script" });
    walk.fullAncestor(ast, (node, _s, ancestors) => {
      if (node.type !== "Identifier" || node.start < m.bodyStart) return;
      const parent = ancestors[ancestors.length - 2] as acorn.Node;
      if (parent?.type === "MemberExpression" && (parent as acorn.MemberExpression).property === node && !(parent as acorn.MemberExpression).computed) return;
      if (parent?.type === "Property" && (parent as acorn.Property).key === node) return;
      const to = params[(node as acorn.Identifier).name];
      if (to !== undefined) s.overwrite(node.start, node.end, to);
    });
  }
  return part === "body" ? s.slice(m.bodyStart, m.bodyEnd) : s.slice(m.returnExpr!.start, m.returnExpr!.end);
}

/** The method's text as a function expression whose parameters are `params` (body unchanged but for `replace`). */
export function asFunction(m: Method, params: string[], replace: (a: FieldAccess, index: number) => string = (a) => `this.${a.field}`): string {
  return `function (${params.join(", ")}) ${rewrite(m, "body", replace)}`;
}

/** A local name not used by any of `methods` nor in `taken`: the first free candidate, else one with a digit. */
export function freeName(candidates: string[], methods: Method[], taken: Iterable<string> = []): string {
  const used = new Set<string>(taken);
  for (const m of methods) for (const n of m.names) used.add(n);
  for (const c of candidates) if (!used.has(c)) return c;
  for (let k = 2; ; k++) if (!used.has(`${candidates[0]}${k}`)) return `${candidates[0]}${k}`;
}
