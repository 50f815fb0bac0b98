/**
 * The core as one Espruino module file, `thincall.min.js`, for people who load modules the Espruino
 * way (the Web IDE's `require("thincall")`, the `espruino` CLI, or a file in Storage): CommonJS
 * `exports.func = …`, minified by the same pipeline as a firmware bundle.
 */
import { join } from "node:path";
import { rollup } from "rollup";
import type { BoardProfile } from "../boards/profile.ts";
import { PACKAGE_ROOT } from "../bundle/package-root.ts";
import { thincall } from "../bundle/plugin.ts";

/** The module's source: every export of the core, for `board` (its size does not depend on the board). */
export async function coreModuleCode(board: BoardProfile): Promise<string> {
  const input = join(PACKAGE_ROOT, "src", "index.ts");
  const bundle = await rollup({ input, plugins: thincall({ board, library: true, entry: input }), logLevel: "silent" });
  try {
    // Espruino runs a module with `exports` in scope; no "use strict" or __esModule marker is needed.
    const { output } = await bundle.generate({ format: "cjs", exports: "named", esModule: false, strict: false });
    return output[0].code.trim() + "\n";
  } finally {
    await bundle.close();
  }
}
