/**
 * Stopping a program on the real interpreter behind a pseudo-terminal (socat), as a serial board:
 * `flash --timeout` ends a top level that never returns and leaves the board answering.
 * Needs ESPRUINO_BIN (Espruino built for Linux) and socat; skipped with a notice otherwise.
 */
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { runCli, waitFor } from "./support/cli-helpers.ts";

const bin = process.env.ESPRUINO_BIN;
const socat = spawnSync("socat", ["-V"]).status === 0;
const skip = !bin ? "ESPRUINO_BIN is not set" : !socat ? "socat is not installed" : false;
if (skip) process.stderr.write(`real-stop.test.ts: skipped (${skip})\n`);

const dir = mkdtempSync(join(tmpdir(), "thincall-real-stop-"));
const tty = join(dir, "ttyESP");
let bridge: ChildProcess | undefined;

before(async () => {
  if (skip) return;
  // The interpreter writes espruino.flash where it runs: in the scratch folder.
  bridge = spawn("socat", [`pty,link=${tty},raw,echo=0`, `EXEC:${bin},pty,raw,echo=0`], { cwd: dir, stdio: "ignore" });
  await waitFor(() => existsSync(tty), 30000, "the pty");
});
after(() => {
  // socat ends the interpreter with it; the Linux build ignores SIGTERM, so both get SIGKILL.
  bridge?.kill("SIGKILL");
  spawnSync("pkill", ["-KILL", "-P", String(bridge?.pid ?? 0)]);
  rmSync(dir, { recursive: true, force: true });
});

test("flash --timeout stops an endless top level on the real interpreter; the board answers the next flash", { skip }, async () => {
  const loop = join(dir, "loop.js");
  writeFileSync(loop, 'print("START");\nwhile (true) {}\n');
  const r = await runCli(["flash", loop, "--board", "linux", "--port", tty, "--timeout", "3"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^START$/m);
  assert.match(r.stderr, /stopped the program at the --timeout of 3 s .*the board answers/);
  const again = join(dir, "again.js");
  writeFileSync(again, 'print("AG"+"AIN");\n');
  const r2 = await runCli(["flash", again, "--board", "linux", "--port", tty, "--timeout", "1"]);
  assert.equal(r2.code, 0, r2.stderr);
  assert.match(r2.stdout, /^AGAIN$/m);
});
