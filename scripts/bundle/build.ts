import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import { cachedBuild } from "./build-cache.ts";
import { PACKAGE_ROOT } from "./package-root.ts";
import { FIRMWARE_DIR, type BuildBundleOptions, type BuiltBundle } from "./entry.ts";

export { defaultOutDir, entryName, FIRMWARE_DIR, type BuildBundleOptions, type BuiltBundle } from "./entry.ts";

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

/**
 * Holds a core of `bytes` on `board` to the budget: throws a {@link UserError} past the hard
 * budget (`coreBytes`); returns a note past the goal, or undefined within it.
 */
export function checkCoreSize(bytes: number, board: string, budget: SizeBudget): string | undefined {
  if (bytes > budget.coreBytes) throw new UserError(`core is ${bytes} bytes on ${board}, over the budget of ${budget.coreBytes} (size-budget.json)`);
  return bytes > budget.coreGoalBytes ? `the core is ${bytes} bytes, over its ${budget.coreGoalBytes}-byte goal (see docs/core.md)` : undefined;
}

/** Reads the checked size budget. */
export function sizeBudget(): SizeBudget {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, "size-budget.json"), "utf8")) as SizeBudget;
}

/**
 * Bytes of the dispatch core (src/index.ts and what it imports), minified as bundled for the
 * board, without the export statement a library build adds.
 */
export async function coreBytes(board: BoardProfile, checked = false): Promise<number> {
  return cachedBuild(["core", board, checked], async () => Buffer.byteLength(await coreCode(board, checked)));
}

/** The dispatch core's code, minified as {@link coreBytes} measures it; `checked` keeps its development checks. */
export async function coreCode(board: BoardProfile, checked = false): Promise<string> {
  return (await rollupBuild()).libraryCode(join(PACKAGE_ROOT, "src", "index.ts"), board, checked);
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
    return await (await rollupBuild()).libraryCode(entry, board);
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

/** Writes a bundle's code to a file the user named (`-o`); a path that cannot be written is a one-line error. */
export function writeBundleFile(file: string, code: string): void {
  try {
    writeFileSync(file, code.endsWith("\n") ? code : code + "\n", "latin1");
  } catch (e) {
    throw new UserError(`cannot write ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** Builds one entry for one board, writes it and its source map, and returns it. */
export async function buildBundle(entry: string, board: BoardProfile, outDir?: string, opts: BuildBundleOptions = {}): Promise<BuiltBundle> {
  const built = await cachedBuild(["bundle", entry, board, outDir, opts], async () => (await rollupBuild()).rollupBundle(entry, board, outDir, opts));
  if (process.env.THINCALL_BUILD_CACHE) {
    // A cached result still leaves its bundle where a build would.
    mkdirSync(dirname(built.file), { recursive: true });
    writeFileSync(built.file, built.code.endsWith("\n") ? built.code : built.code + "\n");
  }
  return built;
}

/**
 * Rollup, TypeScript and terser, loaded only when something is built: a CLI run whose bundle
 * comes from the build cache (or that builds nothing) does not pay for loading them.
 */
function rollupBuild(): Promise<typeof import("./rollup-build.ts")> {
  return import("./rollup-build.ts");
}
