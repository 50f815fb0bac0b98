/**
 * `thincall bench --workload` on the virtual board, as a user with their own types: every
 * generated style runs and agrees per loop, `--show` prints a style's code, and a bad workload
 * file is one line. Figures here are QuickJS's: only the plumbing is checked.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, test } from "node:test";
import { checkCode } from "../scripts/check/check.ts";
import { errorLines, killAllCli, ROOT, runCli, tempDir } from "./support/cli-helpers.ts";

const GARDEN = join(ROOT, "test", "fixtures", "workloads", "garden.ts");
const STYLES = [
  "js.class", "js.prototype", "js.literal-closures", "js.literal-shared", "js.closure", "js.bind", "js.switch",
  "thin.func", "thin.vtable", "thin.table", "thin.packed", "thin.grouped",
];

const tmp = tempDir();
after(() => {
  killAllCli();
  tmp.remove();
});

test("bench --workload runs every generated style, each loop's result equal across styles", async () => {
  const out = tmp.path("garden.jsonl");
  const r = await runCli(["bench", "--workload", GARDEN, "--quick", "--json", "--out", out], { timeoutMs: 300000 });
  assert.equal(r.code, 0, r.stderr);
  const summary = JSON.parse(r.stdout) as { problems: string[]; n: number; styles: { id: string; error: string | null }[] };
  assert.deepEqual(summary.problems, []);
  assert.equal(summary.n, 90, "the workload's n");
  assert.deepEqual(summary.styles.map((s) => s.id), STYLES);
  for (const s of summary.styles) assert.equal(s.error, null, s.id);
  const lines = readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
  assert.match(lines[0].command, /--workload .*garden\.ts/);
  assert.deepEqual(lines.find((l) => l.t === "hello")!.loops, ["water", "tick"]);
  const results = lines.filter((l) => l.t === "result");
  const cls = results.find((l) => l.id === "js.class")!;
  for (const res of results) {
    assert.deepEqual(res.loops.map((l: { name: string }) => l.name), ["water", "tick"], res.id);
    assert.ok(Math.abs(res.loops[0].sum - cls.loops[0].sum) <= 1e-6 * Math.abs(cls.loops[0].sum), res.id);
    assert.equal(res.forOfUs, res.loops[0].us, `${res.id}: forOfUs is the first loop`);
  }
});

test("bench --show prints one style's code, formatted, passing the Espruino check; no board needed", async () => {
  const r = await runCli(["bench", "--workload", GARDEN, "--show", "thin.grouped", "--port", "/dev/nonexistent"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^\/\/ thin\.grouped for .*garden\.ts/);
  assert.match(r.stdout, /for \(x of on\.subarray\(0, this\.n\)\) s \+= x \* rpm\[j\] \* gain\[j\+\+\];/);
  assert.deepEqual(checkCode(r.stdout.replace(/^import .*$/m, "")), []);
  const builtin = await runCli(["bench", "--show", "thin.vtable"]);
  assert.equal(builtin.code, 0, builtin.stderr);
  assert.match(builtin.stdout, /var Methods = trait\(\)\(\{\n {2}grow: function\(o, k\) \{[^]*\}, "area"\);/);
  assert.match(builtin.stdout, /s \+= o\.v\(\);/);
  // Everything but the import line (which thincall build resolves) passes the Espruino check.
  assert.deepEqual(checkCode(builtin.stdout.replace(/^import .*$/m, "")), []);
});

test("a bad workload file is a one-line error and a non-zero exit", async () => {
  const file = tmp.path("bad.ts");
  writeFileSync(
    file,
    `export default {\n  types: {\n    A: { fields: { x: { kind: "u8", init: 1 } }, methods: { f() { return this.x; }, g() { this.x++; } } },\n` +
      `    B: { fields: { x: { kind: "u8", init: 2 } }, methods: { f() { return this.x; } } },\n  },\n  loops: [{ name: "f", call: "f", reduce: "sum" }],\n};\n`,
  );
  const r = await runCli(["bench", "--workload", file, "--port", "virtual"]);
  assert.equal(r.code, 1);
  assert.deepEqual(errorLines(r.stderr), [`thincall: workload ${file}: type B lacks method g (A has it; every type has the same methods)`]);
  const skipped = await runCli(["bench", "--workload", GARDEN, "--styles", "baseline.inline", "--port", "virtual"]);
  assert.equal(skipped.code, 1);
  assert.match(errorLines(skipped.stderr).join("\n"), /^thincall: baseline\.inline does not apply to .*garden\.ts: the types' water differ/);
  const missing = await runCli(["bench", "--workload", tmp.path("none.ts")]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /workload .*none\.ts: no such file/);
});
