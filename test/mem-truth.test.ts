/**
 * The truth tier of `thincall mem`: a firmware it had not seen (test/fixtures/mem/unseen.js), mapped
 * on the emulator ($ESPRUINO_EMU) and on the Linux build ($ESPRUINO_BIN, started here with its
 * telnet console on 127.0.0.1:2323), checked against an independent count made by the same
 * firmware with E.getSizeOf and process.memory() (test/fixtures/mem/independent.js). Each part
 * is skipped, with a notice, when its variable is unset.
 */
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { killAllCli, ROOT, runCli, tempDir } from "./support/cli-helpers.ts";
import { startEspruinoTelnet, type EspruinoTelnet } from "./support/espruino-telnet.ts";

const EMU = process.env.ESPRUINO_EMU;
const BIN = process.env.ESPRUINO_BIN;
const skipEmu = EMU ? false : "ESPRUINO_EMU is not set: skipping thincall mem's truth tier on the emulator";
const skipBin = BIN ? false : "ESPRUINO_BIN is not set: skipping thincall mem's truth tier on the Linux build";
for (const s of [skipEmu, skipBin]) if (s) process.stdout.write(`# notice: ${s}\n`);

const FIXTURE = join(ROOT, "test", "fixtures", "mem", "unseen.js");
const tmp = tempDir();
let interpreter: EspruinoTelnet | undefined;
after(async () => {
  killAllCli();
  await interpreter?.stop();
  tmp.remove();
});

interface MemJson {
  map: {
    totals: { usage: number };
    globals: Array<{ name: string; jsvars: number; kind: string }>;
    groups: Array<{ in: string; of: string; count: number; perItem: number; thin: Record<string, number> }>;
  };
}
interface Independent {
  sizes: Record<string, number>;
  usage: number;
  perItem: number;
  perVtable: number;
}

/** The firmware with the independent count appended, run with `flash`; its `@ind` line. */
async function independent(portArgs: string[], env: Record<string, string>): Promise<Independent> {
  const file = tmp.path("independent.js");
  writeFileSync(file, readFileSync(FIXTURE, "utf8") + readFileSync(join(ROOT, "test", "fixtures", "mem", "independent.js"), "utf8"));
  const r = await runCli(["flash", file, ...portArgs, "--timeout", "2"], { timeoutMs: 120000, env });
  assert.equal(r.code, 0, r.stderr);
  const line = r.stdout.split("\n").find((l) => l.startsWith("@ind "));
  assert.ok(line, r.stdout);
  return JSON.parse(line.slice(5)) as Independent;
}

async function mem(portArgs: string[], env: Record<string, string>): Promise<MemJson> {
  const r = await runCli(["mem", FIXTURE, ...portArgs, "--json", "--after", "0.5"], { timeoutMs: 120000, env });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as MemJson;
}

/** The goals of issue 22, for one engine. */
function checkAgainst(map: MemJson, ind: Independent): void {
  const byName = new Map(map.map.globals.map((g) => [g.name, g]));
  for (const [name, size] of Object.entries(ind.sizes)) {
    const g = byName.get(name);
    assert.ok(g, `${name} is listed`);
    assert.ok(Math.abs(g.jsvars - size) <= 1, `${name}: mem says ${g.jsvars}, E.getSizeOf + its name ${size}`);
  }
  assert.equal(byName.get("Rect")!.kind, "code");
  assert.equal(byName.get("rects")!.kind, "data");
  const usage = map.map.totals.usage;
  assert.ok(Math.abs(usage - ind.usage) / ind.usage <= 0.02, `total: mem ${usage}, process.memory().usage ${ind.usage}`);
  const rects = map.map.groups.find((g) => g.in === "rects");
  assert.ok(rects, JSON.stringify(map.map.groups));
  assert.equal(rects.of, "new Rect");
  assert.equal(rects.count, 120);
  assert.ok(Math.abs(rects.perItem - ind.perItem) <= 0.1, `JsVars per Rect: mem ${rects.perItem}, usage over 120 new ones ${ind.perItem}`);
  const projected = rects.count * (rects.perItem - rects.thin["thin.vtable"]);
  const measured = 120 * (ind.perItem - ind.perVtable);
  assert.ok(measured > 0 && Math.abs(projected - measured) / measured <= 0.1, `thin.vtable saving: projected ${projected}, measured ${measured}`);
}

describe("thincall mem on the emulator", { skip: skipEmu, concurrency: 1 }, () => {
  test("each global, the total, the per-instance cost and the thin.vtable saving match an independent count", async () => {
    const env = { ESPRUINO_EMU: EMU ?? "" };
    checkAgainst(await mem(["--port", "emu"], env), await independent(["--port", "emu"], env));
  });

  test("--board esp32: the program sees the profile's free JsVars after boot, within 2%", async () => {
    const file = tmp.path("free.js");
    writeFileSync(file, "print('FREE '+process.memory().free);\n");
    const r = await runCli(["flash", file, "--port", "emu", "--board", "esp32", "--timeout", "1"], { timeoutMs: 120000, env: { ESPRUINO_EMU: EMU ?? "" } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /emulating esp32's memory/);
    const free = Number(/FREE (\d+)/.exec(r.stdout)?.[1]);
    const want = (JSON.parse(readFileSync(join(ROOT, "boards", "esp32.json"), "utf8")) as { freeAtBoot: { jsvars: number } }).freeAtBoot.jsvars;
    assert.ok(Math.abs(free - want) / want <= 0.02, `free ${free}, profile ${want}`);
  });

  test("bench --board esp32 without a port runs on the emulator with esp32's budget, says so, and every style has figures", async () => {
    const out = tmp.path("esp32.jsonl");
    const r = await runCli(["bench", "--board", "esp32", "--quick", "--json", "--styles", "js.class,thin.func", "--out", out], { timeoutMs: 300000, env: { ESPRUINO_EMU: EMU ?? "" } });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^no --port: running on the Espruino emulator with esp32's free memory/m);
    assert.match(r.stderr, /^emulating esp32's memory/m);
    const summary = JSON.parse(r.stdout) as { styles: Array<{ id: string; error: string | null }> };
    assert.deepEqual(summary.styles.filter((s) => s.error).map((s) => s.id), []);
  });
});

describe("thincall mem on the Linux build", { skip: skipBin, concurrency: 1 }, () => {
  test("each global, the total, the per-instance cost and the thin.vtable saving match an independent count", async () => {
    interpreter = await startEspruinoTelnet();
    const port = ["--board", "linux", "--port", "tcp://127.0.0.1:2323"];
    checkAgainst(await mem(port, {}), await independent(port, {}));
  });
});
