/** One thincall per TCP console: a second is refused while the first runs; a dead holder's lock is taken over. */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { UserError } from "../scripts/errors.ts";
import { lockPath, lockTcpPort } from "../scripts/transport/port-lock.ts";

const dir = mkdtempSync(join(tmpdir(), "thincall-lock-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("a second lock on the same port is refused with the holder's pid; release frees it", () => {
  const first = lockTcpPort("127.0.0.1", 2323, dir);
  assert.throws(
    () => lockTcpPort("127.0.0.1", 2323, dir),
    (e: unknown) => e instanceof UserError && e.message === `tcp://127.0.0.1:2323 is in use by another thincall (pid ${process.pid}); wait for it to end, or stop it with Ctrl-C`,
  );
  const other = lockTcpPort("127.0.0.1", 2324, dir);
  first.release();
  first.release();
  assert.ok(!existsSync(first.path));
  lockTcpPort("127.0.0.1", 2323, dir).release();
  other.release();
});

test("a lock left by a process that is gone is stale and taken over", () => {
  const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
  writeFileSync(lockPath("127.0.0.1", 2323, dir), `${dead}\n`);
  const lock = lockTcpPort("127.0.0.1", 2323, dir);
  lock.release();
  writeFileSync(lockPath("127.0.0.1", 2323, dir), "garbage");
  lockTcpPort("127.0.0.1", 2323, dir).release();
});
