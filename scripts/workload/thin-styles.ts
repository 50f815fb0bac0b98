/**
 * The core's styles generated from a workload, through its public API (src/index.ts) and in the
 * loops its docs give (docs/core.md).
 */
import {
  ARRAY_BUILD, callArgs, firstLoopExtras, fnName, forOfLoop, loopNames, makeFn, objectsCheck, patternDecl,
  STORE_CHECK, styleObject, type StyleResult,
} from "./emit.ts";
import type { Workload, WorkloadType } from "./load.ts";
import { asFunction, freeName, rewrite, type Method } from "./method.ts";
import { KINDS } from "./load.ts";

/** The plain data object of a type: `{ a: …, b: … }`. */
function data(t: WorkloadType, args: string[], extra = ""): string {
  return `{ ${t.fields.map((f, k) => `${f.name}: ${args[k]}`).join(", ")}${extra} }`;
}

/** Why a style whose objects carry `key` cannot take this workload, or undefined. */
function keyClash(w: Workload, key: string, what: string): string | undefined {
  for (const t of w.types) if (t.fields.some((f) => f.name === key)) return `${t.name} has a field ${key}, the name ${what} uses`;
  return undefined;
}

export function thinFunc(w: Workload): StyleResult {
  const id = "thin.func";
  const method = w.loops[0].call;
  const clash = keyClash(w, "f", "func() carries the function in");
  if (clash) return { id, reason: clash };
  const runs = w.loops.map((l, k) => (l.call === method ? k : -1)).filter((k) => k >= 0);
  const decls = w.types.map((t) => `${asFunction(t.methods.get(method)!, t.methods.get(method)!.params).replace(/^function /, `function ${fnName(t, method)}`)}\n`).join("");
  const names = loopNames(w);
  const loops = runs.map((k) => forOfLoop(names[k], w.loops[k], { params: "xs, n, r", elem: "o", over: "xs", call: `o.f(${callArgs(w.loops[k])})` })).join("\n");
  const code = `import { func } from "thincall";\n\n${decls}\n${patternDecl(w)}${makeFn(w, (t, a) => `func(${data(t, a)}, ${fnName(t, method)})`)}${ARRAY_BUILD}\n${loops}`;
  const first = w.loops[0];
  let { glue, index, hoisted } = firstLoopExtras(w, names[0], {
    index: { params: "xs, n, r", call: `xs[i].f(${callArgs(first)})` },
    hoisted: { params: "xs, n, r, f", call: `f.call(${callArgs(first, ["o"])})` },
  });
  glue += objectsCheck(w) + styleObject(id, { loops: w.loops.map((_l, k) => (runs.includes(k) ? names[k] : null)), index, hoisted, check: "check", x: hoisted && fnName(w.types[0], method) });
  const about = w.methods.length === 1 ? "the function carried inline as property f: o.f()" : `the function carried inline as property f (${method} only: a single-method interface): o.f()`;
  return { id, about, imports: ["func"], code, glue };
}

/** The receiver's name in vtable and table functions: `o`, unless a method uses it. */
function receiver(w: Workload): string {
  return freeName(["o", "self", "me"], w.types.flatMap((t) => [...t.methods.values()]));
}

/** A vtable method taking its object first, as `o` (or another name the method leaves free). */
const objectFirst = (o: string) => (m: Method) => asFunction(m, [o, ...m.params], (a) => `${o}.${a.field}`);

/** A tag table's method: it reads its object from `this.o`, the slot of its column (src/tag-table.ts). */
const fromSlot = (m: Method) => asFunction(m, m.params, (a) => `this.o.${a.field}`);

/**
 * `var Methods = trait()(defaults)` and one vtable per type, each method written by `text`;
 * methods alike in every type are defaults.
 */
function vtables(w: Workload, text: (m: Method) => string): string {
  const shared = w.methods.filter((name) => new Set(w.types.map((t) => text(t.methods.get(name)!))).size === 1 && w.types.length > 1);
  const defaults = shared.map((name) => `  ${name}: ${text(w.types[0].methods.get(name)!)}`).join(",\n");
  let out = `var Methods = trait()(${shared.length ? `{\n${defaults}\n}` : ""});\n`;
  for (const t of w.types) {
    const own = w.methods.filter((name) => !shared.includes(name));
    out += `var ${t.name}VT = Methods.impl({${own.length ? `\n${own.map((name) => `  ${name}: ${text(t.methods.get(name)!)}`).join(",\n")}\n` : ""}});\n`;
  }
  return out;
}

/**
 * Names a function already has: a vtable that is a function cannot carry a method under them
 * (`name` and `length` are read-only; `call`, `apply` and `bind` would shadow the function's own).
 */
const FUNCTION_NAMES = ["name", "length", "prototype", "call", "apply", "bind", "caller", "arguments", "toString"];

/** Why the workload's vtables cannot be callable (a method after the first named like a function's own), or undefined. */
function callableClash(w: Workload): string | undefined {
  const name = w.methods.slice(1).find((m) => FUNCTION_NAMES.includes(m));
  return name && `method ${name} is a name every function has, and a callable vtable is a function`;
}

/**
 * `var Methods = trait()(defaults, "<first method>")` and one callable vtable per type,
 * `Methods.impl({ others }, primary)`: the first method reads `this` and is the vtable itself,
 * the others take the object first. Methods alike in every type become defaults, the primary
 * excepted (a function is the primary of one vtable only).
 */
function callableVtables(w: Workload, o: string): string {
  const primary = w.methods[0];
  const text = objectFirst(o);
  const others = w.methods.slice(1);
  const shared = others.filter((name) => w.types.length > 1 && new Set(w.types.map((t) => text(t.methods.get(name)!))).size === 1);
  const defaults = shared.map((name) => `  ${name}: ${text(w.types[0].methods.get(name)!)}`).join(",\n");
  let out = `var Methods = trait()(${shared.length ? `{\n${defaults}\n}` : "{}"}, ${JSON.stringify(primary)});\n`;
  for (const t of w.types) {
    const own = others.filter((name) => !shared.includes(name));
    const m = t.methods.get(primary)!;
    out += `var ${t.name}VT = Methods.impl({${own.length ? `\n${own.map((name) => `  ${name}: ${text(t.methods.get(name)!)}`).join(",\n")}\n` : ""}}, ${asFunction(m, m.params)});\n`;
  }
  return out;
}

export function thinVtable(w: Workload): StyleResult {
  const id = "thin.vtable";
  const clash = keyClash(w, "v", "make() carries the vtable in");
  if (clash) return { id, reason: clash };
  // Callable vtables, unless a method's name rules them out: then plain vtables, o.v.method(o) for every method.
  const plain = callableClash(w);
  const primary = plain ? undefined : w.methods[0];
  const o = receiver(w);
  const names = loopNames(w);
  const call = (l: Workload["loops"][number], on: string) => (l.call === primary ? `${on}.v(${callArgs(l)})` : `${on}.v.${l.call}(${callArgs(l, ["o"])})`);
  const loops = w.loops.map((l, k) => forOfLoop(names[k], l, { params: "xs, n, r", elem: "o", over: "xs", call: call(l, "o") })).join("\n");
  const code = `import { make, trait } from "thincall";\n\n${plain ? vtables(w, objectFirst(o)) : callableVtables(w, o)}\n${patternDecl(w)}${makeFn(w, (t, a) => `make(${data(t, a)}, ${t.name}VT)`)}${ARRAY_BUILD}\n${loops}`;
  const first = w.loops[0];
  const firstIsPrimary = first.call === primary;
  let { glue, index, hoisted } = firstLoopExtras(w, names[0], {
    index: firstIsPrimary ? { params: "xs, n, r", call: `xs[i].v(${callArgs(first)})` } : { params: "xs, n, r", call: `(o = xs[i]).v.${first.call}(${callArgs(first, ["o"])})`, needsO: true },
    hoisted: { params: "xs, n, r, f", call: firstIsPrimary ? `f.call(${callArgs(first, ["o"])})` : `f(${callArgs(first, ["o"])})` },
  });
  glue += objectsCheck(w) + styleObject(id, { loops: names, index, hoisted, check: "check", x: hoisted && (firstIsPrimary ? `${w.types[0].name}VT` : `${w.types[0].name}VT.${first.call}`) });
  const about = plain
    ? `a shared vtable per type, carried in one property v: o.v.method(o) (not callable: ${plain})`
    : `a shared callable vtable per type, carried in one property v: the first method, ${primary}, is the vtable itself, o.v(); the others o.v.method(o)`;
  return { id, about, imports: ["make", "trait"], code, glue };
}

export function thinTable(w: Workload): StyleResult {
  const id = "thin.table";
  const clash = keyClash(w, "t", "tag() carries the tag in");
  if (clash) return { id, reason: clash };
  const names = loopNames(w);
  // The table comes in as the parameter A, which then becomes the loop's column: a parameter is
  // found before the loop's own vars (docs/core.md).
  const column = (l: Workload["loops"][number]) => `A = A.${l.call};`;
  const loops = w.loops
    .map((l, k) => forOfLoop(names[k], l, { params: "xs, n, r, A", setup: column(l), elem: "A.o", slot: true, over: "xs", call: `A[A.o.t](${callArgs(l)})` }))
    .join("\n");
  const table = `var T = tagTable([${w.types.map((t) => `${t.name}VT`).join(", ")}]);\n`;
  const code = `import { tag, tagTable, trait } from "thincall";\n\n${vtables(w, fromSlot)}${table}\n${patternDecl(w)}${makeFn(w, (t, a) => `tag(${data(t, a)}, ${t.tag})`)}${ARRAY_BUILD}\n${loops}`;
  const first = w.loops[0];
  let { glue, index, hoisted } = firstLoopExtras(w, names[0], {
    index: { params: "xs, n, r, A", setup: column(first), call: `A[(A.o = xs[i]).t](${callArgs(first)})` },
    hoisted: { params: "xs, n, r, A, f", setup: column(first), slot: "A.o", call: `f.call(${callArgs(first, ["A"])})` },
  });
  glue += objectsCheck(w) + styleObject(id, { loops: names, index, hoisted, check: "check", x: "T", y: hoisted && `${w.types[0].name}VT.${first.call}` });
  return {
    id,
    about: "a small tag per object indexing one shared array per method, its column, which holds the object in its slot o: for (A.o of xs) A[A.o.t](), A = T.method read once",
    imports: ["tag", "tagTable", "trait"],
    code,
    glue,
  };
}

/** Names the packed store's segments use for themselves. */
const SEGMENT_NAMES = ["i", "n", "t", "of"];

/** Why the packed store cannot hold this workload's types, or undefined. */
export function storeClash(w: Workload): string | undefined {
  for (const t of w.types) {
    for (const name of [...t.fields.map((f) => f.name), ...t.methods.keys()]) {
      if (SEGMENT_NAMES.includes(name)) return `${t.name} names ${name}, which the packed store uses for itself (${SEGMENT_NAMES.join(", ")})`;
    }
  }
  return undefined;
}

/** `var ValveCols = { flow: Uint16Array, … };` */
export function columnsDecl(t: WorkloadType): string {
  return `var ${t.name}Cols = { ${t.fields.map((f) => `${f.name}: ${KINDS[f.kind]}`).join(", ")} };\n`;
}

/**
 * A method for the insertion-order loop: reads object `this.i` of its segment, then moves the
 * cursor on. When the last field access runs on every call, it moves the cursor itself
 * (`this.w[this.i] * this.h[this.i++]`); otherwise `var j = this.i++` first.
 */
function cursorMethod(m: Method, name: string): string {
  const last = m.accesses.reduce<number>((best, a, k) => (best < 0 || a.start > m.accesses[best].start ? k : best), -1);
  const lastRunsAlways = last >= 0 && !m.accesses[last].conditional;
  const head = `function ${name}(${m.params.join(", ")}) `;
  if (lastRunsAlways && (m.returnExpr || !m.returns)) {
    return head + rewrite(m, "body", (a, k) => `this.${a.field}[this.i${k === last ? "++" : ""}]`);
  }
  if (m.accesses.length === 0) {
    const body = rewrite(m, "body", () => "");
    return `${head}{\n  this.i++;\n  ${body.slice(1, -1).trim()}\n}`;
  }
  const j = freeName(["j", "k", "at"], [m]);
  const body = rewrite(m, "body", (a) => `this.${a.field}[${j}]`);
  return `${head}{\n  var ${j} = this.i++;\n  ${body.slice(1, -1).trim()}\n}`;
}

export function thinPacked(w: Workload): StyleResult {
  const id = "thin.packed";
  const clash = storeClash(w);
  if (clash) return { id, reason: clash };
  let decls = "";
  for (const t of w.types) {
    decls += columnsDecl(t);
    for (const [name, m] of t.methods) decls += `${cursorMethod(m, fnName(t, name))}\n`;
  }
  const register = w.types
    .map((t) => `packType(s, ${t.name}Cols, { ${[...t.methods.keys()].map((name) => `${name}: ${fnName(t, name)}`).join(", ")} })`)
    .join(",\n    ");
  const build = `function build(n) {\n  var s = packed();\n  var Y = [\n    ${register}\n  ];\n  for (var i = 0; i < n; i++) packPush(s, Y[P[i % ${w.pattern.length}]], item(i));\n  return s;\n}\n`;
  const names = loopNames(w);
  const loops = w.loops
    .map((l, k) => forOfLoop(names[k], l, { params: "st, n, r, order", setup: "var Y = st.Y;", elem: "t", over: "order(st)", call: `Y[t].${l.call}(${callArgs(l)})`, outerVar: true }))
    .join("\n");
  const code =
    `import { packed, packOrder, packPush, packType } from "thincall";\n\n// Methods at top level: defined inside build() they would cost the store more fixed JsVars.\n${decls}\n` +
    `${patternDecl(w)}${makeFn(w, (t, a) => data(t, a))}${build}\n${loops}`;
  const glue = STORE_CHECK + styleObject(id, { loops: names, check: "check", x: "packOrder" });
  return { id, about: "unboxed objects in typed arrays, a 1-byte tag each, visited in insertion order: for (t of packOrder(s)) Y[t].method()", imports: ["packed", "packOrder", "packPush", "packType"], code, glue };
}
