import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "./package-root.ts";

/** What a firmware build reads besides its entry: any change to these makes a new key. */
export const BUILD_INPUTS = ["src", "firmware", "scripts/bundle", "scripts/repl", "scripts/check", "types", "boards", "tsconfig.json", "tsconfig.device.json", "package-lock.json"];

function hashTree(hash: ReturnType<typeof createHash>, path: string): void {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of readdirSync(path).sort()) hashTree(hash, join(path, name));
  } else {
    hash.update(path).update("\0").update(readFileSync(path)).update("\0");
  }
}

/**
 * A build result cached on disk, keyed by `parts` and the content of every build input (`inputs`,
 * paths in the package), when `$THINCALL_BUILD_CACHE` names a folder; otherwise `compute` runs
 * every time. Tests set it so a bundle is built once per test run (test/shared-build-cache.ts),
 * not once per CLI run: a build is the slow, CPU-bound part of `bench`, and no test deadline
 * should include one.
 */
export async function cachedBuild<T>(parts: unknown[], compute: () => Promise<T>, env = process.env, inputs: readonly string[] = BUILD_INPUTS): Promise<T> {
  const dir = env.THINCALL_BUILD_CACHE;
  if (!dir) return compute();
  const hash = createHash("sha256").update(JSON.stringify(parts));
  for (const input of inputs) hashTree(hash, join(PACKAGE_ROOT, input));
  const file = join(dir, `${hash.digest("hex").slice(0, 32)}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    const value = await compute();
    mkdirSync(dir, { recursive: true });
    // Written aside, then renamed: a concurrent reader sees the whole file or none.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(value));
    renameSync(tmp, file);
    return value;
  }
}
