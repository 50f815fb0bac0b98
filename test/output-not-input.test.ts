/** An output never overwrites an input, by any name: `build -o`, `flash -o` and `bench --out` against their sources. */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { after, test } from "node:test";
import { runBench } from "../scripts/commands/bench.ts";
import { runBuild } from "../scripts/commands/build.ts";
import { runFlash } from "../scripts/commands/flash.ts";
import { UserError } from "../scripts/errors.ts";

const dir = mkdtempSync(join(tmpdir(), "thincall-output-input-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const quiet = () => new Writable({ write: (_c, _e, done) => done() }) as unknown as NodeJS.WriteStream;
const refused = (whose: string) => (e: unknown) =>
  e instanceof UserError && new RegExp(`^refusing to write .*: it is the input .*, whose ${whose} it would overwrite$`).test(e.message);

const app = join(dir, "app.ts");
const lib = join(dir, "lib.ts");
const APP = 'import { k } from "./lib";\nconst x: number = k;\nprint("hi " + x);\n';
const LIB = "export const k: number = 1;\n";
writeFileSync(app, APP);
writeFileSync(lib, LIB);
symlinkSync(lib, join(dir, "lib-link.ts"));

test("build -o naming the entry, or a file it imports (through a link), is refused and both stay intact", async () => {
  for (const bundleOut of [app, join(dir, ".", "app.ts"), lib, join(dir, "lib-link.ts")]) {
    await assert.rejects(runBuild({ board: "linux", entries: [app], bundleOut, out: quiet() }), refused("source"), bundleOut);
  }
  assert.equal(readFileSync(app, "utf8"), APP);
  assert.equal(readFileSync(lib, "utf8"), LIB);
});

test("flash -o naming the program or a file it imports is refused before the board is touched", async () => {
  for (const bundleOut of [app, join(dir, "lib-link.ts")]) {
    await assert.rejects(runFlash({ file: app, bundleOut, port: "virtual", timeoutS: 1, out: quiet(), err: quiet(), notes: quiet() }), refused("source"), bundleOut);
  }
  assert.equal(readFileSync(app, "utf8"), APP);
  assert.equal(readFileSync(lib, "utf8"), LIB);
});

test("bench --out naming the workload file is refused", async () => {
  const workload = join(dir, "work.ts");
  writeFileSync(workload, "// a workload\n");
  await assert.rejects(runBench({ workload, out: workload, port: "virtual", stdout: quiet(), stderr: quiet() }), refused("workload"));
  assert.equal(readFileSync(workload, "utf8"), "// a workload\n");
});
