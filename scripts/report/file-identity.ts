/**
 * Which file a path names, whatever name it goes by: `x`, `./x`, `/abs/x`, a symbolic link (even
 * one whose target does not exist yet) or a hard link. Used so that an output never overwrites an
 * input, and so that one output file has one writer.
 */
import { UserError } from "../errors.ts";
import { lstatSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";

/** Symbolic links followed at most, as the kernel's own limit (ELOOP). */
const MAX_LINKS = 40;

/**
 * The absolute path a write to `path` would reach: symbolic links followed, dangling ones too (a
 * write through one creates its target), and the nearest folder that exists resolved to its real
 * path. Two names of one file that does not exist yet give the same path.
 */
export function canonicalPath(path: string): string {
  let p = resolve(path);
  for (let i = 0; i < MAX_LINKS; i++) {
    let link = false;
    try {
      link = lstatSync(p).isSymbolicLink();
    } catch {
      /* missing: its folder is resolved below */
    }
    if (!link) break;
    p = resolve(dirname(p), readlinkSync(p));
  }
  try {
    return realpathSync(p);
  } catch {
    // Not there yet: the real path of the nearest folder that is, then the names below it.
    const parent = dirname(p);
    return parent === p ? p : resolve(canonicalPath(parent), basename(p));
  }
}

/**
 * One key per file: its device and inode when it exists (hard links share them), else the path a
 * write would create ({@link canonicalPath}).
 */
export function fileIdentity(path: string): string {
  try {
    const s = statSync(path);
    return `inode:${s.dev}:${s.ino}`;
  } catch {
    return `path:${canonicalPath(path)}`;
  }
}

/**
 * Refuses an output path that is one of the inputs (the same file by any name), so that nothing
 * overwrites what it reads: a report its measurements, a build its source. Checked before
 * anything is written.
 *
 * @param whose what the input holds, for the message. @default "measurements"
 * @throws UserError naming both paths.
 */
export function checkNotAnInput(output: string, inputs: readonly string[], whose = "measurements"): void {
  const out = fileIdentity(output);
  const same = inputs.find((input) => fileIdentity(input) === out);
  if (same !== undefined) throw new UserError(`refusing to write ${output}: it is the input ${same}, whose ${whose} it would overwrite`);
}
