import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { summarizeRuns } from "../scripts/bench/summary.ts";
import { README_BEGIN, README_END, publishedForOf, readmeBlock, withReadmeBlock, type PublishedRun } from "../scripts/report/published.ts";
import { readResultsFile, splitRuns } from "../scripts/report/results-file.ts";
import { runLines } from "./support/report-fixtures.ts";
import { summarize } from "../scripts/bench/summary.ts";
import { STYLE_IDS } from "../scripts/bench/schema.ts";

const ROOT = join(import.meta.dirname, "..");

const run = (summary = summarize(runLines())): PublishedRun => ({ summary, jsonl: "docs/results/x.jsonl", html: "docs/results/x.html", command: "npx thincall bench" });

test("the README block is replaced between its markers, and its for…of ratios read back", () => {
  const block = readmeBlock(run(), run(summarize(runLines({ blocksize: 14 }))));
  const readme = withReadmeBlock(`# t\n\nbefore\n${README_BEGIN}\nold table\n${README_END}\nafter\n`, block);
  assert.match(readme, /^# t\n\nbefore\n<!-- results:begin/);
  assert.match(readme, /<!-- results:end -->\nafter\n$/);
  assert.doesNotMatch(readme, /old table/);
  const ratios = publishedForOf(readme);
  // The fixture: thin.vtable 12.8 µs against js.class's 12.
  assert.equal(ratios.get("thin.vtable"), Number((12.8 / 12).toFixed(2)));
  assert.equal(ratios.get("baseline.inline"), Number((6.1 / 12).toFixed(2)));
  assert.equal(ratios.size, STYLE_IDS.length);
  assert.throws(() => withReadmeBlock("# no markers\n", block), /README\.md has no figures block/);
});

test("the README's figures are the published results files' (run `npx thincall results --from-files` after a change)", () => {
  const file = (name: string) => {
    const { lines } = readResultsFile(join(ROOT, "docs/results", name));
    return summarizeRuns(splitRuns(lines))[0];
  };
  const linux = file("linux-2v29.bench2.jsonl");
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const published = publishedForOf(readme);
  assert.equal(published.size, linux.styles.length, "every style has its row");
  for (const s of linux.styles) assert.equal(published.get(s.id), Number(s.vsClass.forOf!.toFixed(2)), s.id);
  const begin = readme.indexOf("<!-- results:begin");
  const emu = file("emu-2v29.bench2.jsonl");
  const host = (name: string) => JSON.parse(readFileSync(join(ROOT, "docs/results", name), "utf8").split("\n")[0]).command as string;
  const expected = readmeBlock(
    { summary: linux, jsonl: "docs/results/linux-2v29.bench2.jsonl", html: "docs/results/linux-2v29.bench2.html", command: `npx ${host("linux-2v29.bench2.jsonl")} --out docs/results/linux-2v29.bench2.jsonl` },
    { summary: emu, jsonl: "docs/results/emu-2v29.bench2.jsonl", html: "docs/results/emu-2v29.bench2.html", command: "" },
  );
  assert.equal(readme.slice(begin, readme.indexOf(README_END) + README_END.length), expected, "the block is generated: run `npx thincall results --from-files`");
});

test("thincall results: a README without markers fails before any run; --from-files rewrites every page from the published files", async () => {
  const { runResults } = await import("../scripts/commands/results.ts");
  const dir = mkdtempSync(join(tmpdir(), "thincall-results-test-"));
  try {
    writeFileSync(join(dir, "NO-MARKERS.md"), "# nothing\n");
    await assert.rejects(runResults({ readme: join(dir, "NO-MARKERS.md"), dir }), /has no figures block/);
    for (const f of ["linux-2v29.bench2.jsonl", "emu-2v29.bench2.jsonl"]) copyFileSync(join(ROOT, "docs/results", f), join(dir, f));
    writeFileSync(join(dir, "README.md"), `# r\n${README_BEGIN}\nstale\n${README_END}\n`);
    const written = await runResults({ dir, readme: join(dir, "README.md"), fromFiles: true });
    assert.deepEqual(written.map((f) => f.split("/").pop()).sort(), ["README.md", "emu-2v29.bench2.html", "emu-2v29.bench2.md", "linux-2v29.bench2.html"]);
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    assert.doesNotMatch(readme, /stale/);
    assert.equal(publishedForOf(readme).size, STYLE_IDS.length, "every style of the published run");
    assert.match(readFileSync(join(dir, "emu-2v29.bench2.md"), "utf8"), /^# Espruino 2v29\.74, emulated/);
    assert.match(readFileSync(join(dir, "linux-2v29.bench2.html"), "utf8"), /<section id="picks">/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
