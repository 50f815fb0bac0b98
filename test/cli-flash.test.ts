/** `thincall flash` and `thincall build` for a user's own program, against the virtual board. */
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { killAllCli, runCli, tempDir, warmBuildCache } from "./support/cli-helpers.ts";

const tmp = tempDir();
// The example is built once, here (for the default board, the virtual one): the flash runs below reuse it.
before(() => warmBuildCache("virtual", "firmware/examples/sensors.ts"));
after(() => {
  killAllCli();
  tmp.remove();
});

for (const to of ["ram", "flash"]) {
  test(`flash --to ${to} builds the example, uploads it and streams its output`, async () => {
    const r = await runCli(["flash", "firmware/examples/sensors.ts", "--to", to, "--timeout", "6"], { timeoutMs: 60000 });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^drivers: thermistor, button/m);
    assert.match(r.stdout, /^DONE$/m);
    assert.doesNotMatch(r.stdout, /TCSYNC/, "the uploader's sync tokens are not shown");
  });
}

test("a user's program: build writes ./dist/<board>/<name>.js, flash runs it, check passes it", async () => {
  const src = tmp.path("hello.ts");
  writeFileSync(src, 'import { func } from "thincall";\nconst c = func({ n: 41 }, function (this: { n: number }) { return this.n + 1; });\nprint("ANSWER " + c.f());\n');
  // In a folder of its own: ./dist is the user's, and another test run may be building beside this one.
  const built = await runCli(["build", "--board", "esp32", src], { cwd: tmp.dir });
  assert.equal(built.code, 0, built.stderr);
  const bundle = join(tmp.dir, "dist", "esp32", "hello.js");
  assert.ok(existsSync(bundle), `${bundle} written`);
  assert.match(built.stdout, /esp32\/hello\.js\s+\d+/);
  const checked = await runCli(["check", bundle]);
  assert.equal(checked.code, 0, checked.stderr);
  const ran = await runCli(["flash", bundle, "--timeout", "3"], { timeoutMs: 60000 });
  assert.equal(ran.code, 0, ran.stderr);
  assert.match(ran.stdout, /^ANSWER 42$/m);
  assert.ok(readFileSync(bundle, "utf8").length < 2000, "the bundle carries only what it imports");
});
