import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The nearest folder at or above `dir` holding a package.json. */
function packageDir(dir: string): string {
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/**
 * Root of the thincall package, where boards/, types/ and src/ are: found from this module the
 * same way whether it runs from scripts/ (through tsx) or compiled into lib/scripts/.
 */
export const PACKAGE_ROOT = packageDir(dirname(fileURLToPath(import.meta.url)));
