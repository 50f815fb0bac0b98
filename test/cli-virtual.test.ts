/**
 * The whole CLI against the virtual board (QuickJS), as a user without hardware: bench, its JSONL
 * file and summary JSON, the report, and a board whose JsVar budget is too small for some styles.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { STYLE_IDS } from "../scripts/bench/schema.ts";
import { errorLines, killAllCli, runCli, tempDir, warmBuildCache, type CliResult } from "./support/cli-helpers.ts";

/** The fixed style ids, in run order (scripts/bench/schema.ts says reports and users rely on them). */
const IDS = [
  "baseline.inline", "floor.local-call", "js.class", "js.prototype", "js.literal-closures", "js.literal-shared",
  "js.closure", "js.bind", "js.switch", "thin.func", "thin.vtable", "thin.table", "thin.packed", "thin.grouped", "thin.batch",
];

const tmp = tempDir();
// Each board's bench is built once, here: no CLI run below includes a build.
before(async () => {
  for (const board of ["virtual", "rp2040-pico", "esp32"]) await warmBuildCache(board);
});
after(() => {
  killAllCli();
  tmp.remove();
});

type Json = Record<string, unknown>;

function jsonl(file: string): Json[] {
  return readFileSync(file, "utf8").trim().split("\n").map((l) => JSON.parse(l) as Json);
}

const isNum = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

const STYLE_KEYS = [
  "batch", "buildUs", "bytesPerObject", "error", "fixedVars", "forOfUs", "growUs", "hoistedUs", "id", "indexUs", "noisy",
  "objectsFit", "sizes", "spread", "totalBytes", "varsPerObject", "vsBaseline", "vsClass",
];

/** Checks a summary against schema thincall.summary/1 (field by field, no extra fields). */
function assertSummary(s: Json, board: string): void {
  assert.deepEqual(Object.keys(s).sort(), [
    "blocksize", "board", "complete", "coreBytes", "engine", "freeBytes", "mode", "n", "problems", "runs", "schema", "source", "styles", "sweep", "version",
  ]);
  assert.equal(s.schema, "thincall.summary/1");
  assert.equal(s.engine, "quickjs");
  assert.equal(s.board, board);
  assert.equal(s.mode, "ram");
  assert.equal(s.complete, true);
  assert.deepEqual(s.problems, []);
  assert.equal(typeof s.version, "string");
  assert.ok(isNum(s.blocksize) && s.blocksize > 0);
  assert.ok(isNum(s.freeBytes) && s.freeBytes > 0);
  assert.ok(isNum(s.coreBytes) && s.coreBytes > 0, `coreBytes ${s.coreBytes}`);
  assert.ok(isNum(s.n) && (s.n & (s.n - 1)) !== 0, `n ${s.n} is not a power of two`);
  const styles = s.styles as Json[];
  assert.deepEqual(styles.map((x) => x.id), IDS);
  assert.deepEqual(IDS, [...STYLE_IDS]);
  for (const st of styles) {
    assert.deepEqual(Object.keys(st).sort(), STYLE_KEYS);
    if (st.error === null) {
      for (const k of ["forOfUs", "buildUs", "varsPerObject", "bytesPerObject"]) assert.ok(isNum(st[k]), `${st.id}.${k} = ${st[k]}`);
      assert.ok(isNum((st.vsClass as Json).forOf), `${st.id} vsClass`);
      assert.ok(isNum((st.vsBaseline as Json).forOf), `${st.id} vsBaseline`);
      assert.equal((st.sizes as Json[]).length, 2, `${st.id}: two sizes`);
      const expected = (st.varsPerObject as number) * (s.blocksize as number);
      assert.ok(Math.abs((st.bytesPerObject as number) - expected) <= 0.006, `${st.id}: bytesPerObject ${st.bytesPerObject} vs ${expected}`);
    } else {
      // A style may only fail for want of memory; anything else (a ReferenceError…) is a bug.
      assert.equal(st.error, "Out of memory", `${st.id} failed`);
      for (const k of ["forOfUs", "varsPerObject", "bytesPerObject", "objectsFit"]) assert.equal(st[k], null, `${st.id}.${k}`);
    }
  }
  const cls = styles.find((x) => x.id === "js.class")!;
  assert.equal((cls.vsClass as Json).forOf, 1);
}

/** Checks a run's JSONL file: host, hello, a result per style in order, end; one run id throughout. */
function assertRunFile(file: string, board: string): Json[] {
  const lines = jsonl(file);
  assert.equal(lines[0].t, "host");
  assert.equal(lines[0].board, board);
  assert.equal(lines[0].port, "virtual");
  assert.equal(lines[1].t, "hello");
  assert.equal(lines[1].engine, "quickjs");
  assert.equal(lines.at(-1)!.t, "end");
  assert.equal(lines.at(-1)!.count, IDS.length);
  assert.deepEqual(lines.filter((l) => l.t === "host" || l.t === "hello" || l.t === "end").map((l) => l.t), ["host", "hello", "end"]);
  const results = lines.filter((l) => l.t === "result");
  assert.deepEqual(results.map((r) => r.id), IDS);
  assert.ok(lines.every((l) => ["host", "hello", "progress", "size", "result", "end"].includes(l.t as string)));
  assert.ok(lines.slice(1).every((l) => l.r === lines[0].runId), "every device line carries the run id");
  return results;
}

/** stdout is exactly one JSON document. */
function onlyJson(r: CliResult): Json {
  const text = r.stdout.trim();
  assert.ok(text.startsWith("{") && text.endsWith("}"), `stdout is not only JSON: ${r.stdout.slice(0, 200)}`);
  return JSON.parse(text) as Json;
}

describe("bench on the virtual board, then report", () => {
  const out = tmp.path("virtual.jsonl");
  let bench: CliResult;
  before(async () => {
    bench = await runCli(["bench", "--quick", "--json", "--out", out], { timeoutMs: 60000 });
  });

  test("bench --quick --json exits 0 and prints only the summary JSON", () => {
    assert.equal(bench.code, 0, bench.stderr);
    const summary = onlyJson(bench);
    assertSummary(summary, "virtual");
    assert.deepEqual((summary.styles as Json[]).filter((st) => st.error !== null).map((st) => st.id), [], "every style fits");
    assert.doesNotMatch(bench.stderr, /thincall: /, "no error");
  });

  test("the JSONL file holds a host line, a hello, a result per style and an end line", () => {
    assertRunFile(out, "virtual");
    // The summary is derived from the file.
    const summary = onlyJson(bench);
    const hello = jsonl(out)[1];
    assert.equal(summary.freeBytes, (hello.free as number) * (hello.blocksize as number));
  });

  test("report prints the table, labelled as the virtual board, and writes the HTML", async () => {
    const html = tmp.path("sub/report.html");
    const r = await runCli(["report", out, "--html", html]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(errorLines(r.stderr).length, 0, r.stderr);
    assert.ok(r.stdout.includes("virtual board (QuickJS), not Espruino figures"), r.stdout);
    for (const id of IDS) assert.match(r.stdout, new RegExp(`^${id.replace(".", "\\.")}[\\s(]`, "m"));
    assert.match(r.stdout, /What to pick on virtual/);
    assert.ok(r.stdout.includes(`wrote ${html}`));
    const page = readFileSync(html, "utf8");
    for (const id of ["chart-pareto", "chart-fit", "chart-shapes", "picks"]) assert.ok(page.includes(`id="${id}"`), `HTML has #${id}`);
  });
});

/*
 * Out of memory. The virtual board gives the program the profile's JsVar budget. Checked by hand:
 * - esp32 (3400 JsVars) is too small for the bench itself: the upload fails with "ran out of memory
 *   while loading the program" (the bundle and the runtime take about 3,700 "JsVars" in QuickJS).
 * - espruino-pico (5100 JsVars) no longer loads the bench since its styles are generated (12.9 KB,
 *   many small functions: QuickJS's bytecode per function counts more than Espruino's source text).
 * - rp2040-pico (12000 JsVars) sizes its containers from free memory (free/32) so that every style
 *   fits. Forced to 1000 objects (--n), js.literal-closures (~18 JsVars each) and js.bind do not fit
 *   while the other styles do.
 */
describe("out of memory on the virtual board", { concurrency: true }, () => {
  test("rp2040-pico's budget with --n too large: a style runs out of memory, the others have figures, the run ends", async () => {
    const out = tmp.path("rp2040-pico.jsonl");
    const r = await runCli(["bench", "--quick", "--json", "--n", "1000", "--board", "rp2040-pico", "--port", "virtual", "--out", out], { timeoutMs: 120000 });
    assert.equal(r.code, 0, r.stderr);
    const summary = onlyJson(r);
    assertSummary(summary, "rp2040-pico");
    const styles = summary.styles as Json[];
    const failed = styles.filter((s) => s.error !== null);
    assert.ok(failed.length >= 1, "at least one style runs out of memory");
    assert.ok(failed.length < styles.length - 1, "not all");
    for (const s of failed) assert.equal(s.error, "Out of memory", `${s.id}`);
    const results = assertRunFile(out, "rp2040-pico");
    assert.deepEqual(results.filter((x) => x.error).map((x) => x.id), failed.map((s) => s.id));
  });

  test("esp32's budget: the bench does not even load; one-line error", async () => {
    const r = await runCli(["bench", "--quick", "--json", "--board", "esp32", "--port", "virtual", "--out", tmp.path("esp32.jsonl")], { timeoutMs: 60000 });
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, "");
    assert.doesNotMatch(r.stderr, /^\s+at /m);
    assert.deepEqual(errorLines(r.stderr).length, 1, r.stderr);
    assert.match(errorLines(r.stderr)[0], /^thincall: the board ran out of memory while loading the program \(\d+ bytes\): ERROR: Out of Memory!; \d+ line\(s\) kept in .*esp32\.jsonl$/);
    // The file says the run was cut short, and why.
    const lines = readFileSync(tmp.path("esp32.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    assert.match(lines.at(-1).t === "incomplete" ? lines.at(-1).reason : "", /ran out of memory while loading the program/);
  });
});

describe("bench --n over several sizes", () => {
  test("one upload per N, one summary with a point per N, and the report shows the sweep", async () => {
    const out = tmp.path("sweep.jsonl");
    const r = await runCli(["bench", "--quick", "--json", "--n", "100,40", "--styles", "js.class,thin.vtable,thin.batch", "--out", out], { timeoutMs: 60000 });
    assert.equal(r.code, 0, r.stderr);
    const s = onlyJson(r);
    assert.equal(s.schema, "thincall.summary/1");
    assert.equal(s.n, 100, "headline at the first N listed");
    const sweep = s.sweep as { n: number; styles: Json[] }[];
    assert.deepEqual(sweep.map((p) => p.n), [40, 100], "smallest first");
    assert.deepEqual(sweep[0].styles.map((x) => x.id), ["js.class", "thin.vtable", "thin.batch"]);
    const hosts = jsonl(out).filter((l) => l.t === "host");
    assert.equal(hosts.length, 2, "one host line per N");
    assert.ok(hosts[0].sweep && hosts[0].sweep === hosts[1].sweep && hosts[0].runId !== hosts[1].runId);
    assert.match(hosts[0].command as string, / --n 100,40 /);
    assert.deepEqual(hosts.map((h) => h.headline), [100, 100]);
    const report = await runCli(["report", out]);
    assert.equal(report.code, 0, report.stderr);
    assert.match(report.stdout, /How the figures move with N on virtual/);
  });

  test("a size listed twice, or out of range, is a one-line error", async () => {
    for (const [n, message] of [["100,100", /--n lists a size twice/], ["40,3", /--n takes a whole number from 8 to 100000, not "3"/]] as const) {
      const r = await runCli(["bench", "--n", n]);
      assert.equal(r.code, 1);
      assert.match(errorLines(r.stderr).join("\n"), message);
    }
  });
});
