import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** Root of the thincall package (its own module, so finding it loads no build tool). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
