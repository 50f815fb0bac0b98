/**
 * The rule table: which JavaScript the checker rejects, each rule tied to the probes that showed the
 * feature failing on the real Espruino interpreter (`probe-results.json`, written by `probe.ts`).
 *
 * A rule is active only while at least one of its probes fails, so re-running the probe against a
 * newer Espruino retires rules by itself. Built-in rules are generated from every failing built-in
 * probe.
 */
import { readFileSync } from "node:fs";
import type * as acorn from "acorn";
import * as walk from "acorn-walk";
import type { ProbeFile, ProbeResult } from "./probe-file.ts";
import type { Scopes } from "./scopes.ts";

/** What a matcher gets besides the node. */
export interface RuleContext {
  code: string;
  /** Ancestors from the program down to the node itself. */
  ancestors: acorn.Node[];
  scopes: Scopes;
  /** The walker's view of the node: "Identifier" for a read, "VariablePattern" for a binding or assignment target. */
  walkType: string;
  /** Built-ins the program defines itself (`Object.freeze = …`), by built-in id. */
  polyfilled: Set<string>;
  /** Member names the program defines itself (class methods, object keys, `x.name = …`), so calls of them may be its own. */
  defined: Set<string>;
}

/** One rule of the table. */
export interface Rule {
  /** Stable rule id, shown in every violation. */
  id: string;
  /** Feature name as used in messages: "<feature> is/are not supported by Espruino 2v2x". */
  feature: string;
  /** Use "are" rather than "is" in messages. */
  plural?: boolean;
  kind: "syntax" | "builtin" | "scoping";
  /** What the rule matches, for the docs. */
  matches: string;
  /** Probe ids whose failure is the evidence for this rule (feature ids, or member ids such as `Math.log2`). */
  probes: string[];
  /** A hint printed after the finding. */
  hint?: string;
  /** Node types the matcher is called for (scoping rules have none: `hoisting.ts` finds them). */
  nodeTypes?: string[];
  /** Returns the source offset to report (with a detail for this finding), or undefined when the node is fine. */
  match?: (node: acorn.AnyNode, ctx: RuleContext) => number | { offset: number; detail: string } | undefined;
}

/** The probe result as committed next to this file. */
export const PROBE_FILE: ProbeFile = JSON.parse(readFileSync(new URL("./probe-results.json", import.meta.url), "utf8"));
/** Feature probe results (syntax, scoping and behaviour snippets). */
export const PROBE_RESULTS: Record<string, ProbeResult> = PROBE_FILE.features;

const fails = (probe: string): boolean => PROBE_RESULTS[probe]?.runs === false;
const parentOf = (ctx: RuleContext) => ctx.ancestors[ctx.ancestors.length - 2] as acorn.AnyNode;
const isFunction = (n: acorn.Node | undefined) => !!n && /Function/.test(n.type);
/** Offset of operator `op` after `from`, for pointing at `**` or `?.` rather than the left operand. */
const opAt = (ctx: RuleContext, from: number, op: string) => {
  const i = ctx.code.indexOf(op, from);
  return i < 0 ? from : i;
};
/** A method's function starts at its `(`; report the whole method (its name) instead. */
const functionStart = (n: acorn.Function, ctx: RuleContext) => {
  const p = parentOf(ctx);
  return p && (p.type === "MethodDefinition" || p.type === "Property") ? p.start : n.start;
};
const when = (ok: boolean, n: acorn.Node) => (ok ? n.start : undefined);
const isPattern = (n: acorn.Node) => n.type === "ArrayPattern" || n.type === "ObjectPattern";

/** True when `expr` evaluates `this` or `name` now, outside any nested function. */
function usesNow(expr: acorn.Node, name: string | undefined): boolean {
  let hit = false;
  walk.recursive(expr, null, {
    Function() {}, // runs later, with its own `this`
    ThisExpression() {
      hit = true;
    },
    Identifier(n) {
      if (n.name === name) hit = true;
    },
  } as walk.RecursiveVisitors<null>);
  return hit;
}

/** True when a function inside the loop body captures one of the loop's `let`/`const` names. */
function loopClosureCaptures(loop: acorn.Node, names: string[], scopes: Scopes): boolean {
  let hit = false;
  walk.fullAncestor(loop, (node, _s, ancestors, type) => {
    if (hit || type !== "Identifier" || !names.includes((node as acorn.Identifier).name)) return;
    // Functions called on the spot (IIFEs) run within the iteration, so they do not capture.
    const fns = ancestors.filter((a, i) => isFunction(a) && (ancestors[i - 1] as acorn.CallExpression).callee !== a);
    // Captured: inside a function that does not declare the name itself.
    hit = fns.length > 0 && !fns.some((f) => scopes.bindings(f).has((node as acorn.Identifier).name));
  });
  return hit;
}

const failingRegexFlags = ["u", "y", "s", "d", "v"].filter((f) => fails(`regex-flag-${f}`));
const logicalOps = Object.entries({ "??=": "nullish-assign", "||=": "or-assign", "&&=": "and-assign" })
  .filter(([, probe]) => fails(probe))
  .map(([op]) => op);

/** Syntax and scoping rules, hand-written, each with its probes. */
export const SYNTAX_RULES: Rule[] = [
  {
    id: "spread-call", feature: "spread in calls", kind: "syntax", probes: ["spread-call", "spread-new"],
    matches: "SpreadElement in CallExpression / NewExpression arguments: f(...a), new F(...a)",
    nodeTypes: ["SpreadElement"], match: (n, ctx) => when(/^(Call|New)Expression$/.test(parentOf(ctx).type), n),
  },
  {
    id: "spread-array", feature: "array spread", kind: "syntax", probes: ["spread-array"],
    matches: "SpreadElement in ArrayExpression: [...a]",
    nodeTypes: ["SpreadElement"], match: (n, ctx) => when(parentOf(ctx).type === "ArrayExpression", n),
  },
  {
    id: "spread-object", feature: "object spread", kind: "syntax", probes: ["spread-object"],
    matches: "SpreadElement in ObjectExpression: {...o}",
    nodeTypes: ["SpreadElement"], match: (n, ctx) => when(parentOf(ctx).type === "ObjectExpression", n),
  },
  {
    id: "rest-params", feature: "rest parameters", plural: true, kind: "syntax", probes: ["rest-params"],
    matches: "RestElement directly in a function's params: function f(...r)",
    nodeTypes: ["RestElement"], match: (n, ctx) => when(isFunction(parentOf(ctx)), n),
  },
  {
    id: "default-params", feature: "default parameters", plural: true, kind: "syntax", probes: ["default-params"],
    matches: "AssignmentPattern directly in a function's params: function f(a = 1)",
    nodeTypes: ["AssignmentPattern"], match: (n, ctx) => when(isFunction(parentOf(ctx)), n),
  },
  {
    id: "destructuring", feature: "destructuring", kind: "syntax",
    probes: ["destructuring-array-decl", "destructuring-object-decl", "destructuring-params", "destructuring-array-assign", "destructuring-object-assign", "destructuring-for-of"],
    matches: "outermost ArrayPattern / ObjectPattern (declarations, parameters, assignments, for-of heads)",
    nodeTypes: ["ArrayPattern", "ObjectPattern"], match: (n, ctx) => when(!ctx.ancestors.slice(0, -1).some(isPattern), n),
  },
  {
    id: "exponent", feature: "the exponent operator **", kind: "syntax", probes: ["exponent", "exponent-assign"],
    matches: "BinaryExpression `**` and AssignmentExpression `**=`",
    nodeTypes: ["BinaryExpression", "AssignmentExpression"],
    match: (n, ctx) => {
      const e = n as acorn.BinaryExpression | acorn.AssignmentExpression;
      return e.operator === "**" || e.operator === "**=" ? opAt(ctx, e.left.end, "**") : undefined;
    },
  },
  {
    id: "optional-chaining", feature: "optional chaining ?.", kind: "syntax", probes: ["optional-member", "optional-call"],
    matches: "MemberExpression / CallExpression with optional: true (a?.b, f?.())",
    nodeTypes: ["MemberExpression", "CallExpression"],
    match: (n, ctx) => {
      const e = n as acorn.MemberExpression | acorn.CallExpression;
      if (!e.optional) return undefined;
      return opAt(ctx, e.type === "MemberExpression" ? e.object.end : e.callee.end, "?.");
    },
  },
  {
    id: "logical-assignment", feature: `logical assignment ${logicalOps.join(" ")}`, kind: "syntax",
    probes: ["nullish-assign", "or-assign", "and-assign"],
    matches: "AssignmentExpression with operator ??=, ||= or &&= (those whose probe fails)",
    nodeTypes: ["AssignmentExpression"],
    match: (n, ctx) => {
      const e = n as acorn.AssignmentExpression;
      return logicalOps.includes(e.operator) ? opAt(ctx, e.left.end, e.operator) : undefined;
    },
  },
  {
    id: "computed-key", feature: "computed property keys", plural: true, kind: "syntax",
    probes: ["computed-key-object", "computed-key-class"],
    matches: "computed Property in an ObjectExpression, computed MethodDefinition / PropertyDefinition: {[k]: v}, class { [k]() {} }",
    nodeTypes: ["Property", "MethodDefinition", "PropertyDefinition"],
    match: (n, ctx) => {
      const p = n as acorn.Property | acorn.MethodDefinition | acorn.PropertyDefinition;
      return when(p.computed && parentOf(ctx).type !== "ObjectPattern", p);
    },
  },
  {
    id: "class-private", feature: "private class members #x", plural: true, kind: "syntax",
    probes: ["class-private", "class-private-method"],
    matches: "PrivateIdentifier as a class member key, a member property or the left of `in`",
    nodeTypes: ["MethodDefinition", "PropertyDefinition", "MemberExpression", "BinaryExpression"],
    match: (n) => {
      const key = n.type === "MemberExpression" ? n.property : n.type === "BinaryExpression" ? n.left : "key" in n ? n.key : undefined;
      return key?.type === "PrivateIdentifier" ? key.start : undefined;
    },
  },
  {
    id: "class-static-block", feature: "class static blocks", plural: true, kind: "syntax", probes: ["class-static-block"],
    matches: "StaticBlock: class { static { … } }",
    nodeTypes: ["StaticBlock"], match: (n) => n.start,
  },
  {
    id: "class-instance-field", feature: "class instance fields", plural: true, kind: "syntax",
    probes: ["class-field-own", "class-field-this", "class-field-fresh"],
    matches: "non-static PropertyDefinition (they parse, but are evaluated once and stored on the prototype)",
    nodeTypes: ["PropertyDefinition"],
    match: (n) => {
      const p = n as acorn.PropertyDefinition;
      return when(!p.static && p.key.type !== "PrivateIdentifier", p);
    },
  },
  {
    id: "class-static-field-this", feature: "static field initializers using this or the class", plural: true, kind: "syntax",
    probes: ["class-field-static-this", "class-field-static-self"],
    matches: "static PropertyDefinition whose value uses `this` or the class's own name outside a nested function",
    nodeTypes: ["PropertyDefinition"],
    match: (n, ctx) => {
      const p = n as acorn.PropertyDefinition;
      const cls = ctx.ancestors[ctx.ancestors.length - 3] as acorn.Class | undefined;
      return when(p.static && !!p.value && usesNow(p.value, cls?.id?.name), p);
    },
  },
  {
    id: "generator", feature: "generators", plural: true, kind: "syntax", probes: ["generator"],
    matches: "Function with generator: true (function*, *method())",
    nodeTypes: ["FunctionDeclaration", "FunctionExpression"],
    match: (n, ctx) => ((n as acorn.Function).generator ? functionStart(n as acorn.Function, ctx) : undefined),
  },
  {
    id: "async", feature: "async functions and await", plural: true, kind: "syntax", probes: ["async-function", "await", "async-arrow"],
    hint: "use promises: return p.then(function (v) { … })",
    matches: "Function with async: true (async function, async arrow, async method); await is only legal inside them",
    nodeTypes: ["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"],
    match: (n, ctx) => ((n as acorn.Function).async ? functionStart(n as acorn.Function, ctx) : undefined),
  },
  {
    id: "for-await", feature: "for await", kind: "syntax", probes: ["for-await"],
    matches: "ForOfStatement with await: true",
    nodeTypes: ["ForOfStatement"], match: (n) => when((n as acorn.ForOfStatement).await, n),
  },
  {
    id: "new-target", feature: "new.target", kind: "syntax", probes: ["new-target"],
    matches: "MetaProperty new.target",
    nodeTypes: ["MetaProperty"], match: (n) => when((n as acorn.MetaProperty).meta.name === "new", n),
  },
  {
    id: "tagged-template", feature: "tagged templates", plural: true, kind: "syntax", probes: ["tagged-template"],
    matches: "TaggedTemplateExpression: tag`…`",
    nodeTypes: ["TaggedTemplateExpression"], match: (n) => n.start,
  },
  {
    id: "regex-flags", feature: `regular expression flags ${failingRegexFlags.join(", ")}`, plural: true, kind: "syntax",
    probes: ["regex-flag-u", "regex-flag-y", "regex-flag-s", "regex-flag-d", "regex-flag-v"],
    matches: "regex Literal whose flags include one whose probe fails",
    nodeTypes: ["Literal"],
    match: (n) => {
      const flags = (n as acorn.Literal).regex?.flags ?? "";
      return when([...flags].some((f) => failingRegexFlags.includes(f)), n);
    },
  },
  {
    id: "bigint-literal", feature: "BigInt literals", plural: true, kind: "syntax", probes: ["bigint"],
    matches: "Literal with a bigint value: 10n",
    nodeTypes: ["Literal"], match: (n) => when("bigint" in n && n.bigint !== undefined, n),
  },
  {
    id: "dynamic-import", feature: "dynamic import()", kind: "syntax", probes: ["dynamic-import"],
    matches: "ImportExpression: import(…)",
    nodeTypes: ["ImportExpression"], match: (n) => n.start,
  },
  {
    id: "labelled-statement", feature: "labelled statements", plural: true, kind: "syntax",
    probes: ["labelled-break", "labelled-continue", "labelled-block"],
    matches: "LabeledStatement (any label: Espruino reads `outer:` as a reference to a variable)",
    nodeTypes: ["LabeledStatement"], match: (n) => n.start,
  },
  {
    id: "let-loop-closure", feature: "closures over a for-loop let/const binding", plural: true, kind: "scoping",
    probes: ["let-loop-closure", "let-for-of-closure"],
    matches: "for / for-in / for-of whose let/const head variable is used inside a function in the loop (all iterations share one binding)",
    nodeTypes: ["ForStatement", "ForInStatement", "ForOfStatement"],
    match: (n, ctx) => {
      const loop = n as acorn.ForStatement | acorn.ForInStatement | acorn.ForOfStatement;
      const head = loop.type === "ForStatement" ? loop.init : loop.left;
      if (head?.type !== "VariableDeclaration" || head.kind === "var") return undefined;
      const names = head.declarations.flatMap((d) => (d.id.type === "Identifier" ? [d.id.name] : []));
      return when(loopClosureCaptures(loop, names, ctx.scopes), head);
    },
  },
  {
    id: "hoist-function", feature: "function hoisting", kind: "scoping",
    probes: ["hoist-fn-toplevel", "hoist-fn-in-function", "hoist-fn-transitive"],
    matches: "a function declaration used before its declaration has run, directly or through calls (see hoisting.ts)",
  },
  {
    id: "hoist-var", feature: "var hoisting", kind: "scoping",
    probes: ["hoist-var-toplevel", "hoist-var-in-function", "hoist-var-assign-before"],
    matches: "a var/let/const/class used before its declaration has run, and in functions assigned before its `var` (see hoisting.ts)",
  },
];

/** Where a built-in is reached from, parsed from its probe id. */
type BuiltinRef = { global: string } | { object: string; member: string } | { methods: string[] };

/** Reads a built-in probe id: `Map`, `Object.freeze`, `Array.prototype.flat`, `Array.prototype.some/every`. */
export function parseBuiltinId(id: string): BuiltinRef | undefined {
  let m = /^(\w+)\.prototype\.([\w$/]+)$/.exec(id);
  if (m) return { methods: m[2].split("/") };
  if ((m = /^(\w+)\.([^.]+)$/.exec(id))) return { object: m[1], member: m[2] };
  return /^\w+$/.test(id) ? { global: id } : undefined;
}

const propName = (m: acorn.MemberExpression): string | undefined =>
  !m.computed && m.property.type === "Identifier" ? m.property.name
    : m.property.type === "Literal" && typeof m.property.value === "string" ? m.property.value : undefined;
const isTypeofOperand = (ctx: RuleContext) => {
  const p = parentOf(ctx);
  return p?.type === "UnaryExpression" && p.operator === "typeof";
};
const isGlobal = (name: string, ctx: RuleContext) => !ctx.scopes.lookup(name, ctx.ancestors);

/** Builds the rule for one failing built-in probe. */
function builtinRule(id: string): Rule | undefined {
  const ref = parseBuiltinId(id);
  const base = { id: `builtin-${id}`, feature: id, kind: "builtin" as const, probes: [id] };
  if (!ref) return undefined;
  if ("global" in ref)
    return {
      ...base, matches: `reads of the global ${ref.global} (not shadowed, not under typeof)`, nodeTypes: ["Identifier"],
      match: (n, ctx) => {
        const ok = ctx.walkType === "Identifier" && (n as acorn.Identifier).name === ref.global && !ctx.polyfilled.has(id);
        return when(ok && !isTypeofOperand(ctx) && isGlobal(ref.global, ctx), n);
      },
    };
  if ("object" in ref)
    return {
      ...base, matches: `${id} on the global ${ref.object} (not under typeof)`, nodeTypes: ["MemberExpression"],
      match: (n, ctx) => {
        const m = n as acorn.MemberExpression;
        const ok = ctx.walkType === "MemberExpression" && m.object.type === "Identifier" && m.object.name === ref.object;
        return when(ok && propName(m) === ref.member && !ctx.polyfilled.has(id) && !isTypeofOperand(ctx) && isGlobal(ref.object, ctx), m);
      },
    };
  return {
    ...base, matches: `calls of a method named ${ref.methods.map((x) => `.${x}()`).join(" or ")} on any value (the receiver's type is unknown)`,
    nodeTypes: ["CallExpression"],
    match: (n, ctx) => {
      const callee = (n as acorn.CallExpression).callee;
      if (callee.type !== "MemberExpression" || ctx.polyfilled.has(id)) return undefined;
      const name = propName(callee);
      // A program that defines a member of that name may be calling its own.
      return name && ref.methods.includes(name) && !ctx.defined.has(name) ? callee.property.start : undefined;
    },
  };
}

/** True when the member probe found `id` (`Math.log2`, `Array.prototype.at`) on the interpreter. */
export const memberExists = (id: string): boolean => {
  const t = PROBE_FILE.members[id]?.typeof;
  return t !== undefined && t !== "undefined" && t !== "throws";
};

/**
 * Rules from the member probe:
 * - a missing global (`Map`): every read of it;
 * - a missing static of a present global (`Math.log2`, `Promise.race`): every read of it;
 * - a method name that no present built-in has (`reduceRight`, `at`, `toPrecision`): every call of a
 *   method by that name, whatever the receiver, since JavaScript does not say what it is. A name that
 *   some built-in has (`lastIndexOf` on strings) is left to the typings.
 */
function memberRules(): Rule[] {
  const ids = Object.keys(PROBE_FILE.members);
  const globalOf = (id: string) => id.split(".")[0];
  const rules: Rule[] = [];
  for (const id of ids) {
    if (memberExists(id)) continue;
    const parts = id.split(".");
    if (parts.length === 1 || (parts.length === 2 && memberExists(parts[0]))) rules.push(builtinRule(id)!);
  }
  // Method names: missing wherever a present global declares them, and present nowhere.
  const present = new Set(ids.filter((id) => memberExists(id) && id.includes(".")).map((id) => id.split(".").pop()!));
  const byName = new Map<string, string[]>();
  for (const id of ids) {
    const parts = id.split(".");
    if (parts[1] !== "prototype" || !memberExists(globalOf(id)) || !PROBE_FILE.members[id].method || present.has(parts[2])) continue;
    byName.set(parts[2], [...(byName.get(parts[2]) ?? []), id]);
  }
  for (const [name, probes] of byName) {
    const rule = builtinRule(`${globalOf(probes[0])}.prototype.${name}`)!;
    rules.push({
      ...rule, id: `method-${name}`, feature: `.${name}()`, probes,
      hint: `no built-in has it (${probes[0]}${probes.length > 1 ? ` and ${probes.length - 1} more` : ""}); `
        + `if it is your own method, add \`// thincall-allow\` to the line or \`/* thincall-allow: ${name} */\` to the file`,
    });
  }
  return rules;
}

/** An instance to read each built-in's methods from, for the working form of a prototype read. */
const INSTANCE_OF: Record<string, string> = {
  Array: "[]", String: "\"\"", Number: "(0)", Boolean: "true", Function: "(function(){})", Date: "new Date()", RegExp: "/x/",
  Promise: "Promise.resolve()", ArrayBuffer: "new ArrayBuffer(0)", DataView: "new DataView(new ArrayBuffer(1))",
};
const instanceOf = (g: string) => INSTANCE_OF[g] ?? `new ${g}(${/Array$/.test(g) ? 0 : ""})`;
const unreachable = (t: string | undefined) => t === "undefined" || t === "throws";

/** Prototype members the probe could not read through the constructor's `prototype` (`Array.prototype.slice`). */
export const UNREACHABLE_PROTOTYPE_MEMBERS: string[] = Object.entries(PROBE_FILE.members)
  .filter(([id, m]) => id.split(".")[0] !== "Object" && unreachable(m.viaPrototype) && memberExists(id.split(".")[0]))
  .map(([id]) => id);

/**
 * `Array.prototype.slice.call(arguments, 1)`: on Espruino a built-in's `prototype` object answers
 * only `Object.prototype`'s members, so the read is undefined and the call throws. Writes work
 * (a polyfill assigned there reaches every instance), and so does every read of `Object.prototype`.
 */
function prototypeReadRule(): Rule | undefined {
  const ids = new Set(UNREACHABLE_PROTOTYPE_MEMBERS);
  if (ids.size === 0) return undefined;
  return {
    // The behaviour probe is the evidence; the member probe's reads through each prototype say which members.
    id: "prototype-read", feature: "reading a built-in's method through its prototype", kind: "builtin", probes: ["prototype-method-read"],
    matches: `X.prototype.m for a built-in X other than Object whose member probe found X.prototype.m undefined (${ids.size} members; not an assignment target, not polyfilled)`,
    nodeTypes: ["MemberExpression"],
    match: (n, ctx) => {
      const m = n as acorn.MemberExpression;
      const inner = m.object;
      if (ctx.walkType !== "MemberExpression" || inner.type !== "MemberExpression" || inner.object.type !== "Identifier" || propName(inner) !== "prototype") return undefined;
      const g = inner.object.name;
      const name = propName(m);
      const id = `${g}.prototype.${name}`;
      if (!name || !ids.has(id) || ctx.polyfilled.has(id) || !isGlobal(g, ctx)) return undefined;
      const p = parentOf(ctx);
      if (p?.type === "AssignmentExpression" && p.left === m) return undefined;
      // The working form: the same code reading from an instance, `[].slice.call(arguments, 1)`.
      const grand = ctx.ancestors[ctx.ancestors.length - 3] as acorn.AnyNode | undefined;
      const viaCall = p?.type === "MemberExpression" && p.object === m && /^(call|apply|bind)$/.test(propName(p) ?? "") && grand?.type === "CallExpression" && grand.callee === p;
      const whole = viaCall ? ctx.code.slice(m.start, grand.end) : ctx.code.slice(m.start, m.end);
      let working = instanceOf(g) + whole.slice(inner.end - m.start);
      if (working.length > 80) working = `${instanceOf(g)}.${name}`;
      return {
        offset: m.start,
        detail: `${id} is undefined on Espruino (only Object.prototype's members can be read through a built-in's prototype): `
          + `read it from an instance, \`${working}\`, or write a loop`,
      };
    },
  };
}

/**
 * `Object.prototype.toString.call(x)`, the classic type test: on Espruino it gives the value as a
 * string (`""` for an array, `"1"` for 1), not `"[object Array]"`, so comparisons are silently false.
 */
function toStringTagRule(): Rule | undefined {
  if (!fails("object-tostring-tag")) return undefined;
  return {
    id: "object-tostring-tag", feature: "Object.prototype.toString.call(x) as a type test", kind: "builtin", probes: ["object-tostring-tag"],
    hint: `it gives ${PROBE_RESULTS["object-tostring-tag"]?.error?.replace(/^wrong result: /, "") ?? "the value as a string"} for [], not "[object Array]": `
      + "use Array.isArray(x), typeof x, or x instanceof Date",
    matches: "Object.prototype.toString (or ({}).toString) read to be called through .call or .apply",
    nodeTypes: ["MemberExpression"],
    match: (n, ctx) => {
      const m = n as acorn.MemberExpression;
      if (ctx.walkType !== "MemberExpression" || !/^(call|apply)$/.test(propName(m) ?? "")) return undefined;
      const fn = m.object;
      if (fn.type !== "MemberExpression" || propName(fn) !== "toString") return undefined;
      const o = fn.object;
      const viaPrototype = o.type === "MemberExpression" && propName(o) === "prototype" && o.object.type === "Identifier" && o.object.name === "Object" && isGlobal("Object", ctx);
      return viaPrototype || o.type === "ObjectExpression" ? fn.start : undefined;
    },
  };
}

/** Rules from the member probe, then from failing behaviour probes that no member rule already covers. */
export const BUILTIN_RULES: Rule[] = (() => {
  const fromMembers = memberRules();
  const covered = new Set(fromMembers.flatMap((r) => r.probes));
  const methodNames = new Set(fromMembers.filter((r) => r.id.startsWith("method-")).map((r) => r.id.slice(7)));
  const fromFeatures = Object.entries(PROBE_RESULTS)
    .filter(([id, r]) => !r.runs && parseBuiltinId(id) && /^[A-Z]/.test(id))
    .filter(([id]) => {
      const ref = parseBuiltinId(id)!;
      if ("object" in ref && (fails(ref.object) || !memberExists(ref.object))) return false;
      if ("methods" in ref) return !ref.methods.every((m) => methodNames.has(m));
      return !covered.has(id);
    })
    .map(([id]) => builtinRule(id)!);
  const extra = [prototypeReadRule(), toStringTagRule()].filter((r): r is Rule => r !== undefined);
  return [...fromMembers, ...fromFeatures, ...extra];
})();

/** Failing probes that no rule checks, and why. */
export const UNCHECKED: Record<string, string> = {
  "TypeError-instanceof-Error": "a run-time class relationship; not visible in the syntax",
  "Symbol.iterator": "covered by the Symbol rule",
};

/** Every rule whose evidence shows a failure: the table the checker applies. */
export const RULES: Rule[] = [...SYNTAX_RULES.filter((r) => r.probes.some(fails)), ...BUILTIN_RULES];

/** Rule lookup by id. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
