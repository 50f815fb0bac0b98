import { readFileSync } from "node:fs";
import type { BoardProfile } from "../boards/profile.ts";
import { buildBundle } from "../bundle/build.ts";
import { checkCode, formatViolation } from "../check/check.ts";
import { listErrors, UserError } from "../errors.ts";

/**
 * The code of a user's program, as `flash` and `mem` upload it: a `.ts` entry built through the
 * pipeline for the board, or a `.js` bundle read as bytes and checked against what Espruino runs.
 */
export async function userProgramCode(file: string, board: BoardProfile): Promise<string> {
  if (/\.ts$/.test(file)) return (await buildBundle(file, board)).code;
  let code: string;
  try {
    code = readFileSync(file, "latin1");
  } catch {
    throw new UserError(`cannot read ${file}`);
  }
  const problems = checkCode(code, { file });
  if (problems.length > 0) throw new UserError(listErrors(problems.map((p) => formatViolation(p, file)), `${file} would not run on Espruino`));
  return code;
}
