/**
 * Reads a workload file (docs/workloads.md) into the model the generator works from: every
 * type's fields and parsed methods, the loops, the order types interleave in. Anything wrong is
 * one line naming the file and what to fix.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as acorn from "acorn";
import { tsImport } from "tsx/esm/api";
import { checkCode, formatViolation } from "../check/check.ts";
import { UserError } from "../errors.ts";
import type { FieldKind, WorkloadSpec } from "./define.ts";
import { parseMethod, type Method } from "./method.ts";

/** Field kinds and their typed arrays. */
export const KINDS: Record<FieldKind, string> = {
  u8: "Uint8Array", i8: "Int8Array", u16: "Uint16Array", i16: "Int16Array",
  u32: "Uint32Array", i32: "Int32Array", f32: "Float32Array", f64: "Float64Array",
};

/** A field: its name, kind and value for object `i`, as a JavaScript expression of `i`. */
export interface Field {
  name: string;
  kind: FieldKind;
  init: string;
}

/** A type of the workload. */
export interface WorkloadType {
  name: string;
  /** Index in {@link Workload.types}: the tag of tag-based styles. */
  tag: number;
  share: number;
  fields: Field[];
  methods: Map<string, Method>;
}

/** A workload, ready to generate styles from. */
export interface Workload {
  /** Where it came from (for messages and --show). */
  file: string;
  n?: number;
  types: WorkloadType[];
  /** Method names, the first type's order. */
  methods: string[];
  loops: WorkloadLoop[];
  /** Object i is of type `types[pattern[i % pattern.length]]`: each type's share, interleaved. */
  pattern: number[];
}

/** One loop of a workload. */
export interface WorkloadLoop {
  name: string;
  call: string;
  args: number[];
  /** The loop adds up what the method returns. */
  sum: boolean;
}

const NAME = /^[A-Za-z_$][\w$]*$/;

/** Top-level names the generated code uses itself: a type may not take one. */
const GENERATED_NAMES = ["P", "T", "build", "item", "check", "style", "Methods", "func", "make", "trait", "tag", "tagTable", "packed", "packType", "packPush", "packOrder"];

/** Reads and checks a workload file; its default export comes from `defineWorkload`. */
export async function loadWorkload(file: string): Promise<Workload> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UserError(`workload ${file}: no such file`);
  let exported: unknown;
  try {
    // tsImport loads TypeScript in a CommonJS project too (no "type": "module"), where a plain import fails.
    const mod = (await tsImport(pathToFileURL(path).href, import.meta.url)) as { default?: unknown };
    exported = mod.default;
    // A CommonJS project's file arrives as module.exports: its own default export is one level down.
    if (exported && typeof exported === "object" && !("types" in exported) && "default" in exported) exported = (exported as { default: unknown }).default;
  } catch (e) {
    throw new UserError(`workload ${file}: ${String((e as Error).message ?? e).split("\n")[0]}`);
  }
  return workloadFrom(exported, file);
}

/** Checks a workload object (the default export of a workload file) and builds its model. */
export function workloadFrom(spec: unknown, file: string): Workload {
  const bad = (what: string): never => {
    throw new UserError(`workload ${file}: ${what}`);
  };
  if (!spec || typeof spec !== "object") bad("its default export is not a workload: export default defineWorkload({ types, loops })");
  const w = spec as WorkloadSpec;
  if (w.n !== undefined && !(Number.isInteger(w.n) && w.n >= 8 && w.n <= 100000)) bad(`n is ${w.n}: give a whole number from 8 to 100000`);
  if (!w.types || typeof w.types !== "object" || !Object.keys(w.types).length) bad("no types: give types: { Name: { fields, methods } }");
  const typeNames = Object.keys(w.types);
  const types: WorkloadType[] = typeNames.map((name, tag) => {
    if (!NAME.test(name)) bad(`type name ${JSON.stringify(name)} is not a JavaScript name`);
    if (GENERATED_NAMES.includes(name)) bad(`type name ${name} is a name the generated code uses; rename the type`);
    const t = w.types[name];
    const share = t.share ?? 1;
    if (!Number.isInteger(share) || share < 1 || share > 100) bad(`${name}.share is ${t.share}: give a whole number from 1 to 100`);
    if (!t.fields || !Object.keys(t.fields).length) bad(`${name} has no fields`);
    const fields = Object.entries(t.fields).map(([f, spec]) => fieldOf(name, f, spec, bad));
    if (!t.methods || !Object.keys(t.methods).length) bad(`${name} has no methods`);
    const methods = new Map<string, Method>();
    for (const [m, fn] of Object.entries(t.methods)) {
      if (!NAME.test(m)) bad(`method name ${JSON.stringify(m)} of ${name} is not a JavaScript name`);
      if (typeof fn !== "function") bad(`${name}.${m} is not a function`);
      // Every style keeps fields and methods on one object (a class instance, a packed segment): one would hide the other.
      if (Object.hasOwn(t.fields, m)) bad(`${name}.${m} is both a field and a method; rename one`);
      const method = parseMethod(fn as Function, `${name}.${m}`, fields.map((f) => f.name));
      checkMethod(method, file);
      methods.set(m, method);
    }
    return { name, tag, share, fields, methods };
  });
  const methods = [...types[0].methods.keys()];
  for (const t of types) {
    for (const m of methods) if (!t.methods.has(m)) bad(`type ${t.name} lacks method ${m} (${types[0].name} has it; every type has the same methods)`);
    for (const m of t.methods.keys()) if (!methods.includes(m)) bad(`type ${types[0].name} lacks method ${m} (${t.name} has it; every type has the same methods)`);
  }
  if (!Array.isArray(w.loops) || !w.loops.length) bad("no loops: give loops: [{ name, call }]");
  const loops = w.loops.map((l, i): WorkloadLoop => {
    if (!l || typeof l.name !== "string" || !l.name || l.name.length > 64) bad(`loop ${i + 1} needs a name of 1 to 64 characters`);
    if (!methods.includes(l.call)) bad(`loop "${l.name}" calls ${l.call}, which is not a method (methods: ${methods.join(", ")})`);
    if (l.reduce !== undefined && l.reduce !== "sum") bad(`loop "${l.name}": reduce is ${JSON.stringify(l.reduce)}; the only reduce is "sum"`);
    const args = l.args ?? [];
    if (!Array.isArray(args) || args.some((a) => typeof a !== "number" || !Number.isFinite(a))) bad(`loop "${l.name}": args must be numbers`);
    const want = types[0].methods.get(l.call)!.params.length;
    if (args.length !== want) bad(`loop "${l.name}" passes ${args.length} argument(s); ${types[0].name}.${l.call} takes ${want}`);
    return { name: l.name, call: l.call, args, sum: l.reduce === "sum" };
  });
  if (new Set(loops.map((l) => l.name)).size !== loops.length) bad("two loops have the same name");
  return { file, n: w.n, types, methods, loops, pattern: interleave(types) };
}

/** Types interleaved round robin by share: shares 2, 1, 1 give [0, 1, 2, 0]. */
function interleave(types: WorkloadType[]): number[] {
  const left = types.map((t) => t.share);
  const out: number[] = [];
  while (left.some((x) => x > 0)) for (const t of types) if (left[t.tag]-- > 0) out.push(t.tag);
  return out;
}

function fieldOf(type: string, name: string, spec: unknown, bad: (what: string) => never): Field {
  if (!NAME.test(name)) bad(`field name ${JSON.stringify(name)} of ${type} is not a JavaScript name`);
  const s = spec as { kind?: unknown; init?: unknown };
  if (!s || typeof s !== "object") bad(`${type}.${name} is not { kind, init }`);
  if (!(typeof s.kind === "string" && s.kind in KINDS)) bad(`${type}.${name} has kind ${JSON.stringify(s.kind)}; kinds: ${Object.keys(KINDS).join(" ")}`);
  let init: string;
  if (typeof s.init === "number" && Number.isFinite(s.init)) init = String(s.init);
  else if (typeof s.init === "function") init = initExpression(String(s.init), `${type}.${name}`, bad);
  else bad(`${type}.${name}.init is not a number or a function of the index`);
  return { name, kind: s.kind as FieldKind, init: init! };
}

/** `(i) => i % 200` → `i % 200`; any other function → a call of it with `i`. */
function initExpression(text: string, label: string, bad: (what: string) => never): string {
  let fn: acorn.Function;
  try {
    fn = (acorn.parse(`(${text})`, { ecmaVersion: "latest" }).body[0] as acorn.ExpressionStatement).expression as acorn.Function;
  } catch {
    bad(`${label}.init could not be read as a function: ${text.slice(0, 60)}`);
  }
  const src = `(${text})`;
  const violations = checkCode(`var f = ${text};`);
  if (violations.length) bad(`${label}.init: ${formatViolation(violations[0], "init").replace(/^init:\d+:\d+: /, "")}`);
  if (fn!.type === "ArrowFunctionExpression" && fn!.expression && fn!.params.length === 1 && fn!.params[0].type === "Identifier") {
    const p = fn!.params[0].name;
    const body = src.slice(fn!.body.start, fn!.body.end);
    // Renaming the parameter to `i` is safe only when `i` means nothing else in the body.
    if (p === "i" || !/\bi\b/.test(body)) return `(${p === "i" ? body : body.replace(new RegExp(`\\b${p}\\b`, "g"), "i")})`;
  }
  return `(${text})(i)`;
}

/** A method Espruino cannot run is the workload's error, named by the method, not a bundle line. */
function checkMethod(m: Method, file: string): void {
  const violations = checkCode(`var f = ${m.src};`);
  if (violations.length) {
    const v = violations[0];
    throw new UserError(`workload ${file}: ${m.label} ${formatViolation(v, "x").replace(/^x:\d+:\d+: /, "")}`);
  }
}
