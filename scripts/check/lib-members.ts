/**
 * Every member of every standard built-in, read from TypeScript's own lib declarations
 * (`lib.es2023.d.ts` and every lib it references, down to `lib.es5.d.ts`): the globals, their
 * statics, and their prototype members. This list is what `probe.ts` asks the interpreter about,
 * so nobody has to think of a member for it to be probed.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";

/** The newest ECMAScript lib probed; everything it references is read too. */
export const TOP_LIB = "es2023";

/** Folder of TypeScript's lib files. */
export const LIB_DIR = dirname(createRequire(import.meta.url).resolve("typescript/lib/lib.es5.d.ts"));

/** One lib file: its name (`es2015.core`) and parsed source. */
export interface LibFile {
  name: string;
  source: ts.SourceFile;
}

/** The lib files in dependency order (a file comes after the libs it references). */
export function libFiles(top = TOP_LIB): LibFile[] {
  const seen = new Set<string>();
  const out: LibFile[] = [];
  const visit = (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const text = readFileSync(join(LIB_DIR, `lib.${name}.d.ts`), "utf8");
    const source = ts.createSourceFile(`lib.${name}.d.ts`, text, ts.ScriptTarget.Latest, true);
    for (const ref of source.libReferenceDirectives) visit(ref.fileName.toLowerCase());
    out.push({ name, source });
  };
  visit(top);
  return out;
}

/** What a member id names. */
export type MemberKind = "global" | "static" | "prototype";

/** One probed member: `Array`, `Array.from`, `Array.prototype.at`. */
export interface LibMember {
  /** `Array`, `Array.from` or `Array.prototype.at`. */
  id: string;
  kind: MemberKind;
  /** The global it hangs off. */
  global: string;
  /** Member name (the global's own name for kind "global"). */
  name: string;
  /** The first lib file that declares it, e.g. `es2022.array`. */
  lib: string;
  /** Declared as a method (or function): a call `x.name(…)` uses it. */
  method: boolean;
}

/** A member's plain name, or undefined for computed (`[Symbol.iterator]`) and unnamed members. */
export function memberName(m: ts.TypeElement | ts.Statement): string | undefined {
  const name = (m as { name?: ts.PropertyName }).name;
  if (!name) return undefined;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** Name of a type reference (`ArrayConstructor`, `Array<any>` → `Array`), or undefined. */
export function typeRefName(t: ts.TypeNode | undefined): string | undefined {
  if (t && ts.isArrayTypeNode(t)) return "Array";
  return t && ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName) ? t.typeName.text : undefined;
}

/** One member of a lib interface. */
export interface InterfaceMember {
  name: string;
  lib: string;
  node: ts.TypeElement;
}

/** True when the member is a method or a function-typed property. */
export const isMethod = (m: ts.TypeElement): boolean =>
  ts.isMethodSignature(m) || (ts.isPropertySignature(m) && !!m.type && ts.isFunctionTypeNode(m.type));

/** Interfaces by name, each with the members every lib file adds to it (and where). */
export function interfaceMembers(files: LibFile[]): Map<string, InterfaceMember[]> {
  const out = new Map<string, InterfaceMember[]>();
  for (const f of files) {
    for (const s of f.source.statements) {
      if (!ts.isInterfaceDeclaration(s)) continue;
      const list = out.get(s.name.text) ?? [];
      for (const m of s.members) {
        const name = memberName(m);
        if (name) list.push({ name, lib: f.name, node: m });
      }
      out.set(s.name.text, list);
    }
  }
  return out;
}

/** How each global's two sides are typed: its static interface and its instances' interface. */
export interface GlobalShape {
  global: string;
  lib: string;
  /** Interface declaring the statics (`ArrayConstructor`, `Math`), if any. */
  staticType?: string;
  /** Interface of `prototype` (`Array`), if any. */
  instanceType?: string;
  /** Statics declared directly (namespace members such as `Reflect.has`). */
  namespaceMembers?: string[];
  /** The global itself is a function (`parseInt`). */
  isFunction?: boolean;
}

/** Every global value the libs declare, with the interfaces describing it. */
export function globalShapes(files: LibFile[]): GlobalShape[] {
  const interfaces = interfaceMembers(files);
  const shapes = new Map<string, GlobalShape>();
  const add = (shape: GlobalShape) => {
    const old = shapes.get(shape.global);
    if (!old) shapes.set(shape.global, shape);
    else if (shape.namespaceMembers) old.namespaceMembers = [...(old.namespaceMembers ?? []), ...shape.namespaceMembers];
  };
  for (const f of files) {
    for (const s of f.source.statements) {
      if (ts.isVariableStatement(s)) {
        for (const d of s.declarationList.declarations) {
          if (!ts.isIdentifier(d.name)) continue;
          const staticType = typeRefName(d.type);
          const proto = staticType ? interfaces.get(staticType)?.find((m) => m.name === "prototype") : undefined;
          const instanceType = proto && ts.isPropertySignature(proto.node) ? typeRefName(proto.node.type) : undefined;
          add({ global: d.name.text, lib: f.name, staticType, instanceType });
        }
      } else if (ts.isFunctionDeclaration(s) && s.name) {
        add({ global: s.name.text, lib: f.name, isFunction: true });
      } else if (ts.isModuleDeclaration(s) && ts.isIdentifier(s.name) && s.body && ts.isModuleBlock(s.body)) {
        const names = s.body.statements.flatMap((x) =>
          ts.isFunctionDeclaration(x) && x.name ? [x.name.text]
            : ts.isVariableStatement(x) ? x.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []))
              : [],
        );
        if (names.length > 0) add({ global: s.name.text, lib: f.name, namespaceMembers: names });
      }
    }
  }
  return [...shapes.values()];
}

/** Every global, static and prototype member the libs declare, without duplicates. */
export function libMembers(files = libFiles()): LibMember[] {
  const interfaces = interfaceMembers(files);
  const out = new Map<string, LibMember>();
  const add = (m: LibMember) => {
    if (!out.has(m.id)) out.set(m.id, m);
  };
  for (const g of globalShapes(files)) {
    add({ id: g.global, kind: "global", global: g.global, name: g.global, lib: g.lib, method: !!g.isFunction });
    for (const name of g.namespaceMembers ?? []) add({ id: `${g.global}.${name}`, kind: "static", global: g.global, name, lib: g.lib, method: true });
    for (const m of (g.staticType && interfaces.get(g.staticType)) || []) {
      if (m.name === "prototype") continue;
      add({ id: `${g.global}.${m.name}`, kind: "static", global: g.global, name: m.name, lib: m.lib, method: isMethod(m.node) });
    }
    for (const m of (g.instanceType && interfaces.get(g.instanceType)) || []) {
      add({ id: `${g.global}.prototype.${m.name}`, kind: "prototype", global: g.global, name: m.name, lib: m.lib, method: isMethod(m.node) });
    }
  }
  return [...out.values()];
}
