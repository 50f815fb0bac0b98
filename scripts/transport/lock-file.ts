import { linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";

/**
 * What a lock file needs from the system; tests pass their own to interleave two takers.
 * Paths are plain file paths; the file calls throw Node's errors (`code` EEXIST, ENOENT...).
 */
export interface LockSystem {
  /** The taker's process id, written into the lock. */
  readonly pid: number;
  isRunning(pid: number): boolean;
  writeFile(path: string, text: string): void;
  /** Makes `to` a second name of `from`; throws EEXIST when `to` exists. */
  link(from: string, to: string): void;
  unlink(path: string): void;
  readFile(path: string): string;
  /** Waits a little before looking again (another taker is busy taking over). */
  pause(ms: number): void;
}

/** The running process, on the real file system. */
export const processLockSystem: LockSystem = {
  pid: process.pid,
  isRunning(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      // EPERM: it runs, as another user.
      return (e as NodeJS.ErrnoException).code === "EPERM";
    }
  },
  writeFile: (path, text) => writeFileSync(path, text),
  link: (from, to) => linkSync(from, to),
  unlink: (path) => unlinkSync(path),
  readFile: (path) => readFileSync(path, "utf8"),
  pause: (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms),
};

/** How {@link takeLockFile} ended: taken, or held by a running process (`holder`, its pid). */
export type LockTake = { taken: true } | { taken: false; holder: number };

/** Raised when a takeover by another process did not end in time (or the guards nest too deep). */
export class LockBusyError extends Error {}

const ATTEMPTS = 50;
const PAUSE_MS = 20;
const MAX_GUARD_DEPTH = 4;

/**
 * Takes the lock file `path` for `sys.pid`, unless a running process holds it.
 *
 * The lock is written whole (a temporary file linked into place), so a lock file never exists
 * empty. A lock whose holder is gone is stale; removing it is the race: two takers that both read
 * the stale lock must not both remove "it", since by the second removal it may be the first
 * taker's fresh lock. So a stale lock with text T is removed only by the taker holding the guard
 * lock `<path>.takeover-<T's pid>` (taken the same way, so a dead guard holder is survived too),
 * and only if the lock still reads T: once removed, a lock never reads T again, so a late taker
 * finds another text and leaves the lock alone. Taking the lock itself is always an exclusive link.
 */
export function takeLockFile(path: string, sys: LockSystem = processLockSystem, depth = 0): LockTake {
  if (depth > MAX_GUARD_DEPTH) throw new LockBusyError(`too many stale takeover guards at ${path}`);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (linkOwnLock(path, sys)) return { taken: true };
    const seen = readOrUndefined(path, sys);
    // Released between our link and our read: look again.
    if (seen === undefined) continue;
    const holder = parsePid(seen);
    if (holder !== undefined && sys.isRunning(holder)) return { taken: false, holder };
    const guard = `${path}.takeover-${holder ?? "unreadable"}`;
    const guardTake = takeLockFile(guard, sys, depth + 1);
    if (!guardTake.taken) {
      // Another taker is removing this stale lock; then the lock is its own or free.
      sys.pause(PAUSE_MS);
      continue;
    }
    try {
      if (readOrUndefined(path, sys) === seen) sys.unlink(path);
    } finally {
      releaseLockFile(guard, sys);
    }
  }
  throw new LockBusyError(`${path} is still being taken over by another process`);
}

/** Removes the lock file if it is `sys.pid`'s; safe to call when it is gone or another's. */
export function releaseLockFile(path: string, sys: LockSystem = processLockSystem): void {
  if (readOrUndefined(path, sys) !== lockText(sys.pid)) return;
  try {
    sys.unlink(path);
  } catch {
    /* already gone */
  }
}

function lockText(pid: number): string {
  return `${pid}\n`;
}

/** Links a complete lock of ours into place; false when a lock is there already. */
function linkOwnLock(path: string, sys: LockSystem): boolean {
  const temp = `${path}.${sys.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  sys.writeFile(temp, lockText(sys.pid));
  try {
    sys.link(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw e;
  } finally {
    try {
      sys.unlink(temp);
    } catch {
      /* best effort: a temp name is never reused */
    }
  }
}

function readOrUndefined(path: string, sys: LockSystem): string | undefined {
  try {
    return sys.readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
}

function parsePid(text: string): number | undefined {
  const pid = Number(/^(\d+)\n$/.exec(text)?.[1]);
  // Not 0: kill(0) would signal our own process group, which always "runs".
  return pid > 0 ? pid : undefined;
}
