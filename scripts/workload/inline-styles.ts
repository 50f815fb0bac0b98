/**
 * Styles that put a method's work inside the loop rather than behind a call on each object:
 * `js.switch` (a tag and a switch), the no-call baseline, and `thin.grouped` (each type's own
 * method loops over its own columns). They need bodies that can be moved: a sum loop's method is
 * one `return <expression>;`, another loop's method has no `return`.
 */
import {
  ARRAY_BUILD, callArgs, fnName, forOfLoop, indexLoop, loopNames, makeFn, objectsCheck, patternDecl,
  STORE_CHECK, styleObject, type StyleResult,
} from "./emit.ts";
import type { Workload, WorkloadLoop, WorkloadType } from "./load.ts";
import { freeName, rewrite, type Method } from "./method.ts";
import { columnsDecl, storeClash } from "./thin-styles.ts";

/** Why `m` cannot be moved into a loop with the locals `locals`, or undefined. */
function notInlinable(m: Method, loop: WorkloadLoop, locals: string[]): string | undefined {
  if (loop.sum && !m.returnExpr) return `${m.label} is not a single return <expression>`;
  if (!loop.sum && m.returns) return `${m.label} returns early`;
  const clash = locals.find((l) => m.names.has(l) && !m.params.includes(l));
  if (clash) return `${m.label} names ${clash}, a name the loop uses`;
  return undefined;
}

/** The method's work on `o`, its parameters replaced by the loop's arguments: an expression or statements. */
function inlineWork(m: Method, loop: WorkloadLoop, o: string): string {
  const args = Object.fromEntries(m.params.map((p, k) => [p, String(loop.args[k])]));
  const part = loop.sum ? "return" : "body";
  const text = rewrite(m, part, (a) => `${o}.${a.field}`, args);
  if (loop.sum) return text;
  const statements = text.slice(1, -1).trim();
  return /[;}]$/.test(statements) ? statements : `${statements};`;
}

const LOOP_LOCALS = ["s", "o", "r", "xs", "n", "i"];

export function jsSwitch(w: Workload): StyleResult {
  const id = "js.switch";
  if (w.types.some((t) => t.fields.some((f) => f.name === "t"))) return { id, reason: "a type has a field t, the tag's name" };
  for (const l of w.loops) for (const t of w.types) {
    const why = notInlinable(t.methods.get(l.call)!, l, LOOP_LOCALS);
    if (why) return { id, reason: why };
  }
  const sw = (l: WorkloadLoop, o: string, head: string) => {
    const cases = w.types.map((t, k) => {
      const work = inlineWork(t.methods.get(l.call)!, l, o);
      const last = k === w.types.length - 1;
      return `      case ${t.tag}:\n        ${l.sum ? `s += ${work};` : work}${last ? "" : "\n        break;"}`;
    });
    return `switch (${head}) {\n${cases.join("\n")}\n    }`;
  };
  const names = loopNames(w);
  const loops = w.loops
    .map((l, k) => {
      const doc = `// ${l.name}: ${l.call}'s work inline, by a switch on the tag.\n`;
      const body = `while (r--)\n    for (var o of xs)\n      ${sw(l, "o", "o.t")}`;
      return `${doc}function ${names[k]}(xs, n, r) {\n${l.sum ? "  var s = 0;\n" : ""}  ${body}\n  return ${l.sum ? "s" : "0"};\n}\n`;
    })
    .join("\n");
  const code = `${patternDecl(w)}${makeFn(w, (t, a) => `{ ${t.fields.map((f, k) => `${f.name}: ${a[k]}`).join(", ")}, t: ${t.tag} }`)}${ARRAY_BUILD}\n${loops}`;
  const first = w.loops[0];
  let glue = "";
  let index: string | undefined;
  if (first.sum) {
    index = `${names[0]}Index`;
    glue += `function ${index}(xs, n, r) {\n  var s = 0;\n  var o;\n  while (r--)\n    for (var i = 0; i < n; i++)\n      ${sw(first, "o", "(o = xs[i]).t")}\n  return s;\n}\n`;
  }
  glue += objectsCheck(w) + styleObject(id, { loops: names, index, check: "check" });
  return { id, about: "a tag field and a switch on it doing each type's work inline (no call)", imports: [], code, glue };
}

/**
 * The same work with no call and no branch: only when every type does the same thing in every
 * loop (otherwise choosing the type's work is a branch, which is js.switch).
 */
export function baselineInline(w: Workload): StyleResult {
  const id = "baseline.inline";
  for (const l of w.loops) {
    const works = new Set(w.types.map((t) => (notInlinable(t.methods.get(l.call)!, l, LOOP_LOCALS) ? "?" : inlineWork(t.methods.get(l.call)!, l, "o"))));
    if (works.size > 1 || works.has("?")) return { id, reason: `the types' ${l.call} differ (or cannot be inlined): there is no work without a branch to generate` };
  }
  const names = loopNames(w);
  const loops = w.loops
    .map((l, k) => forOfLoop(names[k], l, { params: "xs, n, r", elem: "o", over: "xs", call: inlineWork(w.types[0].methods.get(l.call)!, l, "o") }))
    .join("\n");
  const code = `${patternDecl(w)}${makeFn(w, (t, a) => `{ ${t.fields.map((f, k) => `${f.name}: ${a[k]}`).join(", ")} }`)}${ARRAY_BUILD}\n${loops}`;
  const first = w.loops[0];
  let glue = "";
  let index: string | undefined;
  if (first.sum) {
    index = `${names[0]}Index`;
    let seen = false;
    // The first field read takes the element; the others read it again.
    const work = inlineWork(w.types[0].methods.get(first.call)!, first, "(o = xs[i])").replace(/\(o = xs\[i\]\)/g, (m) => (seen ? "o" : ((seen = true), m)));
    glue += indexLoop(index, "xs, n, r", "", work, true);
  }
  glue += objectsCheck(w) + styleObject(id, { loops: names, index, check: "check" });
  return { id, about: "the same work with no call and no branch: the cheapest code for it", imports: [], code, glue };
}

/**
 * A type's method over all its objects: a loop over its columns, the per-object work inline.
 * Sum methods iterate one column with for…of (`for (x of w.subarray(0, this.n))`, faster than an
 * index loop on Espruino) and read the others at a counter; others loop by index.
 */
function groupedMethod(t: WorkloadType, m: Method, loop: WorkloadLoop, name: string): string {
  const used = [...new Set(m.accesses.map((a) => a.field))];
  const locals = new Map<string, string>();
  for (const f of used) locals.set(f, freeName([f, `${f}s`, `_${f}`], [m], [...locals.values()]));
  const taken = [...locals.values()];
  const head = `function ${name}(${m.params.join(", ")}) {\n`;
  const cols = used.map((f) => `${locals.get(f)} = this.${f}`).join(", ");
  if (!loop.sum || m.accesses.some((a) => a.write) || !used.length) {
    const j = freeName(["j", "k"], [m], taken);
    const n = freeName(["n", "count"], [m], [...taken, j]);
    const s = freeName(["s", "sum"], [m], [...taken, j, n]);
    const work = loop.sum ? rewrite(m, "return", (a) => `${locals.get(a.field)}[${j}]`) : rewrite(m, "body", (a) => `${locals.get(a.field)}[${j}]`);
    const decl = `  var ${[cols, `${n} = this.n`, loop.sum ? `${s} = 0` : ""].filter(Boolean).join(", ")};\n`;
    const body = loop.sum ? `${s} += ${work};` : work;
    return `${head}${decl}  for (var ${j} = 0; ${j} < ${n}; ${j}++) ${body}\n${loop.sum ? `  return ${s};\n` : ""}}`;
  }
  // The iterated column: the first field every call reads.
  const it = (m.accesses.find((a) => !a.conditional) ?? m.accesses[0]).field;
  const others = m.accesses.filter((a) => a.field !== it);
  const x = freeName(["x", "v"], [m], taken);
  const j = freeName(["j", "k"], [m], [...taken, x]);
  const s = freeName(["s", "sum"], [m], [...taken, x, j]);
  const last = others.reduce<typeof others[number] | undefined>((b, a) => (!b || a.start > b.start ? a : b), undefined);
  const bump = last && !last.conditional ? last : undefined;
  const expr = rewrite(m, "return", (a) => (a.field === it ? x : `${locals.get(a.field)}[${j}${a === bump ? "++" : ""}]`));
  const step = others.length && !bump ? ` {\n    ${s} += ${expr};\n    ${j}++;\n  }` : ` ${s} += ${expr};`;
  const vars = [cols, `${s} = 0`, others.length ? `${j} = 0` : "", x].filter(Boolean).join(", ");
  return `${head}  var ${vars};\n  for (${x} of ${locals.get(it)}.subarray(0, this.n))${step}\n  return ${s};\n}`;
}

export function thinGrouped(w: Workload): StyleResult {
  const id = "thin.grouped";
  const clash = storeClash(w);
  if (clash) return { id, reason: clash };
  for (const l of w.loops) for (const t of w.types) {
    const m = t.methods.get(l.call)!;
    if (l.sum && !m.returnExpr) return { id, reason: `${m.label} is not a single return <expression>` };
    if (!l.sum && m.returns) return { id, reason: `${m.label} returns early` };
  }
  let decls = "";
  const methodsOf = new Map<string, string[]>();
  for (const t of w.types) {
    decls += columnsDecl(t);
    const done = new Set<string>();
    for (const l of w.loops) {
      if (done.has(l.call)) continue;
      done.add(l.call);
      decls += `${groupedMethod(t, t.methods.get(l.call)!, l, fnName(t, l.call))}\n`;
      methodsOf.set(t.name, [...(methodsOf.get(t.name) ?? []), l.call]);
    }
  }
  const register = w.types
    .map((t) => `packType(s, ${t.name}Cols, { ${(methodsOf.get(t.name) ?? []).map((name) => `${name}: ${fnName(t, name)}`).join(", ")} })`)
    .join(",\n    ");
  const build = `function build(n) {\n  var s = packed();\n  var Y = [\n    ${register}\n  ];\n  for (var i = 0; i < n; i++) packPush(s, Y[P[i % ${w.pattern.length}]], item(i));\n  return s;\n}\n`;
  const names = loopNames(w);
  const loops = w.loops
    .map((l, k) => forOfLoop(names[k], l, { params: "st, n, r", elem: "y", over: "st.Y", call: `y.${l.call}(${callArgs(l)})`, outerVar: true }))
    .join("\n");
  const code =
    `import { packed, packPush, packType } from "thincall";\n\n// Each type's method does the work for all its objects, over its own columns.\n${decls}\n` +
    `${patternDecl(w)}${makeFn(w, (t, a) => `{ ${t.fields.map((f, k) => `${f.name}: ${a[k]}`).join(", ")} }`)}${build}\n${loops}`;
  return {
    id,
    about: "each type's objects in its own typed-array columns, visited type by type: for (y of s.Y) y.method(), one plain JS loop per type (no natives)",
    imports: ["packed", "packPush", "packType"],
    code,
    glue: STORE_CHECK + styleObject(id, { loops: names, check: "check" }),
  };
}
