import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { rollup, type RollupOptions } from "rollup";
import type { BoardProfile } from "../boards/profile.ts";
import { ERROR_LIMIT, errorList, UserError } from "../errors.ts";
import { defaultOutDir, entryName, type BuildBundleOptions, type BuiltBundle } from "./entry.ts";
import { PACKAGE_ROOT } from "./package-root.ts";
import { tooDeepEntry } from "./depth-guard.ts";
import { thincall } from "./plugin.ts";
import { sourceConstructs, typeErrors } from "./type-errors.ts";

/*
 * The builds themselves, with rollup and the thincall plugin; build.ts loads this module only
 * when a build runs (see scripts/bundle/build-cache.ts).
 */

/** The code of a library bundle of `input`, minified for the board, without its export statement. */
export async function libraryCode(input: string, board: BoardProfile, checked = false): Promise<string> {
  const bundle = await rollup({
    input,
    plugins: thincall({ board, library: true, entry: input, checked }),
    logLevel: "silent",
  });
  try {
    const { output } = await bundle.generate({ format: "es" });
    return output[0].code.replace(/export\s*\{[^}]*\};?\s*$/, "").trim();
  } finally {
    await bundle.close();
  }
}

/** Rollup options for one entry on one board: one self-contained script in `dist/<board>/`. */
export function bundleOptions(entry: string, board: BoardProfile, outDir = defaultOutDir(entry), typeCheck = true, checked = false, minify = true): RollupOptions {
  return {
    input: entry,
    plugins: thincall({ board, entry, typeCheck, checked, minify }),
    onwarn(warning, warn) {
      if (warning.code === "EMPTY_BUNDLE") return;
      warn(warning);
    },
    output: {
      file: join(outDir, board.id, `${entryName(entry)}.js`),
      format: "es",
      // The map is written beside the bundle, but no comment points at it: the board stores every byte.
      sourcemap: "hidden",
    },
  };
}

/** Every finding of a failed build: all TypeScript errors, or each line of a check failure. */
function buildErrors(e: unknown, entry: string, boardId: string): string[] {
  const message = (e instanceof Error ? e.message : String(e)).replace(/^\[plugin [^\]]+\]\s*/, "");
  // The TypeScript plugin stops at its first error; ask TypeScript for all of them.
  if (/@rollup\/plugin-typescript TS\d+/.test(message)) {
    const all = typeErrors(entry, boardId);
    if (all.length > 0) return all;
  }
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  // A check failure's first line only names the bundle; the findings follow.
  if (!(lines.length > 1 && /would not run this bundle:$/.test(lines[0]))) return lines;
  const findings = lines.slice(1);
  // Findings inside TypeScript's helpers (a `#x` field's WeakMap) map to no line of the user's:
  // the construct that needs the helper is reported where it was written instead.
  const unmapped = (l: string) => !/^[^:]+\.tsx?:\d+:\d+:/.test(l);
  if (!findings.some(unmapped)) return findings;
  const constructs = sourceConstructs(entry, boardId);
  return constructs.length > 0 ? [...constructs, ...findings.filter((l) => !unmapped(l))] : findings;
}

/** Whether a chunk's rendered modules include code of the dispatch core (src/). */
export function carriesCore(modules: { readonly [id: string]: { renderedLength: number } }): boolean {
  const src = join(PACKAGE_ROOT, "src") + sep;
  return Object.entries(modules).some(([id, m]) => id.startsWith(src) && m.renderedLength > 0);
}

/** Builds one entry for one board with rollup, writes it and its source map, and returns it. */
export async function rollupBundle(entry: string, board: BoardProfile, outDir?: string, opts: BuildBundleOptions = {}): Promise<BuiltBundle> {
  // Pathologically deep code fails now, in one line, not after minutes in the compiler.
  const tooDeep = tooDeepEntry(entry);
  if (tooDeep) throw new UserError(tooDeep);
  const options = bundleOptions(entry, board, outDir, opts.typeCheck !== false, opts.checked === true, opts.minify !== false);
  const output = options.output as { file: string };
  let bundle;
  try {
    // Only the check's warnings (it works, or behaves differently, on this board) are shown; other logs stay quiet.
    bundle = await rollup({
      ...options, output: undefined, logLevel: "warn",
      onLog: (level, log) => {
        if (level === "warn" && log.plugin === "thincall-lines") process.stderr.write(`${log.message.replace(/^\[plugin [^\]]+\]\s*/, "")}\n`);
      },
    });
    const { output: chunks } = await bundle.generate({ ...(options.output as object) });
    const chunk = chunks.find((c) => c.type === "chunk");
    if (!chunk || chunk.type !== "chunk") throw new Error("no code produced");
    mkdirSync(dirname(output.file), { recursive: true });
    const code = chunk.code;
    writeFileSync(output.file, code.endsWith("\n") ? code : code + "\n");
    if (chunk.map) writeFileSync(output.file + ".map", chunk.map.toString());
    // Rollup's own list of what it read; virtual modules (`\0…`) are no files.
    const sources = bundle.watchFiles.filter((f) => !f.startsWith("\0"));
    return { board: board.id, name: entryName(entry), file: output.file, code, bytes: Buffer.byteLength(code), hasCore: carriesCore(chunk.modules), sources };
  } catch (e) {
    if (e instanceof UserError) throw e;
    const errors = buildErrors(e, entry, board.id);
    throw errorList(errors, `build of ${relative(process.cwd(), entry)} for ${board.id} failed`, opts.allErrors ? Infinity : ERROR_LIMIT);
  } finally {
    await bundle?.close();
  }
}
