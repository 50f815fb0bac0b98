/**
 * The build cache of one test run (see scripts/bundle/build-cache.ts): every test file that
 * `node --test` starts shares it, so a bundle the CLI tests need is built once per run, not once
 * per file. It is keyed by the runner's pid, so two runs side by side never share one, and a
 * run's folder is removed by a later run once that runner is gone.
 */
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PREFIX = "thincall-test-builds-";

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes the cache folders of runs that have ended. */
function removeEndedRuns(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.slice(PREFIX.length));
    if (!name.startsWith(PREFIX) || !(pid > 0) || isRunning(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

/** This run's build cache folder: $THINCALL_BUILD_CACHE when set, else one per `node --test` run (the parent process). */
export function sharedBuildCache(): string {
  if (process.env.THINCALL_BUILD_CACHE) return process.env.THINCALL_BUILD_CACHE;
  removeEndedRuns();
  const dir = join(tmpdir(), `${PREFIX}${process.ppid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}
