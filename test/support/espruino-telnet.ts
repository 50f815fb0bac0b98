/**
 * The real Espruino interpreter (ESPRUINO_BIN) for CLI tests: started in a folder of its own, its
 * telnet console on 127.0.0.1:2323. Run such tests in a private network namespace when another
 * `espruino --telnet` may be running (`unshare -n`).
 */
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readlinkSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { releaseLockFile, takeLockFile } from "../../scripts/transport/lock-file.ts";

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

/**
 * Where test files, run as parallel processes, take turns at port 2323: one lock per network
 * namespace, as each has its own port 2323 (tests run under `unshare -n` do not wait for others).
 */
const PORT_LOCK = join(tmpdir(), `thincall-test-telnet-2323${networkNamespace()}.lock`);

/** This process's network namespace as a name suffix (`-4026531840`), or "" where there is none to read. */
function networkNamespace(): string {
  try {
    return `-${/\d+/.exec(readlinkSync("/proc/self/ns/net"))?.[0] ?? ""}`;
  } catch {
    return "";
  }
}

/**
 * Waits for this process's turn at port 2323, then checks that nothing else serves it; returns
 * the release. Test files run in parallel and `espruino --telnet` serves one client at a time:
 * even another file's "is the port free?" probe takes the console from a bench that is running.
 */
export async function takeTelnetPort(): Promise<() => void> {
  for (let take = takeLockFile(PORT_LOCK); !take.taken; take = takeLockFile(PORT_LOCK)) {
    // Waiting for ourselves would never end.
    if (take.holder === process.pid) assert.fail("this test process already holds port 2323: stop its interpreter (or release the port) first");
    await sleep(250);
  }
  const release = () => releaseLockFile(PORT_LOCK);
  if (await canConnect(2323)) {
    release();
    assert.fail("port 2323 is in use: stop the other `espruino --telnet` (or run this test in its own network namespace)");
  }
  return release;
}

/** A running `espruino --telnet`, in a folder of its own, holding this process's turn at port 2323. */
export interface EspruinoTelnet {
  readonly url: string;
  readonly dir: string;
  /** Kills it (it ignores SIGTERM), checks the port closed, removes its folder, gives the port back. */
  stop(): Promise<void>;
}

/** Starts `espruino --telnet` once the port is this process's (see {@link takeTelnetPort}). */
export async function startEspruinoTelnet(): Promise<EspruinoTelnet> {
  const release = await takeTelnetPort();
  const dir = mkdtempSync(join(tmpdir(), "thincall-espruino-"));
  const espruino = startInterpreter(dir, ["--telnet"]);
  const stop = async () => {
    try {
      espruino.child.kill("SIGKILL");
      await espruino.exited;
      assert.equal(await canConnect(2323), false, "the interpreter is gone");
    } finally {
      rmSync(dir, { recursive: true, force: true });
      release();
    }
  };
  try {
    await waitUntil(() => canConnect(2323), 10000, "espruino --telnet did not open port 2323");
  } catch (e) {
    await stop();
    throw e;
  }
  return { url: "tcp://127.0.0.1:2323", dir, stop };
}

/** Runs `work` with `espruino --telnet` serving `tcp://127.0.0.1:2323`, then stops it. */
export async function withEspruinoTelnet(work: (url: string) => Promise<void>): Promise<void> {
  const espruino = await startEspruinoTelnet();
  try {
    await work(espruino.url);
  } finally {
    await espruino.stop();
  }
}
