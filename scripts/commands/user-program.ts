import { readFileSync } from "node:fs";
import type { BoardProfile } from "../boards/profile.ts";
import { buildBundle } from "../bundle/build.ts";
import { checkCode, formatViolation } from "../check/check.ts";
import { errorList, UserError } from "../errors.ts";

/** A user's program ready to upload, and the files it came from (for `--watch`). */
export interface UserProgram {
  code: string;
  sources: string[];
}

/** Options of {@link loadUserProgram}. */
export interface UserProgramOptions {
  /** Minify a `.ts` entry (false: `--no-minify`). @default true */
  minify?: boolean;
  /** Where the check's warnings on a `.js` bundle go. @default process.stderr */
  notes?: NodeJS.WritableStream;
}

/**
 * A user's program, as `flash` and `mem` upload it: a `.ts` entry built through the pipeline for
 * the board, or a `.js` bundle read as bytes and checked against what the board's Espruino runs
 * (warnings noted, errors thrown as one list).
 */
export async function loadUserProgram(file: string, board: BoardProfile, options: UserProgramOptions = {}): Promise<UserProgram> {
  if (/\.ts$/.test(file)) {
    const built = await buildBundle(file, board, undefined, options.minify === false ? { minify: false } : {});
    return { code: built.code, sources: built.sources ?? [file] };
  }
  let code: string;
  try {
    code = readFileSync(file, "latin1");
  } catch {
    throw new UserError(`cannot read ${file}`);
  }
  const found = checkCode(code, { file, board });
  for (const w of found.filter((v) => v.severity === "warning")) (options.notes ?? process.stderr).write(formatViolation(w, file) + "\n");
  const problems = found.filter((v) => v.severity !== "warning");
  if (problems.length > 0) throw errorList(problems.map((p) => formatViolation(p, file)), `${file} would not run on Espruino`);
  return { code, sources: [file] };
}

/** The code of a user's program (see {@link loadUserProgram}). */
export async function userProgramCode(file: string, board: BoardProfile): Promise<string> {
  return (await loadUserProgram(file, board)).code;
}
