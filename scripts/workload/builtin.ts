/**
 * The built-in bench's workload (firmware/workloads/shapes.ts) and where its generated styles
 * live (firmware/bench/generated/, imported by firmware/bench.ts). Run this file to rewrite them:
 * `npm run gen:bench`.
 */
import { join } from "node:path";
import { PACKAGE_ROOT } from "../bundle/package-root.ts";
import { writeStyles } from "./generate.ts";
import { loadWorkload } from "./load.ts";

/** The built-in workload file. */
export const BUILTIN_WORKLOAD = join(PACKAGE_ROOT, "firmware", "workloads", "shapes.ts");

/** Where its styles are generated. */
export const BUILTIN_STYLES_DIR = join(PACKAGE_ROOT, "firmware", "bench", "generated");

/** The core, as the generated built-in styles import it (relative: firmware imports src/ so). */
export const BUILTIN_CORE_IMPORT = "../../../src/index";

/** Regenerates the built-in styles into `dir`. */
export async function writeBuiltinStyles(dir = BUILTIN_STYLES_DIR): Promise<void> {
  const w = await loadWorkload(BUILTIN_WORKLOAD);
  writeStyles({ ...w, file: "firmware/workloads/shapes.ts" }, dir, BUILTIN_CORE_IMPORT);
}

if (import.meta.url === `file://${process.argv[1]}`) await writeBuiltinStyles();
