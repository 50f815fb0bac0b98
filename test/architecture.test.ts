/**
 * The host side's layers, drawn from its imports: every folder of scripts/ is one node, and the
 * graph of those nodes (and of the files themselves) has no cycle. Test doubles live in
 * test/support/, never in scripts/.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

const ROOT = resolve(import.meta.dirname, "..");
const SCRIPTS = join(ROOT, "scripts");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

/** Relative imports of a file (static, dynamic and type-only), as absolute paths with an extension. */
export function importsOf(file: string, text = readFileSync(file, "utf8")): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.\.?\/[^"']+)["']/gm)) {
    const target = resolve(dirname(file), m[1]);
    found.push(/\.(ts|js|json)$/.test(target) ? target : target + ".ts");
  }
  return found;
}

/** The node a scripts/ file belongs to: its first folder under scripts/ (web/page is part of web), or the file. */
export function layerOf(file: string): string {
  const rel = relative(SCRIPTS, file).split("/");
  return rel.length > 1 ? rel[0] : rel[0].replace(/\.ts$/, "");
}

/** The first cycle found in a graph, as its nodes, or null. */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === "done") return null;
    if (state.get(node) === "open") return [...path.slice(path.indexOf(node)), node];
    state.set(node, "open");
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, "done");
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

function graphs() {
  const files = new Map<string, Set<string>>();
  const layers = new Map<string, Set<string>>();
  for (const file of sourceFiles(SCRIPTS)) {
    const targets = importsOf(file).filter((t) => t.startsWith(SCRIPTS + "/"));
    files.set(file, new Set(targets));
    const from = layerOf(file);
    if (!layers.has(from)) layers.set(from, new Set());
    for (const t of targets) if (layerOf(t) !== from) layers.get(from)!.add(layerOf(t));
  }
  return { files, layers };
}

test("findCycle finds a cycle and only a cycle", () => {
  const g = (edges: [string, string][]) => {
    const m = new Map<string, Set<string>>();
    for (const [a, b] of edges) {
      if (!m.has(a)) m.set(a, new Set());
      if (!m.has(b)) m.set(b, new Set());
      m.get(a)!.add(b);
    }
    return m;
  };
  assert.deepEqual(findCycle(g([["a", "b"], ["b", "c"], ["c", "a"]])), ["a", "b", "c", "a"]);
  assert.equal(findCycle(g([["a", "b"], ["a", "c"], ["b", "c"]])), null);
  assert.deepEqual(importsOf("/x/scripts/a/f.ts", 'import type { T } from "../b/g.ts";\nconst m = await import("./h.ts");'), ["/x/scripts/b/g.ts", "/x/scripts/a/h.ts"]);
});

test("the folders of scripts/ import one way: no cycle between them", () => {
  const cycle = findCycle(graphs().layers);
  assert.equal(cycle, null, `folders import each other in a loop: ${cycle?.join(" → ")}`);
});

test("no files of scripts/ import each other in a loop", () => {
  const cycle = findCycle(graphs().files);
  assert.equal(cycle, null, `files import each other in a loop: ${cycle?.map((f) => relative(ROOT, f)).join(" → ")}`);
});

test("the layers run cli → commands → (web, report) → bench → console → transport, never back up", () => {
  const order = ["cli", "commands", "web", "report", "bench", "console", "transport"];
  const { layers } = graphs();
  const upward: string[] = [];
  for (const [from, tos] of layers) {
    for (const to of tos) {
      const a = order.indexOf(from), b = order.indexOf(to);
      // A leaf (boards, check, bundle, repl, terminal, …) imports none of the ordered layers.
      if (a < 0 && b >= 0) upward.push(`${from} → ${to} (a shared leaf imports a layer)`);
      if (a >= 0 && b >= 0 && b <= a && !(from === "web" && to === "report")) upward.push(`${from} → ${to}`);
    }
  }
  assert.deepEqual(upward, []);
});

test("test doubles live with the tests, not in scripts/", () => {
  const fakes = sourceFiles(SCRIPTS).filter((f) => /(^|\/)fake[^/]*\.ts$/.test(f)).map((f) => relative(ROOT, f));
  assert.deepEqual(fakes, []);
});
