/**
 * Writes `types/espruino-lib.d.ts`: TypeScript's own ES5…ES2023 lib declarations, keeping only
 * what the probe found on the interpreter. `Math.log2` or `xs.reduceRight` are then errors at the
 * line that uses them, in the editor and in the build.
 *
 * Kept type-only (nothing callable that the interpreter lacks):
 * - interfaces no global stands behind (`PropertyDescriptor`, `ArrayLike`, the iterator types that
 *   `for…of` needs) and every type alias;
 * - `[Symbol.iterator]` on arrays, strings and typed arrays, which `for…of` runs on;
 * - `Symbol`, reduced to its well-known symbols (`Symbol.iterator`), which TypeScript resolves
 *   those member names through. It cannot be called, and `check` flags any use of it.
 *
 * Left out as well: `prototype` on every constructor but `Object`, since Espruino answers only
 * `Object.prototype`'s members through a built-in's prototype (`Array.prototype.slice` is undefined).
 *
 *   npx tsx scripts/check/device-lib.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { globalShapes, libFiles, memberName, TOP_LIB, type LibFile } from "./lib-members.ts";
import { MEMBER_SINCE, type Since } from "./member-since.ts";
import type { ProbeFile } from "./probe-file.ts";
import { RESULTS_FILE } from "./probe-file.ts";

/** Path of the generated lib. */
export const DEVICE_LIB_FILE = new URL("../../types/espruino-lib.d.ts", import.meta.url);

/** True when the probe found the member on the interpreter. */
export function memberExists(result: ProbeFile, id: string): boolean {
  const t = result.members[id]?.typeof;
  return t !== undefined && t !== "undefined" && t !== "throws";
}

/**
 * True when the probe read members of a global's instances through `X.prototype` and every one
 * answered. On Espruino `Array.prototype.slice` is undefined, so the typings leave `prototype` out
 * of such constructors (and of those with no evidence) and `Array.prototype.slice` is a type error.
 */
export function prototypeReadable(result: ProbeFile, global: string): boolean {
  const prefix = `${global}.prototype.`;
  const present = Object.entries(result.members).filter(([id]) => id.startsWith(prefix) && memberExists(result, id));
  return present.length > 0 && present.every(([, m]) => m.viaPrototype !== "undefined" && m.viaPrototype !== "throws");
}

/** A member's declaration with an `@since` tag naming the first Espruino build that has it. */
function withSince(text: string, since: Since): string {
  const tag = `@since Espruino ${since.version}${since.ifndef ? `, not in ${since.ifndef} builds` : ""} (thincall check warns on older boards)`;
  const doc = /^(\s*)(\/\*\*[\s\S]*?)\s*\*\//.exec(text);
  if (!doc) {
    const indent = /^\s*/.exec(text)![0];
    return `${indent}/** ${tag} */${indent}${text.slice(indent.length)}`;
  }
  const pad = doc[1].split("\n").pop() ?? "";
  // A one-line comment becomes a block so the tag sits on its own line.
  const body = doc[2].includes("\n") ? doc[2] : `/**\n${pad} * ${doc[2].slice(3).trim()}`;
  return `${doc[1]}${body}\n${pad} * ${tag}\n${pad} */${text.slice(doc[0].length)}`;
}

/** Interfaces that describe a global's instances though no `prototype` names them. */
const INSTANCE_ALIASES: Record<string, string> = { ReadonlyArray: "Array", CallableFunction: "Function", NewableFunction: "Function" };

/** Globals whose `for…of` the probes showed running, so their `[Symbol.iterator]` stays. */
function iterableGlobals(result: ProbeFile): Set<string> {
  const out = new Set<string>();
  if (result.features["for-of-array"]?.runs) out.add("Array");
  if (result.features["for-of-string"]?.runs) out.add("String");
  if (result.features["for-of-typed-array"]?.runs) {
    for (const g of Object.keys(result.members)) if (/^\w+Array$/.test(g) && g !== "Array" && memberExists(result, g)) out.add(g);
  }
  return out;
}

/** What a lib interface stands for: a global's statics, its instances, or nothing (type-only). */
type Role = { global: string; side: "static" | "prototype" } | undefined;

/** Renders the device lib from the probe result. */
export function renderDeviceLib(result: ProbeFile, files: LibFile[] = libFiles()): string {
  const roles = new Map<string, Role>();
  for (const g of globalShapes(files)) {
    if (g.staticType) roles.set(g.staticType, { global: g.global, side: "static" });
    if (g.instanceType && !roles.has(g.instanceType)) roles.set(g.instanceType, { global: g.global, side: "prototype" });
  }
  for (const [alias, g] of Object.entries(INSTANCE_ALIASES)) roles.set(alias, { global: g, side: "prototype" });
  const iterable = iterableGlobals(result);
  const exists = (id: string) => memberExists(result, id);
  let dropped = 0;

  /** Member text (with its doc comment) if the member stays. */
  const keepMember = (src: ts.SourceFile, m: ts.TypeElement, role: Role): string | undefined => {
    const text = m.getFullText(src);
    if (!role) return text;
    const name = memberName(m);
    const computed = (m as { name?: ts.PropertyName }).name;
    if (name === undefined && computed && ts.isComputedPropertyName(computed)) {
      // Symbol.xxx members: only the iterator of what for…of runs over.
      const ok = computed.expression.getText(src) === "Symbol.iterator" && role.side === "prototype" && iterable.has(role.global);
      return ok ? text : undefined;
    }
    if (role.global === "Symbol" && role.side === "static" && !exists("Symbol")) {
      // Type-only Symbol: its well-known symbols, nothing callable.
      return ts.isPropertySignature(m) && /unique symbol/.test(m.type?.getText(src) ?? "") ? text : undefined;
    }
    if (name === undefined) return exists(role.global) ? text : undefined; // call, construct, index signatures
    if (name === "prototype" && role.side === "static" && !prototypeReadable(result, role.global)) {
      dropped++;
      return undefined;
    }
    const id = role.side === "static" ? `${role.global}.${name}` : `${role.global}.prototype.${name}`;
    if (name === "prototype") return text;
    if (exists(id)) return MEMBER_SINCE[id] ? withSince(text, MEMBER_SINCE[id]) : text;
    dropped++;
    return undefined;
  };

  const renderInterface = (src: ts.SourceFile, s: ts.InterfaceDeclaration): string => {
    const role = roles.get(s.name.text);
    const head = src.text.slice(s.getFullStart(), s.members.pos);
    const members = s.members.map((m) => keepMember(src, m, role)).filter((t): t is string => t !== undefined);
    return `${head}${members.join("")}\n}`;
  };

  const renderStatement = (src: ts.SourceFile, s: ts.Statement): string | undefined => {
    if (ts.isInterfaceDeclaration(s)) return renderInterface(src, s);
    if (ts.isVariableStatement(s)) {
      const names = s.declarationList.declarations.map((d) => d.name.getText(src));
      if (names.length === 1 && names[0] === "Symbol" && !exists("Symbol")) {
        return "\n/** Type-only: Espruino has no Symbol. Declared so that `for…of` finds `Symbol.iterator`; `thincall check` flags any use. */\n"
          + s.getText(src);
      }
      return names.every(exists) ? s.getFullText(src) : undefined;
    }
    if (ts.isFunctionDeclaration(s)) return s.name && exists(s.name.text) ? s.getFullText(src) : undefined;
    if (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name) && s.body && ts.isModuleBlock(s.body)) {
      if (exists(s.name.text)) return s.getFullText(src);
      // A missing namespace (Intl, Reflect) keeps its types, which other declarations mention, and no values.
      const types = s.body.statements.filter((x) => ts.isInterfaceDeclaration(x) || ts.isTypeAliasDeclaration(x));
      if (types.length === 0) return undefined;
      const head = src.text.slice(s.getFullStart(), s.body.statements.pos);
      return `${head}${types.map((x) => x.getFullText(src)).join("")}\n}`;
    }
    return s.getFullText(src);
  };

  const parts: string[] = [];
  for (const f of files) {
    const body = f.source.statements.map((s) => renderStatement(f.source, s)).filter((t): t is string => t !== undefined);
    // The libs' license header and reference directives stay out; one header covers the file.
    const text = body.join("").replace(/^\s*\/\/\/\s*<reference[^>]*>\s*$/gm, "").replace(/\/\*![\s\S]*?\*\//g, "");
    parts.push(`// ---- from lib.${f.name}.d.ts ----\n${text.trim()}\n`);
  }
  const tsVersion = ts.version;
  return [
    "/// <reference no-default-lib=\"true\"/>",
    "/*",
    ` * Espruino ${result.espruinoVersion}'s standard built-ins: TypeScript ${tsVersion}'s lib declarations (ES5 to ${TOP_LIB.toUpperCase()}),`,
    " * keeping only what the probe found on the interpreter. Generated by scripts/check/device-lib.ts from",
    " * scripts/check/probe-results.json: do not edit by hand; re-run `npx thincall probe` after an Espruino release.",
    ` * ${dropped} member declarations were left out because the interpreter lacks them (or, for \`prototype\`, cannot read methods through it).`,
    " *",
    " * The declarations come from TypeScript's lib files: Copyright (c) Microsoft Corporation, Apache License 2.0.",
    " */",
    "",
    ...parts,
  ].join("\n");
}

/** Reads the committed probe result. */
export function readProbeFile(file = RESULTS_FILE): ProbeFile {
  return JSON.parse(readFileSync(file, "utf8")) as ProbeFile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(DEVICE_LIB_FILE, renderDeviceLib(readProbeFile()));
  console.log(`wrote ${DEVICE_LIB_FILE.pathname}`);
}
