/**
 * A small scope model for the checker: which names each function (or the program) declares, so a
 * reference can be resolved to its declaration or found to be a global.
 *
 * Deliberately coarse: `let`, `const` and `class` declared directly in a function body (or the
 * program) and `catch` bindings are counted in the function scope. Those declared in a nested block
 * or a `for` head are left out: they are invisible outside their block, and the minifier reuses
 * names there (`for(let r…){const r=…}` beside a function `r`, which Espruino runs correctly).
 * That is enough to tell a shadowed `Map` from the global one and to order declarations within a scope.
 */
import type * as acorn from "acorn";
import * as walk from "acorn-walk";

/** How a name was declared. */
export type BindingKind = "var" | "let" | "const" | "function" | "class" | "param" | "catch" | "self";

/** One declared name. */
export interface Binding {
  name: string;
  kind: BindingKind;
  /** The scope (Program or function node) the name belongs to. */
  scope: acorn.Node;
  /** The declaring node (the function, declarator or class), for its position. */
  node: acorn.Node;
  /** The function or class the name holds, when known, so calls through it can be followed. */
  callee?: acorn.Function | acorn.Class;
}

/** Recursive-walk callback, typed with the optional override argument acorn-walk really passes. */
export type Walk<S> = (node: acorn.Node, state: S, override?: string) => void;

/** Scope nodes and their bindings. */
export class Scopes {
  private readonly table = new Map<acorn.Node, Map<string, Binding>>();
  private readonly parents = new Map<acorn.Node, acorn.Node>();

  /** Bindings of one scope node (empty for nodes that are not scopes). */
  bindings(scope: acorn.Node): Map<string, Binding> {
    return this.table.get(scope) ?? new Map();
  }

  /** Every scope node, the program first. */
  nodes(): acorn.Node[] {
    return [...this.table.keys()];
  }

  /** True when `node` opens a scope. */
  isScope(node: acorn.Node): boolean {
    return this.table.has(node);
  }

  /** Resolves `name` along `chain` (scope nodes or any ancestors, outermost first); undefined means global. */
  lookup(name: string, chain: readonly acorn.Node[]): Binding | undefined {
    for (let i = chain.length - 1; i >= 0; i--) {
      const b = this.table.get(chain[i])?.get(name);
      if (b) return b;
    }
    return undefined;
  }

  /** The scope chain from the program down to `scope`, outermost first. */
  chainOf(scope: acorn.Node): acorn.Node[] {
    const chain = [scope];
    for (let p = this.parents.get(scope); p; p = this.parents.get(p)) chain.unshift(p);
    return chain;
  }

  /** @internal Registers a scope node inside its parent scope. */
  open(scope: acorn.Node, parent?: acorn.Node): void {
    if (!this.table.has(scope)) this.table.set(scope, new Map());
    if (parent) this.parents.set(scope, parent);
  }

  /** @internal Declares a name in a scope. */
  declare(scope: acorn.Node, b: Omit<Binding, "scope">): void {
    this.open(scope);
    const names = this.table.get(scope)!;
    // The first declaration wins: it is the one a reference before the others would meet.
    if (!names.has(b.name)) names.set(b.name, { ...b, scope });
  }
}

/** Names bound by a declaration pattern (`a`, `[a, b]`, `{a, b: c}`, `...r`, `a = 1`). */
export function patternNames(p: acorn.Pattern | null | undefined): string[] {
  if (!p) return [];
  switch (p.type) {
    case "Identifier":
      return [p.name];
    case "ArrayPattern":
      return p.elements.flatMap((e) => patternNames(e));
    case "ObjectPattern":
      return p.properties.flatMap((q) => patternNames(q.type === "RestElement" ? q : q.value));
    case "RestElement":
      return patternNames(p.argument);
    case "AssignmentPattern":
      return patternNames(p.left);
    default:
      return [];
  }
}

const isFunctionValue = (n: acorn.Node | null | undefined): n is acorn.Function | acorn.Class =>
  !!n && /^(FunctionExpression|ArrowFunctionExpression|ClassExpression)$/.test(n.type);

/** Collects the bindings of every scope in `ast`. */
export function buildScopes(ast: acorn.Program): Scopes {
  const scopes = new Scopes();
  scopes.open(ast);
  // How many blocks deep the walk is inside the current function (0: its body's own statements).
  let blockDepth = 0;
  const base = walk.base as Record<string, (node: acorn.Node, scope: acorn.Node, c: Walk<acorn.Node>) => void>;
  const inBlock = (node: acorn.Node, scope: acorn.Node, c: Walk<acorn.Node>, type: string) => {
    blockDepth++;
    base[type](node, scope, c);
    blockDepth--;
  };
  const functionBodies = new Set<acorn.Node>();
  const visitors = {
    BlockStatement(node: acorn.BlockStatement, scope: acorn.Node, c: Walk<acorn.Node>) {
      if (functionBodies.has(node)) base.BlockStatement(node, scope, c);
      else inBlock(node, scope, c, "BlockStatement");
    },
    ForStatement(node: acorn.Node, scope: acorn.Node, c: Walk<acorn.Node>) {
      inBlock(node, scope, c, "ForStatement");
    },
    ForInStatement(node: acorn.Node, scope: acorn.Node, c: Walk<acorn.Node>) {
      inBlock(node, scope, c, "ForInStatement");
    },
    ForOfStatement(node: acorn.Node, scope: acorn.Node, c: Walk<acorn.Node>) {
      inBlock(node, scope, c, "ForOfStatement");
    },
    SwitchStatement(node: acorn.Node, scope: acorn.Node, c: Walk<acorn.Node>) {
      inBlock(node, scope, c, "SwitchStatement");
    },
    Function(node: acorn.Function, scope: acorn.Node, c: Walk<acorn.Node>) {
      if (node.type === "FunctionDeclaration" && node.id)
        scopes.declare(scope, { name: node.id.name, kind: "function", node, callee: node });
      scopes.open(node, scope);
      if (node.type !== "ArrowFunctionExpression") scopes.declare(node, { name: "arguments", kind: "param", node });
      if (node.type === "FunctionExpression" && node.id)
        scopes.declare(node, { name: node.id.name, kind: "self", node, callee: node });
      for (const p of node.params) {
        for (const name of patternNames(p)) scopes.declare(node, { name, kind: "param", node: p });
        c(p, node, "Pattern");
      }
      const outer = blockDepth;
      blockDepth = 0;
      functionBodies.add(node.body);
      c(node.body, node, node.expression ? "Expression" : "Statement");
      blockDepth = outer;
    },
    VariableDeclaration(node: acorn.VariableDeclaration, scope: acorn.Node, c: Walk<acorn.Node>) {
      for (const d of node.declarations) {
        const callee = isFunctionValue(d.init) ? d.init : undefined;
        const blockScoped = node.kind !== "var" && blockDepth > 0;
        if (!blockScoped)
          for (const name of patternNames(d.id)) scopes.declare(scope, { name, kind: node.kind === "var" || node.kind === "let" ? node.kind : "const", node: d, callee });
        c(d, scope);
      }
    },
    ClassDeclaration(node: acorn.ClassDeclaration, scope: acorn.Node, c: Walk<acorn.Node>) {
      if (node.id && blockDepth === 0) scopes.declare(scope, { name: node.id.name, kind: "class", node, callee: node });
      c(node, scope, "Class");
    },
    CatchClause(node: acorn.CatchClause, scope: acorn.Node, c: Walk<acorn.Node>) {
      for (const name of patternNames(node.param)) scopes.declare(scope, { name, kind: "catch", node });
      c(node.body, scope, "Statement");
    },
  };
  walk.recursive(ast, ast as acorn.Node, visitors as unknown as walk.RecursiveVisitors<acorn.Node>);
  return scopes;
}
