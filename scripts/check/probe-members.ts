/**
 * Probes every member from `lib-members.ts` on the real interpreter with one script: for each
 * global, `typeof` of the global, of each static, and of each prototype member (read from a sample
 * instance, so primitives and accessors answer too). The script only uses what Espruino runs.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import { libMembers, type LibMember } from "./lib-members.ts";

/** What the interpreter said about one member. */
export interface MemberResult {
  /** `typeof` on the interpreter: "function", "number", "object", "undefined", or "throws". */
  typeof: string;
  /** The TypeScript lib that declares it (`es2019.array`). */
  lib: string;
  /** Declared as a method there, so `x.name(…)` calls it. */
  method?: true;
  /**
   * For prototype members: `typeof X.prototype.name`, read through the constructor's `prototype`
   * rather than an instance. On Espruino only `Object.prototype`'s own members answer there.
   */
  viaPrototype?: string;
}

/** A sample instance per global, so prototype members are read the way a program reads them. */
const SAMPLES: Record<string, string> = {
  Object: "({})", Function: "(function(){})", String: "'ab'", Boolean: "true", Number: "1.5", Array: "[1,2]",
  Date: "new Date()", RegExp: "/a/g", Promise: "Promise.resolve(1)", Symbol: "Symbol('x')", BigInt: "BigInt(1)",
  DataView: "new DataView(new ArrayBuffer(8))", ArrayBuffer: "new ArrayBuffer(8)", SharedArrayBuffer: "new SharedArrayBuffer(8)",
  AggregateError: "new AggregateError([])", WeakRef: "new WeakRef({})", FinalizationRegistry: "new FinalizationRegistry(function(){})",
};
const sampleOf = (g: string) => SAMPLES[g] ?? (/Error$/.test(g) ? `new ${g}('m')` : /Array$/.test(g) ? `new ${g}(2)` : `new ${g}()`);

// ES5 only, no function hoisting: the interpreter runs it from top to bottom.
const PRELUDE = `var M=function(g,inst,st,pr){
var G,I,o={},i,t;
try{G=eval(g)}catch(e){}
o[g]=typeof G;
for(i=0;i<st.length;i++){try{t=G===undefined?"undefined":typeof G[st[i]]}catch(e){t="throws"}o[g+"."+st[i]]=t}
if(pr.length){try{I=eval(inst)}catch(e){I=G&&G.prototype}
for(i=0;i<pr.length;i++){try{t=I===undefined||I===null?"undefined":typeof I[pr[i]];if(t=="undefined"&&G&&G.prototype)t=typeof G.prototype[pr[i]]}catch(e){t="throws"}o[g+".prototype."+pr[i]]=t}
var P={};for(i=0;i<pr.length;i++){try{t=G&&G.prototype?typeof G.prototype[pr[i]]:"undefined"}catch(e){t="throws"}P[g+".prototype."+pr[i]]=t}
console.log("@@P "+JSON.stringify(P));}
console.log("@@G "+JSON.stringify(o));
};
`;

/** The probe script for `members`: one call per global. */
export function memberProbeScript(members: LibMember[]): string {
  const byGlobal = new Map<string, { st: string[]; pr: string[] }>();
  for (const m of members) {
    const g = byGlobal.get(m.global) ?? { st: [], pr: [] };
    if (m.kind === "static") g.st.push(m.name);
    if (m.kind === "prototype") g.pr.push(m.name);
    byGlobal.set(m.global, g);
  }
  const calls = [...byGlobal].map(([g, { st, pr }]) =>
    `M(${JSON.stringify(g)},${JSON.stringify(sampleOf(g))},${JSON.stringify(st)},${JSON.stringify(pr)});`);
  return `${PRELUDE}${calls.join("\n")}\nconsole.log("@@END "+process.version);\n`;
}

/** Parses the script's output into member id → result; every member must have answered. */
export function parseMemberOutput(out: string, members: LibMember[]): { version: string; results: Record<string, MemberResult> } {
  const seen: Record<string, string> = {};
  const viaPrototype: Record<string, string> = {};
  for (const line of out.split(/\r?\n/)) {
    const m = /^@@([GP]) (.*)$/.exec(line.trim());
    if (m) Object.assign(m[1] === "G" ? seen : viaPrototype, JSON.parse(m[2]) as Record<string, string>);
  }
  const version = /@@END (\S+)/.exec(out)?.[1];
  if (!version) throw new UserError(`the member probe did not finish: ${out.split("\n").find((l) => /Uncaught|Error/.test(l)) ?? "no output"}`);
  const results: Record<string, MemberResult> = {};
  for (const m of members) {
    const t = seen[m.id];
    if (t === undefined) throw new UserError(`the member probe gave no answer for ${m.id}`);
    results[m.id] = m.method ? { typeof: t, lib: m.lib, method: true } : { typeof: t, lib: m.lib };
    if (m.kind === "prototype") {
      if (viaPrototype[m.id] === undefined) throw new UserError(`the member probe gave no answer for ${m.id} through its prototype`);
      results[m.id].viaPrototype = viaPrototype[m.id];
    }
  }
  return { version, results };
}

/** Runs `script` on the interpreter in a scratch folder until it prints `@@END` (or 60 s pass). */
export function runUntilEnd(bin: string, script: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "thincall-members-"));
  const file = join(dir, "members.js");
  writeFileSync(file, script);
  return new Promise((resolve, reject) => {
    // Stdin stays an open pipe (a closed one can make the interpreter fail); cwd keeps espruino.flash out of the way.
    const child = spawn(bin, [file], { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), 60000);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      if (/@@END \S+\s/.test(out)) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("close", () => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      resolve(out);
    });
  });
}

/** Probes every lib member on the interpreter at `bin`. */
export async function probeMembers(bin: string, members = libMembers()): Promise<{ version: string; results: Record<string, MemberResult> }> {
  return parseMemberOutput(await runUntilEnd(bin, memberProbeScript(members)), members);
}
