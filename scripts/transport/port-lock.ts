import { readlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { UserError } from "../errors.ts";
import { processLockSystem, releaseLockFile, takeLockFile, type LockSystem } from "./lock-file.ts";

/** A held lock; `release` is safe to call twice. */
export interface PortLock {
  readonly path: string;
  release(): void;
}

/**
 * The network namespace of this process, so that two namespaces with their own 127.0.0.1:2323
 * (one interpreter each) do not lock each other out. Empty where there is no such notion.
 */
function networkNamespace(): string {
  try {
    return readlinkSync("/proc/self/ns/net").replace(/\D/g, "");
  } catch {
    return "";
  }
}

/** The lock file for a TCP console. @param dir @default os.tmpdir() */
export function lockPath(host: string, port: number, dir = tmpdir()): string {
  const ns = networkNamespace();
  return join(dir, `thincall-${host.replace(/[^\w.-]/g, "_")}-${port}${ns ? `-ns${ns}` : ""}.lock`);
}

/**
 * Takes the lock of a TCP console. A telnet console serves whoever connected last, so a second
 * thincall on the same port would take the board from the first and mix their lines: it is
 * refused instead. A lock whose process is gone (killed, crashed) is stale and taken over, by one
 * taker only (see {@link takeLockFile}).
 * The lock is released on {@link PortLock.release} and when the process exits.
 *
 * @throws UserError naming the process that holds the port.
 */
export function lockTcpPort(host: string, port: number, dir = tmpdir(), sys: LockSystem = processLockSystem): PortLock {
  const name = `tcp://${host}:${port}`;
  return holdLock(lockPath(host, port, dir), name, `${name} is in use by another thincall`, sys);
}

/**
 * Takes the lock file `path` for this process until {@link PortLock.release} or exit.
 * @param name what is locked, for messages
 * @param busy the message's start when a running process holds it (its pid and a hint follow)
 * @throws UserError naming the process that holds it.
 */
export function holdLock(path: string, name: string, busy: string, sys: LockSystem = processLockSystem): PortLock {
  let take;
  try {
    take = takeLockFile(path, sys);
  } catch (e) {
    throw new UserError(`cannot lock ${name} (${path}): ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (!take.taken) {
    throw new UserError(`${busy} (pid ${take.holder}); wait for it to end, or stop it with Ctrl-C`);
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off("exit", release);
    releaseLockFile(path, sys);
  };
  process.on("exit", release);
  return { path, release };
}
