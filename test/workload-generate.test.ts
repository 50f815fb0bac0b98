/**
 * Workloads and the style generator: a workload file's checks (one-line errors), the rewrites of
 * method bodies into each style's shape, that every generated style passes the Espruino check and
 * computes the same results (run here in Node, the core included), and that the built-in bench's
 * generated styles are current.
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { checkCode } from "../scripts/check/check.ts";
import { UserError } from "../scripts/errors.ts";
import { BUILTIN_STYLES_DIR, writeBuiltinStyles } from "../scripts/workload/builtin.ts";
import { generateStyles, showStyle, writeStyles } from "../scripts/workload/generate.ts";
import { loadWorkload, workloadFrom, type Workload } from "../scripts/workload/load.ts";

const ROOT = join(import.meta.dirname, "..");
const GARDEN = join(ROOT, "test", "fixtures", "workloads", "garden.ts");

/** A two-type workload written inline; `patch` changes its spec before it is read. */
function spec(patch: (s: any) => void = () => {}) {
  const s: any = {
    types: {
      Led: {
        share: 2,
        fields: { level: { kind: "u8", init: (i: number) => i % 200 }, on: { kind: "u8", init: 1 } },
        methods: {
          power(this: any) { return this.on ? this.level * 0.02 : 0; },
          dim(this: any, k: number) { this.level = this.level > k ? this.level - k : 0; },
        },
      },
      Motor: {
        fields: { rpm: { kind: "i16", init: (i: number) => 100 + i }, load: { kind: "f32", init: 0.5 } },
        methods: {
          power(this: any) { return this.rpm * this.load * 0.01; },
          dim(this: any, k: number) { this.rpm -= k; },
        },
      },
    },
    loops: [
      { name: "total power", call: "power", reduce: "sum" },
      { name: "dim", call: "dim", args: [1] },
    ],
  };
  patch(s);
  return s;
}

const read = (patch?: (s: any) => void) => workloadFrom(spec(patch), "w.ts");

function rejects(patch: (s: any) => void, message: RegExp): void {
  assert.throws(() => read(patch), (e: Error) => {
    assert.ok(e instanceof UserError, String(e));
    assert.ok(!e.message.includes("\n"), `one line: ${e.message}`);
    assert.match(e.message, message);
    return true;
  });
}

const style = (w: Workload, id: string) => {
  const s = generateStyles(w).styles.find((x) => x.id === id);
  assert.ok(s, `${id} generated`);
  return s;
};

test("a bad workload is one line naming the type, field or method and what to fix", () => {
  rejects((s) => delete s.types.Motor.methods.dim, /workload w\.ts: type Motor lacks method dim \(Led has it; every type has the same methods\)/);
  rejects((s) => (s.types.Led.fields.on.kind = "u12"), /Led\.on has kind "u12"; kinds: u8 i8 u16 i16 u32 i32 f32 f64/);
  rejects((s) => (s.types.Motor.methods.power = function (this: any) { return this.rpm ** 2; }), /Motor\.power .*exponent.* not supported by Espruino 2v2x/);
  rejects((s) => (s.types.Motor.methods.power = function (this: any) { return this.speed; }), /Motor\.power reads this\.speed, which is not a field of its type/);
  rejects((s) => (s.types.Motor.methods.power = () => 1), /Motor\.power is an arrow function/);
  rejects((s) => (s.types.Motor.methods.power = function (this: any) { return String(this); }), /Motor\.power uses `this` other than as this\.<field>/);
  rejects((s) => (s.loops[0].call = "speed"), /loop "total power" calls speed, which is not a method/);
  rejects((s) => (s.loops[1].args = []), /loop "dim" passes 0 argument\(s\); Led\.dim takes 1/);
  rejects((s) => (s.loops[0].reduce = "max"), /reduce is "max"; the only reduce is "sum"/);
  rejects((s) => (s.types.T = s.types.Motor), /type name T is a name the generated code uses/);
  rejects((s) => (s.types.Motor.fields.power = { kind: "u8", init: 1 }), /workload w\.ts: Motor\.power is both a field and a method; rename one$/);
});

test("types interleave by share, and init functions become expressions of the index", () => {
  const w = read();
  assert.deepEqual(w.pattern, [0, 1, 0]);
  assert.equal(w.types[0].fields[0].init, "(i%200)");
  assert.equal(w.types[1].fields[1].init, "0.5");
});

test("method bodies move into each style's shape: this.x becomes the style's own access", () => {
  const w = read();
  // Callable vtables: the first method reads this and is the vtable; the others take the object first.
  assert.match(style(w, "thin.vtable").code, /var LedVT = Methods\.impl\(\{\n {2}dim: function \(o, k\) \{[^\n]*\}\n\}, function \(\) \{return this\.on\?this\.level\*\.02:0\}\);/);
  assert.match(style(w, "thin.vtable").code, /dim: function \(o, k\) \{o\.rpm-=k\}/);
  // A tag table's methods read the object from their column's slot o, and take no receiver argument.
  assert.match(style(w, "thin.table").code, /power: function \(\) \{return this\.o\.on\?this\.o\.level\*\.02:0\}/);
  assert.match(style(w, "thin.table").code, /dim: function \(k\) \{this\.o\.rpm-=k\}/);
  assert.match(style(w, "js.class").code, /class Led \{\n  constructor\(level, on\) \{/);
  // A closure carries the fields as variables; a bound function takes them first.
  assert.match(style(w, "js.closure").code, /function LedPower\(level, on\) \{\n  return function \(\) \{return on\?level\*\.02:0\};/);
  assert.match(style(w, "js.bind").code, /function LedPower\(level, on\) \{return on\?level\*\.02:0\}/);
  // js.switch does the work inline, the loop's argument in place of the parameter.
  assert.match(style(w, "js.switch").code, /case 1:\n {8}o\.rpm-=1;?\n/);
  // Packed: the cursor moves on the last access when every call reaches it, else first.
  assert.match(style(w, "thin.packed").code, /function MotorPower\(\) \{return this\.rpm\[this\.i\]\*this\.load\[this\.i\+\+\]\*\.01\}/);
  assert.match(style(w, "thin.packed").code, /function LedPower\(\) \{\n  var j = this\.i\+\+;\n  return this\.on\[j\]\?this\.level\[j\]\*\.02:0/);
  // Grouped: one loop per type over its columns, for…of over the first column every call reads.
  assert.match(style(w, "thin.grouped").code, /function MotorPower\(\) \{\n  var rpm = this\.rpm, load = this\.load, s = 0, j = 0, x;\n  for \(x of rpm\.subarray\(0, this\.n\)\) s \+= x\*load\[j\+\+\]\*\.01;/);
  assert.match(style(w, "thin.grouped").code, /function LedDim\(k\) \{\n  var level = this\.level, n = this\.n;\n  for \(var j = 0; j < n; j\+\+\) \{level\[j\]=level\[j\]>k\?level\[j\]-k:0\}/);
});

test("a style that cannot take the workload says why; the others are still generated", () => {
  const w = read((s) => (s.types.Led.fields.t = { kind: "u8", init: 0 }));
  const { styles, skipped } = generateStyles(w);
  assert.deepEqual(skipped.map((x) => x.id).sort(), ["baseline.inline", "js.switch", "thin.packed", "thin.grouped", "thin.table"].sort());
  assert.match(skipped.find((x) => x.id === "thin.table")!.reason, /Led has a field t, the name tag\(\) carries the tag in/);
  assert.ok(styles.some((x) => x.id === "thin.vtable"));
  // A receiver named like a method's own variable is renamed.
  const v = read((s) => (s.types.Motor.methods.dim = function (this: any, k: number) { var o = k; this.rpm -= o; }));
  assert.match(style(v, "thin.vtable").code, /dim: function \(self, k\) \{var o=k;self\.rpm-=o\}/);
  // Single-method styles need a method that only reads.
  const m = read((s) => (s.loops = [{ name: "dim", call: "dim", args: [1] }]));
  assert.match(generateStyles(m).skipped.find((x) => x.id === "js.closure")!.reason, /Led\.dim writes fields/);
});

test("thin.vtable: the first method is the callable vtable's primary, never a default; the others keep o.v.m(o)", () => {
  // Both types' dim alike: a default of the trait; power (first) stays each type's own function.
  const same = read((s) => (s.types.Motor.methods.dim = s.types.Led.methods.dim = function (k: number) { return k; }));
  const code = style(same, "thin.vtable").code;
  assert.match(code, /var Methods = trait\(\)\(\{\n {2}dim: function \(o, k\) \{[^\n]*\}\n\}, "power"\);/);
  assert.match(code, /var LedVT = Methods\.impl\(\{\}, function \(\) \{return this\.on/);
  // A first method alike in every type is still each type's own: one function is the primary of one vtable.
  const alike = read((s) => (s.types.Motor.methods.power = s.types.Led.methods.power = function () { return 1; }));
  assert.doesNotMatch(style(alike, "thin.vtable").code, /power: function/);
  assert.equal(style(alike, "thin.vtable").code.match(/\}, function \(\) \{return 1\}\);/g)?.length, 2);
  // The loops: o.v() for the primary, o.v.dim(o, 1) for the others; the index and hoisted forms alike.
  const s = style(read(), "thin.vtable");
  assert.match(s.code, /s \+= o\.v\(\);/);
  assert.match(s.code, /o\.v\.dim\(o, 1\);/);
  assert.match(s.glue, /s \+= xs\[i\]\.v\(\);/);
  // A loop calling a method other than the first keeps o.v.method(o).
  const second = style(read((x) => (x.loops = [{ name: "dim", call: "dim", args: [1], reduce: "sum" }])), "thin.vtable");
  assert.match(second.code, /s \+= o\.v\.dim\(o, 1\);/);
  assert.match(second.glue, /s \+= \(o = xs\[i\]\)\.v\.dim\(o, 1\);/);
});

test("thin.table: the loop writes each object into its column's slot, A.o, and calls with no receiver argument", () => {
  const s = style(read(), "thin.table");
  assert.match(s.code, /function totalPowerLoop\(xs, n, r, A\) \{\n {2}A = A\.power;\n {2}var s = 0;\n {2}while \(r--\) for \(A\.o of xs\) s \+= A\[A\.o\.t\]\(\);/);
  assert.match(s.code, /A = A\.dim;\n {2}while \(r--\) for \(A\.o of xs\) A\[A\.o\.t\]\(1\);/);
  assert.doesNotMatch(s.code, /var A\.o|A\[o\.t\]\(o/);
  // The index loop writes the slot too; the hoisted loop (types of the same fields) calls the first
  // type's method with this = the column.
  assert.match(s.glue, /s \+= A\[\(A\.o = xs\[i\]\)\.t\]\(\);/);
  const alike = style(read((x) => {
    x.types.Motor.fields = x.types.Led.fields;
    x.types.Motor.methods = { power(this: any) { return this.level; }, dim(this: any, k: number) { this.level -= k; } };
  }), "thin.table");
  assert.match(alike.glue, /function totalPowerLoopHoisted\(xs, n, r, A, f\) \{\n {2}A = A\.power;\n {2}var s = 0;\n {2}while \(r--\) for \(A\.o of xs\) s \+= f\.call\(A\);/);
});

test("thin.vtable falls back to plain vtables when a later method is named like a function's own property", () => {
  const w = read((s) => {
    for (const t of Object.values(s.types) as any[]) {
      t.methods.bind = t.methods.dim;
      delete t.methods.dim;
    }
    s.loops[1].call = "bind";
  });
  const s = style(w, "thin.vtable");
  assert.match(s.about, /not callable: method bind is a name every function has/);
  assert.match(s.code, /var Methods = trait\(\)\(\);/);
  assert.match(s.code, /s \+= o\.v\.power\(o\);/);
});

test("the no-call baseline is generated only when every type does the same work", () => {
  assert.ok(generateStyles(read()).skipped.some((x) => x.id === "baseline.inline"));
  const one = read((s) => delete s.types.Motor);
  assert.match(style(one, "baseline.inline").code, /s \+= o\.on\?o\.level\*\.02:0;/);
});

test("every generated style passes the Espruino check, and --show prints it formatted", async () => {
  const w = await loadWorkload(GARDEN);
  for (const s of generateStyles(w).styles) {
    const code = (s.code + s.glue).replace(/^import .*$/gm, "").replace(/^export /gm, "");
    assert.deepEqual(checkCode(code).map((v) => `${v.rule} ${v.line}`), [], s.id);
  }
  const shown = await showStyle(w, "thin.vtable");
  assert.match(shown, /^\/\/ thin\.vtable for .*garden\.ts: a shared callable vtable per type, .*the first method, water, is the vtable itself, o\.v\(\)/);
  assert.match(shown, /var Methods = trait\(\)\(\{\}, "water"\);/);
  assert.match(shown, /var ValveVT = Methods\.impl\(\{\n {2}tick: function\(o, dt\) \{[^]*?\}, function\(\) \{\n {2}return this\.open \? this\.flow \* \.5 : 0;/);
  assert.match(shown, /s \+= o\.v\(\);/);
  assert.match(shown, /o\.v\.tick\(o, 1\);/);
  await assert.rejects(showStyle(w, "js.nope"), /no style js\.nope for .*garden\.ts; styles: js\.class, /);
});

/** Builds the styles' modules into a folder and runs them in Node, the core from src/. */
async function runAll(w: Workload, n: number): Promise<Map<string, (number | null)[]>> {
  const dir = mkdtempSync(join(tmpdir(), "thincall-gen-"));
  try {
    const styles = writeStyles(w, dir, join(ROOT, "src", "index.ts"));
    const harness = await import(pathToFileURL(join(ROOT, "firmware", "bench", "harness.ts")).href);
    const index = await import(pathToFileURL(join(dir, "index.ts")).href);
    const out = new Map<string, (number | null)[]>();
    for (const s of index.STYLES) out.set(s.id, harness.results(s, s.build(n), n, index.LOOPS).loops);
    assert.equal(out.size, styles.length);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("every generated style of a workload it was not written for computes the same result per loop", async () => {
  const results = await runAll(await loadWorkload(GARDEN), 90);
  const cls = results.get("js.class")!;
  assert.ok(cls.every((v) => typeof v === "number"));
  for (const [id, r] of results) {
    r.forEach((v, k) => {
      if (v === null) return assert.ok(["js.closure", "js.bind", "thin.func"].includes(id), `${id} lacks loop ${k}`);
      assert.ok(Math.abs(v - cls[k]!) <= 1e-6 * Math.abs(cls[k]!), `${id} loop ${k}: ${v}, js.class ${cls[k]}`);
    });
  }
});

test("the built-in bench's generated styles are current (npm run gen:bench rewrites them)", async () => {
  const dir = mkdtempSync(join(tmpdir(), "thincall-builtin-"));
  try {
    await writeBuiltinStyles(dir);
    const files = readdirSync(dir).sort();
    assert.deepEqual(readdirSync(BUILTIN_STYLES_DIR).sort(), files);
    for (const f of files) assert.equal(readFileSync(join(BUILTIN_STYLES_DIR, f), "utf8"), readFileSync(join(dir, f), "utf8"), `${f}: run npm run gen:bench`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
