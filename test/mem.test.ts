/** `thincall mem` without a board: the probe's lines into a map, budgets, the bench's fit, the renderers, and the CLI on the virtual board. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { fitsInRam, storageNote } from "../scripts/bench/fit.ts";
import { budgetNote, resolveRunTarget } from "../scripts/boards/budget.ts";
import { loadAllBoards, loadBoard } from "../scripts/boards/profile.ts";
import { engineSizing } from "../scripts/commands/bench.ts";
import { reserveFreeJsVars } from "../scripts/console/reserve.ts";
import { addProbeLine, memMapOf, newProbeLines, programJsVars, type MemMap } from "../scripts/mem/map.ts";
import { MEM_PREFIX, probeLine } from "../scripts/mem/probe.ts";
import { thinCosts } from "../scripts/mem/thin-cost.ts";
import { memJson, renderMemHtml, renderMemTable, type MemReport } from "../scripts/report/mem-report.ts";
import { errorLines, killAllCli, ROOT, runCli } from "./support/cli-helpers.ts";

after(killAllCli);

/** What the probe printed on the emulator for a class array, with an esp32 budget's reservation. */
const LINES = [
  'pre {"free":2193,"usage":9807,"total":12000,"history":0,"blocksize":14}',
  'mem {"usage":10391,"free":1609,"total":12000,"blocksize":14,"history":0,"base":8901,"rsv":8797,"own":4,"reach":9791}',
  'g {"name":"\\u00FF","size":8849,"kind":"internal"}',
  'g {"name":"Box","size":23,"kind":"code"}',
  'g {"name":"boxes","size":625,"kind":"array"}',
  'g {"name":"Array","size":8,"kind":"builtin"}',
  'grp {"in":"boxes","of":"new Box","count":100,"per":6,"fields":["w","h"],"methods":["area","scale"],"numbers":2,"thin":{"thin.func":5,"thin.vtable":5,"thin.table":5}}',
  'end {"usage":10500}',
];

function mapOf(lines = LINES): MemMap {
  const into = newProbeLines();
  for (const l of lines) assert.equal(addProbeLine(into, MEM_PREFIX + l), true);
  const map = memMapOf(into);
  assert.ok(typeof map !== "string", String(map));
  return map;
}

test("the probe's lines make a map; a budget's reservation and the probe's own baseline are left out of every figure", () => {
  const into = newProbeLines();
  assert.equal(addProbeLine(into, "hello from the program"), false, "the program's own output is not the probe's");
  const map = mapOf();
  assert.equal(map.totals.usage, 9807 - 8797 - 4);
  assert.equal(map.totals.total, 12000 - 8797);
  assert.equal(programJsVars(map.totals), 9807 - 8901);
  assert.equal(map.totals.reachable, 9791 - 8797 - 4);
  assert.deepEqual(map.globals.map((g) => [g.name, g.kind, g.jsvars]), [
    ["boxes", "data", 625], ["(Espruino's hidden root)", "internal", 8849 - 8797 - 4], ["Box", "code", 23], ["Array", "builtin", 8],
  ]);
  assert.equal(map.totals.probe, 10500 - 9807 + 4);
});

test("a probe cut short says how far it got", () => {
  const into = newProbeLines();
  for (const l of LINES.slice(0, 4)) addProbeLine(into, MEM_PREFIX + l);
  assert.equal(memMapOf(into), "the probe stopped after 2 global(s) and 0 group(s)");
  assert.equal(memMapOf(newProbeLines()), "the probe printed no totals");
});

test("thin costs: built on the board for the object styles, the packed store from its bytes at the block size", () => {
  const g = mapOf().groups[0];
  assert.deepEqual(thinCosts(g, 14), { "thin.func": 5, "thin.vtable": 5, "thin.table": 5, "thin.packed": 9 / 14 });
  assert.equal(thinCosts({ ...g, numbers: 1 }, 14)["thin.packed"], null, "a non-number field does not pack");
});

test("the probe is one line of device code and takes its depth and group size", () => {
  const line = probeLine(2, 8);
  assert.doesNotMatch(line, /\n/);
  assert.match(line, /\}\)\(2,8\);$/);
});

const REPORT: MemReport = { schema: "thincall.mem/1", file: "fw.js", board: "emu", budget: "esp32", engine: "espruino", command: "thincall mem fw.js", afterS: 2, map: mapOf() };

test("the table: totals, globals without the built-ins, the group with its thin costs and savings, room per board", () => {
  const text = renderMemTable(REPORT, loadAllBoards());
  assert.match(text, /^RAM map of fw\.js on emu with esp32's budget/);
  assert.match(text, /your program: 906 JsVars/);
  assert.match(text, /^boxes\s+data\s+625\s+8,750$/m);
  assert.doesNotMatch(text, /^Array/m, "built-ins only with --all");
  assert.match(text, /1 built-in\(s\) not listed/);
  assert.match(text, /^boxes\s+new Box\s+100\s+6\s+600\s+5 \(−100\)\s+5 \(−100\)\s+5 \(−100\)\s+0\.64 \(−536\)$/m);
  assert.match(text, /projected = \(free JsVars after boot − your program's 906\)/);
  assert.match(renderMemTable(REPORT, loadAllBoards(), true), /^Array\s+built-in/m);
  assert.equal((memJson(REPORT) as { program: number }).program, 906);
});

test("the page: bar charts of the globals and of each group's styles, names escaped", () => {
  const html = renderMemHtml({ ...REPORT, file: "<fw>.js" }, loadAllBoards());
  assert.match(html, /<svg[^>]*class="mem-globals"/);
  assert.equal((html.match(/<rect class="bar" data-kind="(code|data|internal)"/g) ?? []).length, 3, "one bar per global but the built-ins, coloured by kind");
  assert.match(html, /<svg[^>]*class="mem-groups"/);
  assert.match(html, /&#60;fw&#62;\.js/);
  assert.doesNotMatch(html, /<fw>/);
});

describe("budgets on the emulator", () => {
  test("--port emu --board esp32 runs the emulator with esp32's free JsVars, and says so", () => {
    const t = resolveRunTarget("esp32", "emu", {});
    assert.equal(t.board.id, "emu");
    assert.equal(t.budget?.id, "esp32");
    assert.match(budgetNote(t.board, t.budget!), /^emulating esp32's memory: .* sees \d+ free/);
    assert.match(reserveFreeJsVars(t.budget!.freeAtBoot.jsvars), new RegExp(`\\(${t.budget!.freeAtBoot.jsvars}\\);$`));
    assert.equal(resolveRunTarget("esp32", "virtual", {}).budget, undefined, "only the emulator takes a budget");
    assert.equal(resolveRunTarget(undefined, "emu", {}).board.id, "emu");
  });

  test("a board with more free JsVars than the emulator, or without a fixed pool, cannot be emulated", () => {
    assert.throws(() => resolveRunTarget("esp32s3", "emu", {}), /esp32s3's budget \(\d+ free JsVars after boot\) cannot be emulated: the emulator holds 12,000 JsVars of 14 bytes/);
    assert.throws(() => resolveRunTarget("linux", "emu", {}), /linux has no fixed JsVar pool to emulate/);
  });
});

test("the bench runs from Storage where its code would not leave room to run in RAM; without a port it says which engine runs", () => {
  assert.equal(fitsInRam(9807, loadBoard("esp8266").freeAtBoot.jsvars, 12), false);
  assert.equal(fitsInRam(9807, loadBoard("puckjs").freeAtBoot.jsvars, 13), true);
  assert.match(storageNote("esp8266", 9807, 1535, 12), /runs from Storage \(--to flash\)/);
  assert.match(engineSizing(loadBoard("esp32")) ?? "", /^no --port: the bench runs on the virtual board \(QuickJS, not Espruino's figures\), sized to esp32's \d+ JsVars/);
  assert.equal(engineSizing(loadBoard("virtual")), undefined, "the virtual board's own profile needs no note");
});

describe("thincall mem through the CLI, on the virtual board", { concurrency: true }, () => {
  test("maps a program, labelled not Espruino's", async () => {
    const r = await runCli(["mem", join(ROOT, "test", "fixtures", "mem", "unseen.js"), "--port", "virtual", "--after", "0.2", "--json"], { timeoutMs: 120000 });
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout) as { engine: string; map: MemMap };
    assert.equal(json.engine, "quickjs");
    assert.ok(json.map.groups.some((g) => g.in === "rects" && g.of === "new Rect" && g.count === 120), JSON.stringify(json.map.groups));
    assert.ok(!json.map.groups.some((g) => g.in.startsWith("global")), "global is not a container of itself");
    const table = await runCli(["mem", join(ROOT, "test", "fixtures", "mem", "unseen.js"), "--port", "virtual", "--after", "0"], { timeoutMs: 120000 });
    assert.match(table.stdout, /not Espruino figures/);
  });

  test("a program that fails while loading: one line with what was reached", async () => {
    const r = await runCli(["mem", join(ROOT, "test", "fixtures", "mem", "crash.js"), "--port", "virtual"], { timeoutMs: 120000 });
    assert.equal(r.code, 1);
    const ours = errorLines(r.stderr).filter((l) => l.startsWith("thincall:"));
    assert.equal(ours.length, 1, r.stderr);
    assert.match(ours[0], /^thincall: the board rejected the program: Uncaught Error: boom.*; no map: it failed in the piece after byte [\d,]+ of [\d,]+; then [\d,]+ of [\d,]+ JsVars used/);
  });

  test("report --program deducts your program in the capacity projection; without it, an empty program", async () => {
    const results = join(ROOT, "docs", "results", "emu-2v29.bench2.jsonl");
    const yours = await runCli(["report", results, "--program", "1065"]);
    assert.equal(yours.code, 0, yours.stderr);
    assert.match(yours.stdout, /projected = \(free JsVars after boot − your program's 1,065\) \/ JsVars per object/);
    const esp32 = loadBoard("esp32").freeAtBoot.jsvars;
    const cls = (text: string) => Number(/^esp32\s+[\d,]+~\s+[\d,]+\s+([\d,]+)/m.exec(text)![1].replace(/,/g, ""));
    const empty = await runCli(["report", results]);
    assert.match(empty.stdout, /for an empty program/);
    assert.ok(cls(yours.stdout) < cls(empty.stdout) && cls(empty.stdout) <= esp32, `${cls(yours.stdout)} < ${cls(empty.stdout)}`);
  });

  test("bad arguments are one-line errors", async () => {
    const none = await runCli(["mem", "--port", "virtual"]);
    assert.match(errorLines(none.stderr)[0], /^thincall: mem takes one file/);
    const after = await runCli(["mem", "x.js", "--after", "soon"]);
    assert.match(errorLines(after.stderr)[0], /^thincall: --after takes seconds/);
    const help = await runCli(["mem", "--help"]);
    assert.match(help.stdout, /^usage: thincall mem <entry\.ts\|bundle\.js>/);
  });
});
