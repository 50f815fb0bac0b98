/**
 * The probe of every standard built-in member, and what is derived from it: the check's built-in
 * rules and the device typings must agree with the probe for every member.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import ts from "typescript";
import { checkCode } from "../scripts/check/check.ts";
import { DEVICE_LIB_FILE, memberExists, readProbeFile, renderDeviceLib } from "../scripts/check/device-lib.ts";
import { globalShapes, interfaceMembers, libFiles, libMembers } from "../scripts/check/lib-members.ts";
import { memberProbeScript, parseMemberOutput, probeMembers } from "../scripts/check/probe-members.ts";
import { RULES } from "../scripts/check/rules.ts";

const files = libFiles();
const members = libMembers(files);
const probe = readProbeFile();
const TYPES = new URL("../types/espruino.d.ts", import.meta.url).pathname;

/** Members the issue found missing on Espruino 2v29, which the old hand-picked probe passed. */
const ISSUE_MISSING = [
  "Array.prototype.reduceRight", "Array.prototype.lastIndexOf", "Number.prototype.toPrecision",
  "String.prototype.localeCompare", "String.prototype.trimEnd", "String.prototype.matchAll",
  "Number.parseFloat", "Promise.race", "Uint8Array.from", "Object.isExtensible", "Math.log2",
];

/** Declared for the type checker only (the well-known symbols `for…of` resolves through), never callable. */
const TYPE_ONLY = new Set(["Symbol", "Symbol.iterator", "Symbol.asyncIterator", "Symbol.hasInstance", "Symbol.isConcatSpreadable",
  "Symbol.match", "Symbol.matchAll", "Symbol.replace", "Symbol.search", "Symbol.species", "Symbol.split", "Symbol.toPrimitive",
  "Symbol.toStringTag", "Symbol.unscopables"]);

test("the member list comes from TypeScript's libs, ES5 to ES2023", () => {
  assert.equal(files[0].name, "decorators");
  for (const lib of ["es5", "es2015.core", "es2019.array", "es2022.array", "es2023.array"]) assert.ok(files.some((f) => f.name === lib), lib);
  assert.ok(!files.some((f) => /dom|esnext|es2024/.test(f.name)), "no DOM, no ES2024+");
  const ids = new Set(members.map((m) => m.id));
  for (const id of [...ISSUE_MISSING, "Map", "Array.prototype.at", "Object.keys", "JSON.stringify", "Function.prototype.bind"]) assert.ok(ids.has(id), id);
  assert.ok(members.length > 800, `${members.length} members`);
});

test("every listed member has been probed, and the probe found what the issue reports missing", () => {
  assert.deepEqual(Object.keys(probe.members).sort(), members.map((m) => m.id).sort());
  for (const id of ISSUE_MISSING) assert.equal(memberExists(probe, id), false, id);
  for (const id of ["Array.prototype.map", "Object.assign", "Math.sqrt", "String.prototype.padStart", "Promise.all"]) assert.equal(memberExists(probe, id), true, id);
});

test("the probe script's output is read per member, and a missing answer is an error", () => {
  const some = members.filter((m) => m.global === "Math").slice(0, 3);
  const script = memberProbeScript(some);
  assert.match(script, /^M\("Math",/m);
  const answers = Object.fromEntries(some.map((m) => [m.id, m.id === "Math" ? "object" : "function"]));
  const parsed = parseMemberOutput(`junk\n@@G ${JSON.stringify(answers)}\n@@END 2v29\n`, some);
  assert.equal(parsed.version, "2v29");
  assert.equal(parsed.results[some[1].id].typeof, "function");
  assert.throws(() => parseMemberOutput("@@G {}\n@@END 2v29\n", some), /no answer for Math/);
  assert.throws(() => parseMemberOutput("Uncaught Error: boom\n", some), /did not finish: Uncaught Error: boom/);
});

test("types/espruino-lib.d.ts is generated from the probe result (npx tsx scripts/check/device-lib.ts)", () => {
  assert.equal(readFileSync(DEVICE_LIB_FILE, "utf8"), renderDeviceLib(probe, files));
});

/**
 * Instance members the generated lib declares, by global: its instance interface's members. (The
 * typings leave `X.prototype` out, as Espruino cannot read methods through it, so instance
 * members are looked up in the declarations rather than reached through `prototype`.)
 */
function typedInstanceMembers(): Map<string, Set<string>> {
  const text = readFileSync(DEVICE_LIB_FILE, "utf8");
  const source = ts.createSourceFile("espruino-lib.d.ts", text, ts.ScriptTarget.Latest, true);
  const declared = interfaceMembers([{ name: "espruino-lib", source }]);
  const out = new Map<string, Set<string>>();
  for (const g of globalShapes(files)) {
    if (g.instanceType) out.set(g.global, new Set((declared.get(g.instanceType) ?? []).map((m) => m.name)));
  }
  return out;
}

/** Line of each member's use in a program, and TypeScript's errors for that program. */
function typeCheckEveryMember(): { lineOf: Map<string, number>; errorLines: Set<number> } {
  const instance = typedInstanceMembers();
  const access = (id: string) => {
    const [g, ...rest] = id.split(".");
    if (rest[0] === "prototype" && rest.length === 2) return instance.get(g)?.has(rest[1]) ? "0" : "notDeclared";
    return rest.length === 0 ? g : `${g}[${JSON.stringify(rest[0])}]`;
  };
  const lineOf = new Map<string, number>();
  const lines = members.map((m, i) => {
    lineOf.set(m.id, i);
    return `void ${access(m.id)};`;
  });
  const text = lines.join("\n") + "\nexport {};\n";
  const name = "/virtual/every-member.ts";
  const options: ts.CompilerOptions = { noLib: true, strict: true, target: ts.ScriptTarget.ES2015, module: ts.ModuleKind.ESNext, types: [], noEmit: true };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang) => (f === name ? ts.createSourceFile(f, text, lang) : read(f, lang));
  const program = ts.createProgram({ rootNames: [name, TYPES], options, host });
  const errorLines = new Set<number>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    if (d.file?.fileName === name && d.start !== undefined) errorLines.add(d.file.getLineAndCharacterOfPosition(d.start).line);
  }
  return { lineOf, errorLines };
}

test("the typings declare exactly the members the probe found (type-only Symbol aside)", () => {
  const { lineOf, errorLines } = typeCheckEveryMember();
  const disagree: string[] = [];
  for (const m of members) {
    const typed = !errorLines.has(lineOf.get(m.id)!);
    const expected = memberExists(probe, m.id) || TYPE_ONLY.has(m.id);
    if (typed !== expected) disagree.push(`${m.id}: typed ${typed}, on the interpreter ${memberExists(probe, m.id)}`);
  }
  assert.deepEqual(disagree, []);
});

test("the typings offer no reads through a built-in's prototype but Object's (Espruino cannot read methods there)", () => {
  const text = readFileSync(DEVICE_LIB_FILE, "utf8");
  const source = ts.createSourceFile("espruino-lib.d.ts", text, ts.ScriptTarget.Latest, true);
  const declared = interfaceMembers([{ name: "espruino-lib", source }]);
  const withPrototype = globalShapes(files).filter((g) => g.staticType && declared.get(g.staticType)?.some((m) => m.name === "prototype")).map((g) => g.global);
  // Boolean's one member, valueOf, is Object.prototype's: it answers there.
  assert.deepEqual(withPrototype, ["Object", "Boolean"]);
});

test("the check flags every missing global and static, and calls of method names no built-in has", () => {
  const ruleIds = new Set(RULES.map((r) => r.id));
  const present = new Set(members.filter((m) => m.kind !== "global" && memberExists(probe, m.id)).map((m) => m.name));
  const wrong: string[] = [];
  for (const m of members) {
    const exists = memberExists(probe, m.id);
    const globalExists = memberExists(probe, m.global);
    let code: string;
    let expectFlag: boolean;
    if (m.kind === "global") [code, expectFlag] = [`var x = ${m.id};`, !exists];
    else if (m.kind === "static") [code, expectFlag] = [`var x = ${m.global}[${JSON.stringify(m.name)}];`, !exists || !globalExists];
    else {
      // A method call by name: flagged only when no present built-in has the name (JavaScript does not say which it is).
      if (!m.method || !globalExists) continue;
      [code, expectFlag] = [`var v = {}; v.x = 1; g(v); v[${JSON.stringify(m.name)}]();function g(){}`, !present.has(m.name)];
    }
    const flagged = checkCode(code).some((v) => v.rule.startsWith("builtin-") || v.rule.startsWith("method-"));
    if (flagged !== expectFlag) wrong.push(`${m.id}: flagged ${flagged}`);
  }
  assert.deepEqual(wrong, []);
  for (const name of ["reduceRight", "toPrecision", "localeCompare", "trimEnd", "matchAll"]) assert.ok(ruleIds.has(`method-${name}`), name);
});

test("the issue's members are flagged in JavaScript at their line", () => {
  const code = [
    "var xs = [3, 1];",
    "xs.reduceRight(function (a, b) { return a + b; });",
    "(1.5).toPrecision(2);",
    "'a'.localeCompare('b');",
    "' a '.trimEnd();",
    "'ab'.matchAll(/a/g);",
    "Number.parseFloat('1');",
    "Promise.race([]);",
    "Uint8Array.from([1]);",
    "Object.isExtensible({});",
    "Math.log2(8);",
  ].join("\n");
  const lines = checkCode(code).map((v) => v.line);
  assert.deepEqual(lines, [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
});

test("a user's own method of a missing name: defined in the program, or allowed by a comment", () => {
  assert.deepEqual(checkCode("var o = { at: function (i) { return i; } };\no.at(1);"), []);
  assert.deepEqual(checkCode("class Q { toPrecision() { return 1; } }\nnew Q().toPrecision();"), []);
  assert.deepEqual(checkCode("lib.at(1); // thincall-allow"), []);
  assert.deepEqual(checkCode("/* thincall-allow: at, flat */\nlib.at(1);\nlib.flat();"), []);
  assert.equal(checkCode("lib.at(1);\nlib.flat(); // thincall-allow")[0]?.rule, "method-at");
  assert.equal(checkCode("lib.at(1);\nlib.flat(); // thincall-allow").length, 1);
});

test("re-probing the real interpreter gives the committed member result", {
  skip: process.env.ESPRUINO_BIN ? false : "ESPRUINO_BIN not set: skipping the member probe on the real Espruino interpreter",
}, async () => {
  const { results } = await probeMembers(process.env.ESPRUINO_BIN!, members);
  assert.deepEqual(results, probe.members);
});
