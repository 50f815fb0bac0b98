/**
 * The truth tier's workload check, shared by the Linux build and the emulator: the fixture
 * workload (test/fixtures/workloads/garden.ts) run through `thincall bench --workload`, and an
 * independent count of the same objects' JsVars, written by hand (no generator involved).
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import type { BenchSummary } from "../../scripts/bench/schema.ts";
import { ROOT } from "./cli-helpers.ts";

/** The workload the generator was not written for. */
export const GARDEN = join(ROOT, "test", "fixtures", "workloads", "garden.ts");

/** Every style the generator makes for it. */
export const GARDEN_STYLES = [
  "js.class", "js.prototype", "js.literal-closures", "js.literal-shared", "js.closure", "js.bind", "js.switch",
  "thin.func", "thin.vtable", "thin.table", "thin.packed", "thin.grouped",
];

/**
 * A program printing `COUNT <class> <vtable>`: JsVars per object, by process.memory() usage over
 * `n` objects pushed into an Array, of the garden's types as class instances and as vtable objects.
 */
export function gardenProbe(n: number): string {
  return [
    "class V{constructor(f,o){this.flow=f;this.open=o}}",
    "class M{constructor(r,g,o){this.rpm=r;this.gain=g;this.on=o}}",
    "class S{constructor(a,h){this.arc=a;this.head=h}}",
    "var VV={},MV={},SV={},P=[0,1,2,0];",
    `function count(make){var a=[];var u=process.memory().usage;for(var i=0;i<${n};i++)a.push(make(i));` +
      `var d=process.memory().usage-u;return (d/${n}).toFixed(3)}`,
    'print("COUNT "+count(function(i){var t=P[i%4];return t==0?new V(10+i%40,1):t==1?new M(200-i%90,0.25,i&1):new S(i%12*15,-3)})+" "+' +
      "count(function(i){var t=P[i%4];return t==0?{flow:10+i%40,open:1,v:VV}:t==1?{rpm:200-i%90,gain:0.25,on:i&1,v:MV}:{arc:i%12*15,head:-3,v:SV}}));",
  ].join("\n");
}

/** Every generated style ran, and each loop's result is the same in all of them (within 1e-6). */
export function assertGardenRun(s: BenchSummary, lines: Record<string, any>[]): void {
  assert.deepEqual(s.problems, [], "results agree per loop, the end count matches");
  assert.equal(s.engine, "espruino");
  assert.deepEqual(s.styles.map((x) => x.id), GARDEN_STYLES);
  for (const x of s.styles) assert.equal(x.error, null, `${x.id}: ${x.error}`);
  const results = lines.filter((l) => l.t === "result");
  const cls = results.find((r) => r.id === "js.class")!;
  for (const r of results) {
    for (const [k, loop] of (r.loops as { name: string; sum: number | null }[]).entries()) {
      if (loop.sum === null) continue;
      const want = cls.loops[k].sum as number;
      assert.ok(Math.abs(loop.sum - want) <= 1e-6 * Math.abs(want), `${r.id} ${loop.name}: ${loop.sum}, js.class ${want}`);
    }
  }
}

/** js.class and thin.vtable's JsVars per object match the independent count (±0.1). */
export function assertGardenMemory(s: BenchSummary, countLine: string): void {
  const [cls, vtable] = countLine.split(" ").slice(1).map(Number);
  const by = Object.fromEntries(s.styles.map((x) => [x.id, x]));
  assert.ok(Math.abs(by["js.class"].varsPerObject! - cls) <= 0.1, `js.class ${by["js.class"].varsPerObject} vs ${cls}`);
  assert.ok(Math.abs(by["thin.vtable"].varsPerObject! - vtable) <= 0.1, `thin.vtable ${by["thin.vtable"].varsPerObject} vs ${vtable}`);
}
