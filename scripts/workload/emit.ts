/**
 * Pieces every generated style shares: how objects are made (types interleaved by share), the
 * container, the timed loops in the bench's shapes (for…of with `var`, everything the loop needs
 * passed in as a parameter: no style finds its names faster than another), the checksum.
 */
import type { Workload, WorkloadLoop, WorkloadType } from "./load.ts";

/** One generated style. */
export interface GeneratedStyle {
  /** Style id (scripts/bench/schema.ts STYLE_IDS). */
  id: string;
  /** What the style is, one line (the header of `--show`). */
  about: string;
  /** Core functions it imports from `thincall`. */
  imports: string[];
  /** What a user copies: the types, methods, container and the for…of loops. */
  code: string;
  /** Bench glue: index and hoisted loops, the checksum, and `export var style = {…}`. */
  glue: string;
}

/** A style that does not apply to this workload, and why. */
export interface Skipped {
  id: string;
  reason: string;
}

/** A style, or why it does not apply. */
export type StyleResult = GeneratedStyle | Skipped;

/** `word(s)` → `wordS`: a loop's name as part of an identifier. */
export function camel(text: string): string {
  const words = text.replace(/[^A-Za-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
  const s = words.map((w, i) => (i ? w[0].toUpperCase() + w.slice(1) : w[0].toLowerCase() + w.slice(1))).join("");
  return /^[A-Za-z]/.test(s) ? s : `l${s}`;
}

/** `water` on `Valve` → `ValveWater`. */
export function fnName(t: WorkloadType, method: string): string {
  return t.name + method[0].toUpperCase() + method.slice(1);
}

/** The loop functions' names, one per loop, unique. */
export function loopNames(w: Workload): string[] {
  const seen = new Set<string>();
  return w.loops.map((l) => {
    let name = `${camel(l.name)}Loop`;
    for (let k = 2; seen.has(name); k++) name = `${camel(l.name)}Loop${k}`;
    seen.add(name);
    return name;
  });
}

/** `P`, the type of each index, with its comment. */
export function patternDecl(w: Workload): string {
  const names = w.pattern.map((t) => w.types[t].name).join(", ");
  return `// Object i is of type P[i % ${w.pattern.length}]: ${names}.\nvar P = ${JSON.stringify(w.pattern)};\n`;
}

/** `item(i)`: the object (or the values) at index i, one `case` per type. */
export function makeFn(w: Workload, construct: (t: WorkloadType, args: string[]) => string): string {
  const made = (t: WorkloadType) => construct(t, t.fields.map((f) => f.init));
  if (w.types.length === 1) return `function item(i) {\n  return ${made(w.types[0])};\n}\n`;
  const cases = w.types.map((t, k) => `    ${k === w.types.length - 1 ? "default" : `case ${t.tag}`}:\n      return ${made(t)};`).join("\n");
  return `function item(i) {\n  switch (P[i % ${w.pattern.length}]) {\n${cases}\n  }\n}\n`;
}

/** `build(n)`: n objects in an Array, in index order. */
export const ARRAY_BUILD = `function build(n) {\n  var xs = [];\n  for (var i = 0; i < n; i++) xs.push(item(i));\n  return xs;\n}\n`;

/** The arguments of a loop's call, after `before` (e.g. the receiver). */
export function callArgs(loop: WorkloadLoop, before: string[] = []): string {
  return [...before, ...loop.args.map((a) => String(a))].join(", ");
}

/** Options of {@link forOfLoop}. */
export interface LoopShape {
  /** Parameters: the container first, then `n`, `r`, then what the style passes as x and y. */
  params: string;
  /** Statements before the passes (reading a table once). @default none */
  setup?: string;
  /** The element variable, or with `slot` the property the loop writes each element into. */
  elem: string;
  /** `elem` is a property, a tag table's slot (`A.o`): written by the loop, never declared. @default false */
  slot?: boolean;
  /** What is iterated. */
  over: string;
  /** The call (or the inline work) for one element. */
  call: string;
  /** `var` the element before the loop rather than in it. @default false */
  outerVar?: boolean;
}

/** A timed loop over the container: `r` passes, summing the calls' results for a sum loop. */
export function forOfLoop(name: string, loop: WorkloadLoop, shape: LoopShape): string {
  const setup = shape.setup ? `  ${shape.setup}\n` : "";
  const decl = shape.outerVar && !shape.slot ? `  var ${shape.elem};\n` : "";
  const head = `for (${shape.outerVar || shape.slot ? "" : "var "}${shape.elem} of ${shape.over})`;
  const doc = `// ${loop.name}: ${loop.sum ? `the sum of ${loop.call}(${loop.args.join(", ")})` : `${loop.call}(${loop.args.join(", ")})`} over every object.\n`;
  if (loop.sum) return `${doc}function ${name}(${shape.params}) {\n${setup}  var s = 0;\n${decl}  while (r--) ${head} s += ${shape.call};\n  return s;\n}\n`;
  return `${doc}function ${name}(${shape.params}) {\n${setup}${decl}  while (r--) ${head} ${shape.call};\n  return 0;\n}\n`;
}

/** The first loop in an index loop: `xs[i]` walks the Array's list, as users' index loops do. */
export function indexLoop(name: string, params: string, setup: string, call: string, needsO: boolean): string {
  return `function ${name}(${params}) {\n${setup ? `  ${setup}\n` : ""}  var s = 0;\n${needsO ? "  var o;\n" : ""}  while (r--) for (var i = 0; i < n; i++) s += ${call};\n  return s;\n}\n`;
}

/** How a style writes the first loop's index and hoisted forms. */
export interface FirstLoopForms {
  /** The index loop's parameters and setup, and its work for element `xs[i]`. */
  index: { params: string; setup?: string; call: string; needsO?: boolean };
  /**
   * The hoisted loop (the first type's method, resolved once): parameters, setup, the call on
   * `o`, or with `slot` the property each object is written into (a tag table's `A.o`).
   */
  hoisted?: { params: string; setup?: string; call: string; slot?: string };
}

/**
 * The first loop in an index loop, and hoisted, when it is a sum (hoisted only when every type has
 * the same fields, so the first type's method runs on any object): their code and names.
 */
export function firstLoopExtras(w: Workload, name: string, forms: FirstLoopForms): { glue: string; index?: string; hoisted?: string } {
  if (!w.loops[0].sum) return { glue: "" };
  const index = `${name}Index`;
  let glue = indexLoop(index, forms.index.params, forms.index.setup ?? "", forms.index.call, !!forms.index.needsO);
  if (!forms.hoisted || !sameFields(w)) return { glue, index };
  const hoisted = `${name}Hoisted`;
  const h = forms.hoisted;
  glue += `function ${hoisted}(${h.params}) {\n${h.setup ? `  ${h.setup}\n` : ""}  var s = 0;\n  while (r--) for (${h.slot ?? "var o"} of xs) s += ${h.call};\n  return s;\n}\n`;
  return { glue, index, hoisted };
}

/** Every field name of every type, once. */
export function allFields(w: Workload): string[] {
  return [...new Set(w.types.flatMap((t) => t.fields.map((f) => f.name)))];
}

/**
 * The checksums, shared by every style (one copy in the bench): every field of every object
 * added up. In an Array, a field some types lack counts 0 on them (`+o.on || 0`: on Espruino a
 * missing `on` is Object's event method); in a packed store, every column up to its count.
 */
export function checksModule(w: Workload): string {
  const sum = allFields(w).map((f) => (w.types.every((t) => t.fields.some((x) => x.name === f)) ? `o.${f}` : `(+o.${f} || 0)`)).join(" + ");
  return (
    `export function checkObjects(xs) {\n  var c = 0;\n  for (var o of xs) c += ${sum};\n  return c;\n}\n\n` +
    `export function checkStore(st) {\n  var c = 0, y, k, j;\n  for (y of st.Y) for (k in y.of) for (j = 0; j < y.n; j++) c += y[k][j];\n  return c;\n}\n`
  );
}

/** The glue's checksum of an Array of objects (see {@link checksModule}). */
export function objectsCheck(_w: Workload): string {
  return `import { checkObjects as check } from "./checks";\n`;
}

/** The glue's checksum of a packed store (see {@link checksModule}). */
export const STORE_CHECK = `import { checkStore as check } from "./checks";\n`;

/** Every type has the same fields, in the same order: a method of one type may run on any object. */
export function sameFields(w: Workload): boolean {
  const key = (t: WorkloadType) => t.fields.map((f) => f.name).join(",");
  return w.types.every((t) => key(t) === key(w.types[0]));
}

/** The Style object the harness runs (firmware/bench/harness.ts). */
export function styleObject(id: string, parts: { loops: (string | null)[]; index?: string; hoisted?: string; check?: string; x?: string; y?: string }): string {
  const f = [`id: ${JSON.stringify(id)}`, "build: build", `loops: [${parts.loops.map((l) => l ?? "null").join(", ")}]`];
  if (parts.index) f.push(`index: ${parts.index}`);
  if (parts.hoisted) f.push(`hoisted: ${parts.hoisted}`);
  if (parts.check) f.push(`check: ${parts.check}`);
  if (parts.x) f.push(`x: ${parts.x}`);
  if (parts.y) f.push(`y: ${parts.y}`);
  return `export var style = {\n  ${f.join(",\n  ")}\n};\n`;
}
