/**
 * `thincall flash --save`: the program survives a restart, as after Espruino's `save()`. On the real
 * interpreter (ESPRUINO_BIN): flash over its telnet console, kill it, start it again in the same
 * folder (it keeps Storage in ./espruino.flash) and see the program run again. `flash` also says
 * how to stop streaming (checked on the virtual board).
 */
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import { after, test } from "node:test";
import { killAllCli, runCli, tempDir } from "./support/cli-helpers.ts";
import { canConnect, startInterpreter as start, takeTelnetPort, waitUntil as waitFor } from "./support/espruino-telnet.ts";

const BIN = process.env.ESPRUINO_BIN;
const skip = BIN ? false : "ESPRUINO_BIN not set: skipping flash --save across a restart of the real Espruino interpreter";
if (skip) process.stdout.write(`# ${skip}\n`);

const tmp = tempDir();
const children: ChildProcess[] = [];
after(() => {
  for (const c of children) c.kill("SIGKILL"); // the Linux build ignores SIGTERM
  killAllCli();
  tmp.remove();
});

/** Starts the interpreter in `dir`; killed after the tests. */
function startInterpreter(dir: string, args: string[]): ReturnType<typeof start> {
  const started = start(dir, args);
  children.push(started.child);
  return started;
}

test("flash says how to stop streaming", async () => {
  const prog = tmp.path("hi.js");
  writeFileSync(prog, 'print("HI");\n');
  const r = await runCli(["flash", prog, "--timeout", "2"], { timeoutMs: 60000 });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^HI$/m);
  assert.match(r.stderr, /streaming the board's output for 2 s \(Ctrl-C stops sooner\)/);
});

test("flash --save with --to ram is a usage error", async () => {
  const prog = tmp.path("hi2.js");
  writeFileSync(prog, 'print("HI");\n');
  const r = await runCli(["flash", prog, "--save", "--to", "ram", "--timeout", "1"], { timeoutMs: 60000 });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^thincall: --save runs the program from Storage at every start; leave out --to ram\n$/);
});

test("flash --save: the program runs again after the interpreter restarts in the same folder", { skip }, async (t) => {
  const release = await takeTelnetPort();
  t.after(release);
  const dir = tmp.path("board");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(dir);
  const prog = tmp.path("saved.js");
  writeFileSync(prog, 'var n = 6 * 7;\nprint("SAVED-PROGRAM " + n);\n');

  const first = startInterpreter(dir, ["--telnet"]);
  await waitFor(() => canConnect(2323), 10000, "espruino --telnet did not open port 2323");
  const r = await runCli(["flash", prog, "--board", "linux", "--port", "tcp://127.0.0.1:2323", "--save", "--timeout", "2"], { timeoutMs: 60000 });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^SAVED-PROGRAM 42$/m, "it runs right away");
  assert.match(r.stderr, /saved as Storage \.bootcde: it runs at every start/);
  first.child.kill("SIGKILL");
  await first.exited;

  // A fresh start in the same folder, no console attached: the saved program runs by itself.
  const second = startInterpreter(dir, []);
  await waitFor(() => /SAVED-PROGRAM 42/.test(second.output()), 10000, `the restarted interpreter did not run the program: ${second.output()}`);
  second.child.kill("SIGKILL");
});
