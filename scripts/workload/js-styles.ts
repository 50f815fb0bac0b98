/**
 * The common JavaScript styles, generated from a workload: the method bodies are the user's own,
 * moved into each style's idiomatic shape.
 */
import {
  ARRAY_BUILD, callArgs, firstLoopExtras, fnName, forOfLoop, loopNames, makeFn, objectsCheck, patternDecl,
  styleObject, type StyleResult,
} from "./emit.ts";
import type { Workload, WorkloadType } from "./load.ts";
import { asFunction, rewrite, type Method } from "./method.ts";

/** Loops calling `o.method(args)` on every object of an Array, plus index and hoisted forms of the first. */
function methodLoops(w: Workload, hoistedFn: string | undefined, hoistFirst?: boolean) {
  const names = loopNames(w);
  const code = w.loops.map((l, k) => forOfLoop(names[k], l, { params: "xs, n, r", elem: "o", over: "xs", call: `o.${l.call}(${callArgs(l)})` })).join("\n");
  const first = w.loops[0];
  // The first type's method, resolved once and called on every object.
  const extras = firstLoopExtras(w, names[0], {
    index: { params: "xs, n, r", call: `xs[i].${first.call}(${callArgs(first)})` },
    hoisted: hoistedFn || hoistFirst ? { params: "xs, n, r, f", setup: hoistFirst ? `var f = xs[0].${first.call};` : "", call: `f.call(${callArgs(first, ["o"])})` } : undefined,
  });
  return { code, glue: extras.glue, loops: names, index: extras.index, hoisted: extras.hoisted };
}

function methodStyle(w: Workload, id: string, about: string, decls: string, construct: (t: WorkloadType, args: string[]) => string, hoist?: string, hoistFirst?: boolean): StyleResult {
  const l = methodLoops(w, hoist, hoistFirst);
  const code = `${decls}\n${patternDecl(w)}${makeFn(w, construct)}${ARRAY_BUILD}\n${l.code}`;
  const glue = l.glue + objectsCheck(w) + styleObject(id, { loops: l.loops, index: l.index, hoisted: l.hoisted, check: "check", x: l.hoisted && hoist });
  return { id, about, imports: [], code, glue };
}

/** `constructor(a, b) { this.a = a; this.b = b; }` */
function ctorBody(t: WorkloadType): string {
  return t.fields.map((f) => `this.${f.name} = ${f.name};`).join(" ");
}

function params(t: WorkloadType): string {
  return t.fields.map((f) => f.name).join(", ");
}

function methodText(m: Method): string {
  return rewrite(m, "body", (a) => `this.${a.field}`);
}

export function jsClass(w: Workload): StyleResult {
  const decls = w.types
    .map((t) => `class ${t.name} {\n  constructor(${params(t)}) {\n    ${ctorBody(t)}\n  }\n${[...t.methods].map(([name, m]) => `  ${name}(${m.params.join(", ")}) ${methodText(m)}`).join("\n")}\n}\n`)
    .join("\n");
  return methodStyle(w, "js.class", "class instances, methods on the prototype: o.method()", decls, (t, a) => `new ${t.name}(${a.join(", ")})`, `${w.types[0].name}.prototype.${w.loops[0].call}`);
}

export function jsPrototype(w: Workload): StyleResult {
  const decls = w.types
    .map((t) => `function ${t.name}(${params(t)}) {\n  ${ctorBody(t)}\n}\n${[...t.methods].map(([name, m]) => `${t.name}.prototype.${name} = ${asFunction(m, m.params)};`).join("\n")}\n`)
    .join("\n");
  return methodStyle(w, "js.prototype", "a constructor function and its prototype (the pre-class idiom): o.method()", decls, (t, a) => `new ${t.name}(${a.join(", ")})`, `${w.types[0].name}.prototype.${w.loops[0].call}`);
}

function literal(t: WorkloadType, args: string[], methods: (name: string, m: Method) => string): string {
  const fields = t.fields.map((f, k) => `${f.name}: ${args[k]}`);
  return `{ ${[...fields, ...[...t.methods].map(([name, m]) => `${name}: ${methods(name, m)}`)].join(", ")} }`;
}

export function jsLiteralClosures(w: Workload): StyleResult {
  const decls = w.types.map((t) => `function make${t.name}(${params(t)}) {\n  return ${literal(t, t.fields.map((f) => f.name), (_n, m) => asFunction(m, m.params))};\n}\n`).join("\n");
  return methodStyle(w, "js.literal-closures", "object literals carrying their own method closures (new functions per object)", decls, (t, a) => `make${t.name}(${a.join(", ")})`, undefined, true);
}

/** One top-level function per distinct method source; types with the same method share it. */
function sharedFunctions(w: Workload): { decls: string; nameOf: (t: WorkloadType, method: string) => string } {
  const bySource = new Map<string, string>();
  const names = new Map<string, string>();
  let decls = "";
  for (const t of w.types) {
    for (const [method, m] of t.methods) {
      const text = asFunction(m, m.params);
      let name = bySource.get(`${method}:${text}`);
      if (!name) {
        name = fnName(t, method);
        bySource.set(`${method}:${text}`, name);
        decls += `${text.replace(/^function /, `function ${name}`)}\n`;
      }
      names.set(`${t.name}.${method}`, name);
    }
  }
  return { decls, nameOf: (t, method) => names.get(`${t.name}.${method}`)! };
}

export function jsLiteralShared(w: Workload): StyleResult {
  const shared = sharedFunctions(w);
  return methodStyle(
    w, "js.literal-shared", "object literals whose method fields point at shared top-level functions",
    shared.decls, (t, a) => literal(t, a, (name) => shared.nameOf(t, name)), shared.nameOf(w.types[0], w.loops[0].call),
  );
}

/**
 * Single-method styles carry one function per object: the first loop's method. They run the
 * loops that call it, and need it to only read fields (a closure's fields cannot be summed after).
 */
function singleMethod(w: Workload, id: string): { method: string; loops: number[] } | string {
  const method = w.loops[0].call;
  const loops = w.loops.map((l, k) => (l.call === method ? k : -1)).filter((k) => k >= 0);
  for (const t of w.types) {
    const m = t.methods.get(method)!;
    if (m.accesses.some((a) => a.write)) return `${t.name}.${method} writes fields: a ${id} carries its fields as values no loop can read back`;
    const clash = t.fields.find((f) => m.names.has(f.name));
    if (clash) return `${t.name}.${method} names ${clash.name}, a field: it would become the field's value`;
  }
  return { method, loops };
}

function selfCallLoops(w: Workload, runs: number[]) {
  const names = loopNames(w);
  const code = runs.map((k) => forOfLoop(names[k], w.loops[k], { params: "xs, n, r", elem: "f", over: "xs", call: `f(${callArgs(w.loops[k])})` })).join("\n");
  const first = w.loops[0];
  const { glue, index } = firstLoopExtras(w, names[0], { index: { params: "xs, n, r", call: `xs[i](${callArgs(first)})` } });
  return { code, glue, loops: w.loops.map((_l, k) => (runs.includes(k) ? names[k] : null)), index };
}

export function jsClosure(w: Workload): StyleResult {
  const s = singleMethod(w, "closure");
  if (typeof s === "string") return { id: "js.closure", reason: s };
  const decls = w.types
    .map((t) => {
      const m = t.methods.get(s.method)!;
      return `function ${fnName(t, s.method)}(${params(t)}) {\n  return ${asFunction(m, m.params, (a) => a.field)};\n}\n`;
    })
    .join("\n");
  const l = selfCallLoops(w, s.loops);
  const code = `${decls}\n${patternDecl(w)}${makeFn(w, (t, a) => `${fnName(t, s.method)}(${a.join(", ")})`)}${ARRAY_BUILD}\n${l.code}`;
  return { id: "js.closure", about: `one closure per object over its fields (${s.method} only): f()`, imports: [], code, glue: l.glue + styleObject("js.closure", { loops: l.loops, index: l.index }) };
}

export function jsBind(w: Workload): StyleResult {
  const s = singleMethod(w, "bound function");
  if (typeof s === "string") return { id: "js.bind", reason: s };
  const decls = w.types
    .map((t) => {
      const m = t.methods.get(s.method)!;
      return `${asFunction(m, [...t.fields.map((f) => f.name), ...m.params], (a) => a.field).replace(/^function /, `function ${fnName(t, s.method)}`)}\n`;
    })
    .join("");
  const l = selfCallLoops(w, s.loops);
  const code = `${decls}\n${patternDecl(w)}${makeFn(w, (t, a) => `${fnName(t, s.method)}.bind(null, ${a.join(", ")})`)}${ARRAY_BUILD}\n${l.code}`;
  return { id: "js.bind", about: `one bound function per object, its fields bound as arguments (${s.method} only): f()`, imports: [], code, glue: l.glue + styleObject("js.bind", { loops: l.loops, index: l.index }) };
}

export { singleMethod, sharedFunctions, methodLoops };
