import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { rollup, type RollupOptions } from "rollup";
import type { BoardProfile } from "../boards/profile.ts";
import { ERROR_LIMIT, listErrors, UserError } from "../errors.ts";
import { cachedBuild } from "./build-cache.ts";
import { typeErrors } from "./type-errors.ts";
import { PACKAGE_ROOT, thincall } from "./plugin.ts";

/** Folder of the on-device entry programs. */
export const FIRMWARE_DIR = join(PACKAGE_ROOT, "firmware");

/** One built bundle. */
export interface BuiltBundle {
  board: string;
  /** Entry name: path under firmware/ without extension, or the file's base name for user entries. */
  name: string;
  /** Path of the written bundle. */
  file: string;
  /** The bundle's code. */
  code: string;
  /** Size in bytes (what the board stores). */
  bytes: number;
}

/** Every firmware entry: `firmware/*.ts` and `firmware/examples/*.ts`. */
export function firmwareEntries(): string[] {
  const list = (dir: string) =>
    readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
      .map((f) => join(dir, f))
      .filter((f) => statSync(f).isFile());
  const examples = join(FIRMWARE_DIR, "examples");
  return [...list(FIRMWARE_DIR), ...list(examples)].sort();
}

/** The name a bundle is written under: `bench`, `examples/sensors`, or a user file's base name. */
export function entryName(entry: string): string {
  const rel = relative(FIRMWARE_DIR, resolve(entry));
  const inside = !rel.startsWith("..") && !rel.startsWith("/");
  return (inside ? rel : basename(entry)).replace(/\.(ts|js)$/, "");
}

/** The size budget kept in `size-budget.json`. */
export interface SizeBudget {
  /** What the core should take (the dispatch-core issue's goal); over it, builds warn. */
  coreGoalBytes: number;
  /** Most bytes the minified core may take; over it, builds fail. */
  coreBytes: number;
  /** Most bytes any firmware bundle may take. */
  bundleBytes: number;
  /** Goals for parts of the core ({@link CORE_PARTS} names); over one, builds warn. */
  partGoalBytes?: { readonly [part: string]: number };
}

/** Reads the checked size budget. */
export function sizeBudget(): SizeBudget {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, "size-budget.json"), "utf8")) as SizeBudget;
}

/**
 * Bytes of a library bundle of `input`, minified as bundled for the board, without the export
 * statement a library build adds.
 */
async function libraryBytes(input: string, board: BoardProfile): Promise<number> {
  return Buffer.byteLength(await libraryCode(input, board));
}

/** The code of a library bundle of `input`, minified for the board, without its export statement. */
async function libraryCode(input: string, board: BoardProfile): Promise<string> {
  const bundle = await rollup({
    input,
    plugins: thincall({ board, library: true, entry: input }),
    logLevel: "silent",
  });
  try {
    const { output } = await bundle.generate({ format: "es" });
    return output[0].code.replace(/export\s*\{[^}]*\};?\s*$/, "").trim();
  } finally {
    await bundle.close();
  }
}

/**
 * Bytes of the dispatch core (src/index.ts and what it imports), minified as bundled for the
 * board, without the export statement a library build adds.
 */
export async function coreBytes(board: BoardProfile): Promise<number> {
  return cachedBuild(["core", board], () => libraryBytes(join(PACKAGE_ROOT, "src", "index.ts"), board));
}

/**
 * The core's parts, each a set of exports a program may import alone: what a bundle carries when
 * it imports only that part. `func + trait + tagTable` is a part of its own because the issue
 * budgets it as one.
 */
export const CORE_PARTS: { readonly [part: string]: readonly string[] } = {
  func: ["func"],
  trait: ["trait"],
  tagTable: ["tagTable"],
  "func + trait + tagTable": ["func", "trait", "tagTable"],
  "inline fn (func, funcMut, funcOnce, callOnce)": ["func", "funcMut", "funcOnce", "callOnce"],
  "vtable (trait, make)": ["trait", "make"],
  "tag table (tagTable, tag)": ["tagTable", "tag"],
  "packed store (packed, packType, packOrder, packPush, packPop, packAt)": ["packed", "packType", "packOrder", "packPush", "packPop", "packAt"],
};

/**
 * The minified code a bundle carries when it imports only `names` from the core: an entry that
 * re-exports them, so tree-shaking decides what comes along.
 */
export async function corePartCode(names: readonly string[], board: BoardProfile): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "thincall-part-"));
  const entry = join(dir, "part.ts");
  writeFileSync(entry, `export { ${names.join(", ")} } from ${JSON.stringify(join(PACKAGE_ROOT, "src", "index"))};\n`);
  try {
    return await libraryCode(entry, board);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Bytes of each part of the core ({@link CORE_PARTS}), measured by {@link corePartCode}. */
export async function corePartBytes(board: BoardProfile): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const [part, names] of Object.entries(CORE_PARTS)) sizes[part] = Buffer.byteLength(await corePartCode(names, board));
  return sizes;
}

/** Where bundles go: thincall's own `dist/` for its firmware, `./dist` for a user's entries. */
export function defaultOutDir(entry: string): string {
  const rel = relative(FIRMWARE_DIR, resolve(entry));
  return rel.startsWith("..") || rel.startsWith("/") ? resolve("dist") : join(PACKAGE_ROOT, "dist");
}

/** Rollup options for one entry on one board: one self-contained script in `dist/<board>/`. */
export function bundleOptions(entry: string, board: BoardProfile, outDir = defaultOutDir(entry)): RollupOptions {
  return {
    input: entry,
    plugins: thincall({ board, entry }),
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
function buildErrors(e: unknown, entry: string): string[] {
  const message = (e instanceof Error ? e.message : String(e)).replace(/^\[plugin [^\]]+\]\s*/, "");
  // The TypeScript plugin stops at its first error; ask TypeScript for all of them.
  if (/@rollup\/plugin-typescript TS\d+/.test(message)) {
    const all = typeErrors(entry);
    if (all.length > 0) return all;
  }
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  // A check failure's first line only names the bundle; the findings follow.
  return lines.length > 1 && /would not run this bundle:$/.test(lines[0]) ? lines.slice(1) : lines;
}

/** Options of {@link buildBundle}. */
export interface BuildBundleOptions {
  /** List every error of a failed build rather than the first {@link ERROR_LIMIT}. @default false */
  allErrors?: boolean;
}

/** Builds one entry for one board, writes it and its source map, and returns it. */
export async function buildBundle(entry: string, board: BoardProfile, outDir?: string, opts: BuildBundleOptions = {}): Promise<BuiltBundle> {
  const built = await cachedBuild(["bundle", entry, board, outDir, opts], () => buildBundleNow(entry, board, outDir, opts));
  if (process.env.THINCALL_BUILD_CACHE) {
    // A cached result still leaves its bundle where a build would.
    mkdirSync(dirname(built.file), { recursive: true });
    writeFileSync(built.file, built.code.endsWith("\n") ? built.code : built.code + "\n");
  }
  return built;
}

async function buildBundleNow(entry: string, board: BoardProfile, outDir?: string, opts: BuildBundleOptions = {}): Promise<BuiltBundle> {
  const options = bundleOptions(entry, board, outDir);
  const output = options.output as { file: string };
  let bundle;
  try {
    bundle = await rollup({ ...options, output: undefined, logLevel: "silent" });
    const { output: chunks } = await bundle.generate({ ...(options.output as object) });
    const chunk = chunks.find((c) => c.type === "chunk");
    if (!chunk || chunk.type !== "chunk") throw new Error("no code produced");
    mkdirSync(dirname(output.file), { recursive: true });
    const code = chunk.code;
    writeFileSync(output.file, code.endsWith("\n") ? code : code + "\n");
    if (chunk.map) writeFileSync(output.file + ".map", chunk.map.toString());
    return { board: board.id, name: entryName(entry), file: output.file, code, bytes: Buffer.byteLength(code) };
  } catch (e) {
    if (e instanceof UserError) throw e;
    const errors = buildErrors(e, entry);
    throw new UserError(listErrors(errors, `build of ${relative(process.cwd(), entry)} for ${board.id} failed`, opts.allErrors ? Infinity : ERROR_LIMIT));
  } finally {
    await bundle?.close();
  }
}
