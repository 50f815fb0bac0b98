/**
 * The real Espruino interpreter (ESPRUINO_BIN) for CLI tests: started in a folder of its own, its
 * telnet console on 127.0.0.1:2323. Run such tests in a private network namespace when another
 * `espruino --telnet` may be running (`unshare -n`).
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Whether something listens on 127.0.0.1:`port`. */
export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

/** Starts the interpreter in `dir`, stdin an open pipe (a closed one can make it quit), collecting its output. */
export function startInterpreter(dir: string, args: string[]): { child: ChildProcess; output: () => string; exited: Promise<void> } {
  const child = spawn(process.env.ESPRUINO_BIN!, args, { cwd: dir, stdio: ["pipe", "pipe", "pipe"] });
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  return { child, output: () => out, exited };
}

/** Polls `cond` until true, or fails with `what` after `ms`. */
export async function waitUntil(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    assert.ok(Date.now() < deadline, what);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Runs `work` with `espruino --telnet` serving `tcp://127.0.0.1:2323`, then kills it (it ignores SIGTERM). */
export async function withEspruinoTelnet(work: (url: string) => Promise<void>): Promise<void> {
  assert.equal(await canConnect(2323), false, "port 2323 is in use: stop the other `espruino --telnet` (or run this test in its own network namespace)");
  const dir = mkdtempSync(join(tmpdir(), "thincall-espruino-"));
  const espruino = startInterpreter(dir, ["--telnet"]);
  try {
    await waitUntil(() => canConnect(2323), 10000, "espruino --telnet did not open port 2323");
    await work("tcp://127.0.0.1:2323");
  } finally {
    espruino.child.kill("SIGKILL");
    await espruino.exited;
    rmSync(dir, { recursive: true, force: true });
  }
}
