/**
 * A stale lock file is taken over by one taker only, whatever the interleaving: two takers are
 * simulated in this process (their own pids, injected file calls), and the second one runs whole
 * in the middle of the first, at each of the first's file calls in turn.
 */
import assert from "node:assert/strict";
import { existsSync, linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { LockBusyError, releaseLockFile, takeLockFile, type LockSystem } from "../scripts/transport/lock-file.ts";

const root = mkdtempSync(join(tmpdir(), "thincall-lock-file-"));
after(() => rmSync(root, { recursive: true, force: true }));

const DEAD = 999;
const FIRST = 1001;
const SECOND = 1002;
const running = new Set([FIRST, SECOND]);

/** A simulated process on the real file system; `beforeCall(n)` runs before its n-th file call (from 1). */
function simulated(pid: number, beforeCall: (n: number) => void = () => {}): LockSystem & { calls: number; pauses: number } {
  const sys = {
    pid,
    calls: 0,
    pauses: 0,
    isRunning: (p: number) => running.has(p),
    writeFile: (path: string, text: string) => (step(), writeFileSync(path, text)),
    link: (from: string, to: string) => (step(), linkSync(from, to)),
    unlink: (path: string) => (step(), unlinkSync(path)),
    readFile: (path: string) => (step(), readFileSync(path, "utf8")),
    pause: () => void sys.pauses++,
  };
  const step = () => beforeCall(++sys.calls);
  return sys;
}

type Outcome = "taken" | "refused" | "busy";

function outcome(take: () => ReturnType<typeof takeLockFile>): Outcome {
  try {
    return take().taken ? "taken" : "refused";
  } catch (e) {
    if (e instanceof LockBusyError) return "busy";
    throw e;
  }
}

test("two takers of a stale lock: exactly one holds it, wherever the second runs inside the first", () => {
  // How many file calls the first taker makes alone.
  const alone = join(root, "alone.lock");
  writeFileSync(alone, `${DEAD}\n`);
  const solo = simulated(FIRST);
  assert.equal(outcome(() => takeLockFile(alone, solo)), "taken");
  assert.ok(solo.calls > 4, `expected a takeover to take several file calls, got ${solo.calls}`);

  for (let at = 1; at <= solo.calls; at++) {
    const dir = mkdtempSync(join(root, `at${at}-`));
    const path = join(dir, "port.lock");
    writeFileSync(path, `${DEAD}\n`);
    let second: Outcome | undefined;
    const lockIsWhole = () => assert.ok(!existsSync(path) || /^\d+\n$/.test(readFileSync(path, "utf8")), `lock file without a pid, at call ${at}`);
    const first = simulated(FIRST, (n) => {
      lockIsWhole();
      if (n === at) second = outcome(() => takeLockFile(path, simulated(SECOND, lockIsWhole)));
    });
    const firstOutcome = outcome(() => takeLockFile(path, first));
    const holders = [firstOutcome === "taken" && FIRST, second === "taken" && SECOND].filter((p) => p !== false);
    assert.equal(holders.length, 1, `second taker run at the first's call ${at}: first ${firstOutcome}, second ${second}`);
    assert.equal(readFileSync(path, "utf8"), `${holders[0]}\n`, `the lock names its holder (second run at call ${at})`);
    // Only the lock remains: no temporary file, no takeover guard.
    releaseLockFile(path, simulated(holders[0]!));
    assert.deepEqual(readdirSync(dir), [], `files left after release (second run at call ${at})`);
  }
});

test("a takeover guard left by a dead taker is taken over too", () => {
  const dir = mkdtempSync(join(root, "guard-"));
  const path = join(dir, "port.lock");
  writeFileSync(path, `${DEAD}\n`);
  writeFileSync(`${path}.takeover-${DEAD}`, `${DEAD + 1}\n`);
  assert.equal(outcome(() => takeLockFile(path, simulated(FIRST))), "taken");
  assert.equal(readFileSync(path, "utf8"), `${FIRST}\n`);
});

test("while a running taker holds the guard, the stale lock is left to it, and a taker that waits too long gives up", () => {
  const dir = mkdtempSync(join(root, "busy-"));
  const path = join(dir, "port.lock");
  writeFileSync(path, `${DEAD}\n`);
  writeFileSync(`${path}.takeover-${DEAD}`, `${SECOND}\n`);
  const sys = simulated(FIRST);
  assert.equal(outcome(() => takeLockFile(path, sys)), "busy");
  assert.ok(sys.pauses > 0, "it waited between looks");
  assert.equal(readFileSync(path, "utf8"), `${DEAD}\n`, "the stale lock is still there for the guard's holder");
});

test("a lock held by a running process is refused with its pid; release by another process leaves it", () => {
  const dir = mkdtempSync(join(root, "held-"));
  const path = join(dir, "port.lock");
  assert.deepEqual(takeLockFile(path, simulated(FIRST)), { taken: true });
  assert.deepEqual(takeLockFile(path, simulated(SECOND)), { taken: false, holder: FIRST });
  releaseLockFile(path, simulated(SECOND));
  assert.equal(readFileSync(path, "utf8"), `${FIRST}\n`);
  releaseLockFile(path, simulated(FIRST));
  assert.ok(!existsSync(path));
});
