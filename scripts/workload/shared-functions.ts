/**
 * One copy of what the style modules repeat, for the bench's bundle: a top-level function that is
 * the same text in several modules and names nothing else of its module (a loop: it sees only its
 * parameters) moves to a shared module, imported where it was. Each module still reads as the code
 * a user copies (`--show` prints the style's own text); the board stores each loop once. Functions
 * using `this` (methods, constructors) keep their identity and stay.
 */
import * as acorn from "acorn";
import * as walk from "acorn-walk";

/** Top-level function declarations of a module that use neither `this` nor its other top-level names. */
function selfContained(code: string): { name: string; text: string; start: number; end: number }[] {
  const ast = acorn.parse(code, { ecmaVersion: "latest", sourceType: "module" });
  const topNames = new Set<string>();
  for (const node of ast.body) {
    if (node.type === "FunctionDeclaration" || node.type === "ClassDeclaration") topNames.add(node.id!.name);
    if (node.type === "VariableDeclaration") for (const d of node.declarations) if (d.id.type === "Identifier") topNames.add(d.id.name);
    if (node.type === "ImportDeclaration") for (const s of node.specifiers) topNames.add(s.local.name);
  }
  const out: { name: string; text: string; start: number; end: number }[] = [];
  for (const node of ast.body) {
    if (node.type !== "FunctionDeclaration") continue;
    const own = new Set<string>(node.params.flatMap((p) => (p.type === "Identifier" ? [p.name] : [])));
    walk.simple(node.body, { VariableDeclarator: (d) => d.id.type === "Identifier" && own.add(d.id.name) });
    let uses = false;
    walk.fullAncestor(node.body, (n, _s, anc) => {
      // A function using `this` is a method or a constructor: its identity matters (prototypes), so it stays.
      if (n.type === "ThisExpression") uses = true;
      if (n.type !== "Identifier") return;
      const parent = anc[anc.length - 2] as acorn.Node;
      if (parent?.type === "MemberExpression" && (parent as acorn.MemberExpression).property === n && !(parent as acorn.MemberExpression).computed) return;
      if (parent?.type === "Property" && (parent as acorn.Property).key === n) return;
      const name = (n as acorn.Identifier).name;
      if (!own.has(name) && topNames.has(name)) uses = true;
    });
    if (!uses) out.push({ name: node.id!.name, text: code.slice(node.start, node.end), start: node.start, end: node.end });
  }
  return out;
}

/**
 * Moves the functions repeated across `modules` (file name → code) into one shared module.
 * Returns the rewritten modules and the shared module's code (empty when nothing repeats).
 */
export function shareRepeatedFunctions(modules: Map<string, string>, sharedName = "shared"): { modules: Map<string, string>; shared: string } {
  const found = new Map<string, { file: string; name: string; start: number; end: number }[]>();
  for (const [file, code] of modules) {
    for (const f of selfContained(code)) {
      // The same text under another name is another function to its callers: key by text without the name.
      const key = f.text.replace(/^function\s+[\w$]+/, "function");
      found.set(key, [...(found.get(key) ?? []), { file, ...f }]);
    }
  }
  let shared = "";
  const out = new Map(modules);
  const edits = new Map<string, { start: number; end: number; text: string }[]>();
  let k = 0;
  for (const [key, places] of found) {
    if (places.length < 2) continue;
    const id = `shared${k++}`;
    shared += `export ${key.replace(/^function/, `function ${id}`)}\n`;
    for (const p of places) edits.set(p.file, [...(edits.get(p.file) ?? []), { start: p.start, end: p.end, text: `import { ${id} as ${p.name} } from "./${sharedName}";` }]);
  }
  for (const [file, list] of edits) {
    let code = modules.get(file)!;
    for (const e of list.sort((a, b) => b.start - a.start)) code = code.slice(0, e.start) + e.text + code.slice(e.end);
    out.set(file, code);
  }
  return { modules: out, shared };
}
