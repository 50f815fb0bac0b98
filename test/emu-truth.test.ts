/**
 * The truth tier on real Espruino without a board: the emulator ($ESPRUINO_EMU, 32-bit, 14-byte
 * JsVars). The memory facts thincall relies on, the self-test and every example through
 * `thincall flash`, and a short bench whose JsVars per object must match an independent
 * process.memory() count. Skipped, with a notice, when ESPRUINO_EMU is unset.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { STYLE_IDS, type BenchSummary } from "../scripts/bench/schema.ts";
import { firmwareEntries } from "../scripts/bundle/build.ts";
import { parseFault } from "../scripts/console/lines.ts";
import { killAllCli, ROOT, runCli, tempDir } from "./support/cli-helpers.ts";
import { assertGardenMemory, assertGardenRun, GARDEN, gardenProbe } from "./support/workload-probe.ts";

const skip = process.env.ESPRUINO_EMU ? false : "ESPRUINO_EMU is not set (path to the Espruino emulator's folder): skipping the truth tier on the emulator";
if (skip) process.stdout.write(`# notice: ${skip}\n`);

/** The CLI sees the emulator only when given it (cli-helpers' cliEnv drops it otherwise). */
const EMU_ENV = { ESPRUINO_EMU: process.env.ESPRUINO_EMU ?? "" };

const tmp = tempDir();
after(() => {
  killAllCli();
  tmp.remove();
});

/** Runs a program on the emulator for `seconds` and returns its console lines. */
async function flashOnEmu(file: string, seconds: number, to: "ram" | "flash" = "ram"): Promise<string[]> {
  const r = await runCli(["flash", file, "--port", "emu", "--to", to, "--timeout", String(seconds)], { timeoutMs: 120000, env: EMU_ENV });
  assert.equal(r.code, 0, r.stderr);
  return r.stdout.split("\n").map((l) => l.replace(/\r$/, ""));
}

/** The memory probe's figures: JsVars per object over 200 objects in an Array. */
let probe: Record<string, number> | undefined;

describe("truth tier: the Espruino emulator", { skip, concurrency: 1 }, () => {
  test("JsVars per object follow the 32-bit layout (4 name characters per JsVar)", async () => {
    const lines = await flashOnEmu(join(ROOT, "test", "fixtures", "emu", "memory-probe.js"), 3);
    const line = lines.find((l) => l.startsWith("@probe {"));
    assert.ok(line, lines.join("\n"));
    probe = JSON.parse(line.slice("@probe ".length)) as Record<string, number>;
    assert.equal(probe.blocksize, 14);
    // /work/shared/espruino-facts.md: {w,h} 4, class instance 6, {w,h,v} 5 (array slot included).
    const near = (v: number, want: number, what: string) => assert.ok(Math.abs(v - want) <= 0.1, `${what}: ${v}, want ${want}`);
    near(probe.plain, 4, "{w,h}");
    near(probe.classInstance, 6, "class instance");
    near(probe.vtable, 5, "{w,h,v}");
    // A 5-character name takes a second JsVar on 32-bit (4 characters per JsVar); Linux shows 4.
    near(probe.longName, 5, "{width,h}");
  });

  test("the self-test passes from RAM and from flash", async () => {
    const entry = firmwareEntries().find((f) => f.endsWith("selftest.ts"))!;
    for (const to of ["ram", "flash"] as const) {
      const lines = await flashOnEmu(entry, 15, to);
      assert.deepEqual(lines.filter((l) => l.startsWith("FAIL")), [], to);
      const m = /^SELFTEST (\d+)\/(\d+)/.exec(lines.find((l) => l.startsWith("SELFTEST")) ?? "");
      assert.ok(m, `${to}: no SELFTEST line in\n${lines.join("\n")}`);
      assert.equal(m[1], m[2], `${to}: ${m[0]}`);
    }
  });

  test("every example loads and runs without an error", async () => {
    for (const entry of firmwareEntries().filter((f) => /examples\//.test(f))) {
      const lines = await flashOnEmu(entry, 5);
      assert.deepEqual(lines.map(parseFault).filter((f) => f !== null), [], entry);
    }
  });

  test("a short bench: engine espruino, 14-byte JsVars, and varsPerObject equal to the independent count", async () => {
    const out = tmp.path("emu.jsonl");
    const r = await runCli(["bench", "--port", "emu", "--quick", "--json", "--out", out], { timeoutMs: 600000, env: EMU_ENV });
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as BenchSummary;
    assert.equal(s.engine, "espruino");
    assert.equal(s.board, "emu");
    assert.equal(s.blocksize, 14);
    assert.deepEqual(s.styles.map((x) => x.id), [...STYLE_IDS]);
    for (const x of s.styles) assert.equal(x.error, null, `${x.id}: ${x.error}`);
    const by = Object.fromEntries(s.styles.map((x) => [x.id, x]));
    const independent = probe ?? { classInstance: 6, vtable: 5 };
    assert.ok(Math.abs(by["js.class"].varsPerObject! - independent.classInstance) <= 0.1, `js.class ${by["js.class"].varsPerObject}`);
    assert.ok(Math.abs(by["thin.vtable"].varsPerObject! - independent.vtable) <= 0.1, `thin.vtable ${by["thin.vtable"].varsPerObject}`);
  });

  test("a workload it was not written for: every generated style, equal results per loop, JsVars equal to an independent count", async () => {
    const out = tmp.path("garden.jsonl");
    const r = await runCli(["bench", "--port", "emu", "--quick", "--json", "--out", out, "--workload", GARDEN], { timeoutMs: 600000, env: EMU_ENV });
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout) as BenchSummary;
    assertGardenRun(s, readFileSync(out, "utf8").trim().split("\n").map((l) => JSON.parse(l)));
    const probeFile = tmp.path("garden-probe.js");
    writeFileSync(probeFile, gardenProbe(s.n!) + "\n");
    const lines = await flashOnEmu(probeFile, 3);
    assertGardenMemory(s, lines.find((l) => l.startsWith("COUNT ")) ?? assert.fail(lines.join("\n")));
  });
});
