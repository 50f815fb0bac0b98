/**
 * Espruino built for Linux, serving its console with `espruino --telnet` on 127.0.0.1:2323, for
 * as long as a task needs it: the reference interpreter of the published figures.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UserError } from "../errors.ts";

/** The port `espruino --telnet` serves. */
export const TELNET_PORT = 2323;

/** How long the interpreter may take to open its port, ms. @default 10000 */
const START_MS = 10000;

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, "127.0.0.1");
    s.once("connect", () => (s.destroy(), resolve(true)));
    s.once("error", () => resolve(false));
  });
}

/**
 * Starts `bin --telnet` in a folder of its own (it keeps Storage in ./espruino.flash), runs
 * `task` with the port URL, then kills it (it ignores SIGTERM) and removes the folder.
 * @throws UserError when the binary is missing, port 2323 is taken, or the port does not open.
 */
export async function withLinuxInterpreter<T>(bin: string | undefined, task: (port: string) => Promise<T>): Promise<T> {
  if (!bin || !existsSync(bin)) throw new UserError(`set ESPRUINO_BIN to Espruino built for Linux (see README_Building.md in Espruino's repository)${bin ? `; not found: ${bin}` : ""}`);
  if (await canConnect(TELNET_PORT)) throw new UserError(`port ${TELNET_PORT} is in use: stop the other \`espruino --telnet\` first`);
  const work = mkdtempSync(join(tmpdir(), "thincall-espruino-"));
  // Stdin stays open, or the interpreter quits.
  const child = spawn(bin, ["--telnet"], { cwd: work, stdio: ["pipe", "ignore", "ignore"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const deadline = Date.now() + START_MS;
    while (!(await canConnect(TELNET_PORT))) {
      if (Date.now() > deadline || child.exitCode !== null) throw new UserError(`${bin} --telnet did not open port ${TELNET_PORT} within ${START_MS / 1000} s`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return await task(`tcp://127.0.0.1:${TELNET_PORT}`);
  } finally {
    child.kill("SIGKILL");
    await exited;
    rmSync(work, { recursive: true, force: true });
  }
}
