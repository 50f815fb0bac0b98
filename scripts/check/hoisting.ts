/**
 * Use-before-declaration analysis. Espruino does not hoist: a function declaration or `var` only exists
 * once the interpreter has executed it (probes `hoist-fn-*`, `hoist-var-*`). So, for every scope, the
 * statements are walked in order, and any name of that scope used before its declaration has run is
 * reported.
 *
 * Function bodies are not walked where they are defined, because they may only be called later. They
 * are walked where they are called (a direct call, `new`, or an immediately invoked function), which
 * makes the check transitive: `a(); function b(){}` with `function a(){ b() }` declared first is caught
 * at the `a()` call. Method calls (`o.m()`) and getters are not followed: the receiver is unknown.
 */
import type * as acorn from "acorn";
import * as walk from "acorn-walk";
import { patternNames, type Binding, type Scopes, type Walk } from "./scopes.ts";

/** One use of a name before its declaration. */
export interface HoistingFinding {
  /** `hoist-function` for function declarations, `hoist-var` for every other binding. */
  rule: "hoist-function" | "hoist-var";
  /** Where to report: the use itself, or the outermost call that leads to it. */
  node: acorn.Node;
  /** Human detail, e.g. `"b" is used before its declaration on line 9 (via a())`. */
  detail: string;
}

interface State {
  /** Scope nodes, outermost first, at the current point of the walk. */
  chain: acorn.Node[];
  /** The call in the analysed scope that led into a function body, and the calls since. */
  site?: { node: acorn.Node; via: string[] };
}

/** Finds every use-before-declaration in the program. */
export function findHoistingIssues(scopes: Scopes): HoistingFinding[] {
  const findings: HoistingFinding[] = [];
  const seen = new Set<string>();
  for (const scope of scopes.nodes()) analyse(scope, scopes, (f) => {
    const key = `${f.rule}:${f.node.start}:${f.detail}`;
    if (!seen.has(key)) findings.push(f), seen.add(key);
  });
  return findings.sort((a, b) => a.node.start - b.node.start);
}

/** Walks one scope's own statements in order. */
function analyse(root: acorn.Node, scopes: Scopes, report: (f: HoistingFinding) => void): void {
  const own = scopes.bindings(root);
  // Parameters, `arguments`, a function expression's own name and catch parameters exist on entry.
  const declared = new Set([...own.values()].filter((b) => /^(param|self|catch)$/.test(b.kind)).map((b) => b.name));
  const entered = new Set<acorn.Node>();
  const atRoot = (st: State) => st.chain[st.chain.length - 1] === root;
  // Assigning before `var` works at top level (probe hoist-var-assign-before-toplevel) but in a
  // function the later `var` makes a fresh local (probe hoist-var-assign-before).
  const checkAssignments = root.type !== "Program";

  const use = (id: acorn.Identifier, st: State): Binding | undefined => {
    const b = scopes.lookup(id.name, st.chain);
    if (!b || b.scope !== root || declared.has(id.name)) return b;
    const line = b.node.loc?.start.line;
    const via = st.site?.via.length ? ` (via ${st.site.via.map((v) => `${v}()`).join(" → ")})` : "";
    report({
      rule: b.kind === "function" ? "hoist-function" : "hoist-var",
      node: st.site?.node ?? id,
      detail: `"${id.name}" is used before its declaration on line ${line}${via}`,
    });
    return undefined; // not usable yet, so not followed either
  };

  // Walks the body of a function (or a class constructor) that runs now.
  const follow = (target: acorn.Function | acorn.Class, name: string, call: acorn.Node, st: State, c: Walk<State>) => {
    // Only bodies nested in the analysed scope can see its names; and declarations only
    // accumulate, so one walk per body is enough.
    if (entered.has(target) || target.start < root.start || target.end > root.end) return;
    entered.add(target);
    const site = { node: st.site?.node ?? call, via: [...(st.site?.via ?? []), name] };
    if (!("params" in target)) {
      const ctor = target.body.body.find((m) => m.type === "MethodDefinition" && m.kind === "constructor");
      if (ctor?.type === "MethodDefinition") c(ctor.value.body, { chain: scopes.chainOf(ctor.value), site }, "Statement");
      return;
    }
    c(target.body, { chain: scopes.chainOf(target), site }, target.expression ? "Expression" : "Statement");
  };

  const callTarget = (callee: acorn.Node, st: State): [acorn.Function | acorn.Class, string] | undefined => {
    if (callee.type === "Identifier") {
      const b = scopes.lookup((callee as acorn.Identifier).name, st.chain);
      const usable = b && (b.scope !== root || declared.has(b.name));
      return usable && b.callee ? [b.callee, b.name] : undefined;
    }
    if (callee.type === "FunctionExpression" || callee.type === "ArrowFunctionExpression")
      return [callee as acorn.Function, "(function)"];
    // (function(){ … }).call(this) runs the body now too.
    const m = callee as acorn.MemberExpression;
    if (m.type === "MemberExpression" && /^(Function|ArrowFunction)Expression$/.test(m.object.type))
      return [m.object as acorn.Function, "(function)"];
    return undefined;
  };

  const visitors = {
    Function(node: acorn.Function, st: State) {
      if (node.type === "FunctionDeclaration" && node.id && atRoot(st)) declared.add(node.id.name);
    },
    Class(node: acorn.Class, st: State, c: Walk<State>) {
      if (node.superClass) c(node.superClass, st, "Expression");
      for (const m of node.body.body) {
        if (m.type !== "StaticBlock" && m.computed) c(m.key, st, "Expression");
        if (m.type === "PropertyDefinition" && m.static && m.value) c(m.value, st, "Expression");
      }
      if (node.type === "ClassDeclaration" && node.id && atRoot(st)) declared.add(node.id.name);
    },
    VariableDeclarator(node: acorn.VariableDeclarator, st: State, c: Walk<State>) {
      // The name exists before its initializer runs: `var x = x || {}` works (probe var-self-init).
      if (atRoot(st)) for (const name of patternNames(node.id)) declared.add(name);
      if (node.init) c(node.init, st, "Expression");
    },
    CatchClause(node: acorn.CatchClause, st: State, c: Walk<State>) {
      c(node.body, st, "Statement");
    },
    Identifier(node: acorn.Identifier, st: State) {
      use(node, st);
    },
    VariablePattern(node: acorn.Identifier, st: State) {
      if (checkAssignments) use(node, st);
    },
    CallExpression(node: acorn.CallExpression | acorn.NewExpression, st: State, c: Walk<State>) {
      c(node.callee, st, "Expression");
      for (const a of node.arguments) c(a, st, "Expression");
      const target = callTarget(node.callee, st);
      if (target) follow(target[0], target[1], node, st, c);
    },
  };
  const funcs = { ...visitors, NewExpression: visitors.CallExpression } as unknown as walk.RecursiveVisitors<State>;
  const start: State = { chain: scopes.chainOf(root) };
  // A function's body is a block or, for `x => expr`, an expression; both walk by their own type.
  walk.recursive(root.type === "Program" ? root : (root as acorn.Function).body, start, funcs);
}
