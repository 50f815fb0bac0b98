/** `report` never loses data: its output is never an input, and runs are split by run id. */
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Writable } from "node:stream";
import { after, test } from "node:test";
import { summarize } from "../scripts/bench/summary.ts";
import { STYLE_IDS } from "../scripts/bench/schema.ts";
import { UserError } from "../scripts/errors.ts";
import { runReport } from "../scripts/report/command.ts";
import { openResultsWriter } from "../scripts/report/results-file.ts";
import { splitRuns } from "../scripts/report/results-lines.ts";
import { runLines } from "./support/report-fixtures.ts";

const dir = mkdtempSync(join(tmpdir(), "thincall-report-safety-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const quiet = () => new Writable({ write: (_c, _e, done) => done() });
const jsonl = (lines: object[]) => lines.map((l) => JSON.stringify(l) + "\n").join("");

test("an --html path equal to an input, by any name, is refused before anything is written", async () => {
  const file = join(dir, "r.jsonl");
  const text = jsonl(runLines());
  writeFileSync(file, text);
  linkSync(file, join(dir, "alias.html"));
  symlinkSync(file, join(dir, "sym.html"));
  symlinkSync("sym.html", join(dir, "sym-of-sym.html"));
  const cwd = process.cwd();
  process.chdir(dir);
  const names = [file, join(dir, ".", "r.jsonl"), join(dir, "alias.html"), "r.jsonl", "./r.jsonl", `../${basename(dir)}/r.jsonl`, "sym.html", join(dir, "sym-of-sym.html")];
  after(() => process.chdir(cwd));
  for (const html of names) {
    await assert.rejects(runReport([file], { html, out: quiet(), err: quiet() }), (e: unknown) =>
      e instanceof UserError && /^refusing to write .*: it is the input .*r\.jsonl, whose measurements it would overwrite$/.test(e.message));
  }
  process.chdir(cwd);
  assert.equal(readFileSync(file, "utf8"), text, "the measurements are intact");
  // The input named relatively, the output absolutely: the same file.
  process.chdir(dir);
  try {
    await assert.rejects(runReport(["r.jsonl"], { html: file, out: quiet(), err: quiet() }), (e: unknown) => e instanceof UserError && /^refusing to write/.test(e.message));
  } finally {
    process.chdir(cwd);
  }
  assert.equal(readFileSync(file, "utf8"), text);
});

test("an --html path that is a FIFO or a device is refused in one line, without waiting for a reader", async () => {
  const file = join(dir, "r2.jsonl");
  writeFileSync(file, jsonl(runLines()));
  const fifo = join(dir, "page.html");
  assert.equal(spawnSync("mkfifo", [fifo]).status, 0);
  // A reader at the other end, so that an open of the FIFO (the defect) ends instead of hanging the suite.
  const reader = spawn("sh", ["-c", `cat '${fifo}' > /dev/null`], { stdio: "ignore" });
  try {
    for (const html of [fifo, "/dev/null"]) {
      await assert.rejects(runReport([file], { html, out: quiet(), err: quiet() }), (e: unknown) =>
        e instanceof UserError && /^cannot write .*: is (a FIFO \(named pipe\)|a device), not a regular file$/.test(e.message));
    }
  } finally {
    reader.kill("SIGKILL");
  }
});

test("two runs written to one file at once: each keeps all of its lines", () => {
  const a = runLines({ board: "PICO", runId: "aaaa" });
  const b = runLines({ board: "ESP32", runId: "bbbb" });
  // Interleaved line by line, as two writers appending at once would leave them.
  const mixed = a.flatMap((line, i) => [line, b[i]]);
  const runs = splitRuns(mixed).map(summarize);
  assert.deepEqual(runs.map((s) => s.board), ["PICO", "ESP32"]);
  for (const s of runs) {
    assert.equal(s.styles.length, STYLE_IDS.length);
    assert.deepEqual(s.problems, []);
    assert.equal(s.complete, true);
  }
});

test("an incomplete mark goes to its own run, by run id", () => {
  const a = runLines({ board: "PICO", runId: "aaaa" }).slice(0, -1);
  const b = runLines({ board: "ESP32", runId: "bbbb" });
  const mixed = [...a.slice(0, 5), ...b, ...a.slice(5), { t: "incomplete" as const, r: "aaaa", reason: "interrupted on the host" }];
  const runs = splitRuns(mixed).map(summarize);
  assert.deepEqual(runs.map((s) => [s.board, s.complete]), [["PICO", false], ["ESP32", true]]);
});

test("report --html over a results file a bench is writing (by any name) is refused before anything is written, and the lock is let go after", async () => {
  const input = join(dir, "in.jsonl");
  writeFileSync(input, jsonl(runLines()));
  const running = join(dir, "running.jsonl");
  const writer = openResultsWriter(running);
  const first = runLines()[0];
  writer.write(first);
  linkSync(running, join(dir, "running-alias.html"));
  try {
    for (const html of [running, join(dir, "running-alias.html")]) {
      await assert.rejects(runReport([input], { html, out: quiet(), err: quiet() }), (e: unknown) =>
        e instanceof UserError && /is being written by another thincall \(pid \d+\)/.test(e.message));
    }
    assert.equal(readFileSync(running, "utf8"), JSON.stringify(first) + "\n", "the bench's lines are intact");
  } finally {
    writer.close();
  }
  // Once the bench is done, the page may be written there (the user's choice), and the lock is let go.
  await runReport([input], { html: join(dir, "after.html"), out: quiet(), err: quiet() });
  openResultsWriter(join(dir, "after.html")).close();
});

test("a NUL or an escape sequence in a results file reaches neither the terminal nor the page raw", async () => {
  const lines = runLines();
  const hello = lines.find((l) => l.t === "hello")!;
  (hello as { version: string }).version = "2v\u0000\u001b[31m29";
  const file = join(dir, "controls.jsonl");
  writeFileSync(file, jsonl(lines));
  let shown = "";
  const out = new Writable({ write: (c, _e, done) => ((shown += String(c)), done()) });
  const html = join(dir, "controls.html");
  await runReport([file], { html, out, err: quiet() });
  assert.doesNotMatch(shown, /[\x00\x1b]/);
  const page = readFileSync(html, "utf8");
  assert.doesNotMatch(page, /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/);
  assert.match(page, /2v\ufffd\ufffd\[31m29/);
});
