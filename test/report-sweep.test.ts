import assert from "node:assert/strict";
import { test } from "node:test";
import { summarizeRuns, type ResultsLine } from "../scripts/bench/summary.ts";
import { renderHtml } from "../scripts/report/html.ts";
import { pickLines } from "../scripts/report/picks.ts";
import { sweepTables } from "../scripts/report/sweep.ts";
import { renderTable } from "../scripts/report/table.ts";
import { runLines } from "./support/report-fixtures.ts";

/** A `--n 40,150` sweep in which the batch kernel gains with N (3.0 µs at 150, 4.5 at 40). */
function sweep(): ResultsLine[][] {
  return [40, 150].map((n, i) =>
    runLines({ runId: `r${i}`, n, figures: n === 40 ? { "thin.batch": [4.5, null, 4.0, null, 0.6, 44] } : {} }).map((l) =>
      l.t === "host" ? { ...l, sweep: "s1" } : l,
    ),
  );
}

test("a sweep's tables: each ratio and each RAM figure at each N, per object and in total", () => {
  const [s] = summarizeRuns(sweep());
  const [time, ram] = sweepTables(s);
  assert.deepEqual(time.columns, ["for…of N=40", "for…of N=150", "grow N=40", "grow N=150"]);
  const row = (t: typeof time, id: string) => t.rows.find((r) => r.style === id)!.cells;
  assert.deepEqual(row(time, "thin.batch").slice(0, 2), ["0.38×", "0.25×"]);
  assert.ok(!time.rows.some((r) => r.style === "baseline.inline"), "yardsticks are not followed");
  // packed: 0.7 JsVars an object, 40 fixed, 13-byte JsVars; js.class 6 an object.
  assert.deepEqual(row(ram, "thin.packed"), ["9.1", "9.1", `${Math.round((40 + 0.7 * 40) * 13)} (${((40 + 28) / 240).toFixed(2)}×)`, `${Math.round((40 + 105) * 13).toLocaleString("en-US")} (${(145 / 900).toFixed(2)}×)`]);
  assert.match(ram.note, /fixed costs excluded.*fixed costs included/);
});

test("the table and the report show the sweep; the kernel's line gives its ratio at each N", () => {
  const summaries = summarizeRuns(sweep());
  const text = renderTable(summaries);
  assert.match(text, /How the figures move with N on PICO \(ram\)/);
  assert.match(text, /RAM by N \(bytes per object: fixed costs excluded; total: the container at N, fixed costs included/);
  const html = renderHtml(summaries);
  assert.match(html, /<section id="sweep">/);
  assert.equal((html.match(/<svg [^>]*class="sweep"/g) ?? []).length, 2, "a chart of time and one of RAM");
  assert.match(html, /<g class="sweep-line" data-style="thin\.batch">/);
  assert.match(pickLines(summaries[0]).find((l) => l.startsWith("kernels"))!, /the speed-up depends on N: for…of 0\.38× at N=40, 0\.25× at N=150/);
  // One N: no sweep section, and the kernel line says N matters all the same.
  const one = summarizeRuns([runLines()]);
  assert.doesNotMatch(renderHtml(one), /id="sweep"/);
  assert.doesNotMatch(renderTable(one), /How the figures move with N/);
  assert.match(pickLines(one[0]).find((l) => l.startsWith("kernels"))!, /the speed-up depends on N \(see it with --n 257,100,1000\)/);
});
