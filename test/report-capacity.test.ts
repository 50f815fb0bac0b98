import assert from "node:assert/strict";
import { test } from "node:test";
import type { BoardProfile } from "../scripts/boards/profile.ts";
import { loadAllBoards, loadBoard } from "../scripts/boards/profile.ts";
import { capacityRefusal, projectCapacity, renderCapacityTable, type CapacityRun } from "../scripts/report/capacity.ts";
import { capacityChart } from "../scripts/report/chart-capacity.ts";

/** JsVars per object measured on the emulator (2v29.74, bench --quick). */
const EMU_RUN: CapacityRun = {
  board: "emu",
  blocksize: 14,
  styles: [
    { id: "floor.local-call", varsPerObject: 4.012, objectsFit: 2663 },
    { id: "js.class", varsPerObject: 6.012, objectsFit: 1777 },
    { id: "thin.vtable", varsPerObject: 5.012, objectsFit: 2131 },
    { id: "js.bind", varsPerObject: null, objectsFit: null },
    { id: "thin.packed", varsPerObject: 1.352, objectsFit: 7902, flat: true },
  ],
};

test("each board gets floor(free JsVars after boot / JsVars per object), projected; the board that ran, its measured counts", () => {
  const table = projectCapacity(EMU_RUN, loadAllBoards())!;
  assert.deepEqual(table.styles, ["js.class", "thin.vtable", "js.bind", "thin.packed"], "the floor is no style");
  assert.ok(!table.rows.some((r) => r.board === "linux" || r.board === "virtual"), "hardware boards only");
  const pico = table.rows.find((r) => r.board === "espruino-pico")!;
  const free = loadBoard("espruino-pico").freeAtBoot.jsvars;
  assert.deepEqual(pico.cells[0], { objects: Math.floor(free / 6.012), kind: "projected" });
  assert.deepEqual(pico.cells[2], { objects: null, kind: "projected" }, "a failed style projects nothing");
  // Flat storage costs bytes: 1.352 JsVars of 14 bytes are 1.456 JsVars of 13 bytes.
  assert.equal(pico.cells[3].objects, Math.floor(free / ((1.352 * 14) / 13)));
  const emu = table.rows.find((r) => r.board === "emu")!;
  assert.deepEqual(emu.cells.map((c) => c.kind), ["measured", "measured", "measured", "measured"]);
  assert.equal(emu.cells[0].objects, 1777);
});

test("a program's own JsVars are deducted on every board, and the caption says whose", () => {
  const emuFree = loadBoard("emu").freeAtBoot.jsvars;
  const run: CapacityRun = { ...EMU_RUN, program: { jsvars: emuFree - 10684, whose: "the bench program's own" } };
  const table = projectCapacity(run, [loadBoard("emu"), loadBoard("banglejs2"), loadBoard("esp32")])!;
  assert.equal(table.from.program, emuFree - 10684);
  assert.match(renderCapacityTable(run, [loadBoard("emu")]), new RegExp(`projected = \\(free JsVars after boot − the bench program's own ${(emuFree - 10684).toLocaleString("en-US")}\\)`));
  assert.match(renderCapacityTable(EMU_RUN, [loadBoard("emu")]), /for an empty program/, "nothing deducted without a program");
  const bangle = table.rows.find((r) => r.board === "banglejs2")!;
  // The Bangle.js 2 estimate is the emulator's figure: the projection meets the emulator's measured count.
  assert.equal(bangle.cells[0].objects, Math.floor((loadBoard("banglejs2").freeAtBoot.jsvars - (emuFree - 10684)) / 6.012));
  const esp32 = table.rows.find((r) => r.board === "esp32")!;
  assert.equal(esp32.forObjects, loadBoard("esp32").freeAtBoot.jsvars - (emuFree - 10684));
});

test("a 64-bit run (27-byte JsVars, 8 name characters per JsVar) is not projected onto boards", () => {
  const linux: CapacityRun = { ...EMU_RUN, board: "linux", blocksize: 27 };
  assert.equal(projectCapacity(linux, loadAllBoards()), undefined);
  assert.match(capacityRefusal(linux)!, /64-bit build/);
  assert.match(renderCapacityTable(linux, loadAllBoards()), /^capacity: not projected: .*32-bit run/);
  assert.match(capacityChart(linux, loadAllBoards()), /^<p class="capacity-none">/);
});

test("the text table and the chart label projected and measured counts", () => {
  const boards: BoardProfile[] = [loadBoard("emu"), loadBoard("puckjs")];
  const text = renderCapacityTable(EMU_RUN, boards);
  assert.match(text, /^emu\s+11,935\s+1,777\*/m, "measured counts end in *");
  const puck = loadBoard("puckjs").freeAtBoot.jsvars;
  assert.match(text, new RegExp(`^puckjs\\s+${puck.toLocaleString("en-US")}~\\s+${Math.floor(puck / 6.012)}\\s`, "m"), "puck: free / 6.012, free estimated (~)");
  const svg = capacityChart(EMU_RUN, boards);
  assert.equal((svg.match(/data-kind="measured"/g) ?? []).length, 4);
  assert.equal((svg.match(/data-kind="projected"/g) ?? []).length, 4);
  assert.match(svg, /data-board="puckjs" data-style="js\.class" data-kind="projected"><title>puckjs, js\.class: 426 objects, projected/);
});
