/**
 * What a bundle is and where it goes: shared by the build front (build.ts) and the rollup
 * pipeline (rollup-build.ts), which loads lazily.
 */
import { basename, join, relative, resolve } from "node:path";
import { PACKAGE_ROOT } from "./package-root.ts";

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
  /** Whether the bundle carries any of the dispatch core (src/): only then is the core's size its concern. */
  hasCore: boolean;
  /** The source files the bundle was built from, to watch for changes (`--watch`). @default unknown */
  sources?: string[];
}

/** The name a bundle is written under: `bench`, `examples/sensors`, or a user file's base name. */
export function entryName(entry: string): string {
  const rel = relative(FIRMWARE_DIR, resolve(entry));
  const inside = !rel.startsWith("..") && !rel.startsWith("/");
  return (inside ? rel : basename(entry)).replace(/\.(ts|js)$/, "");
}

/** Where bundles go: thincall's own `dist/` for its firmware, `./dist` for a user's entries. */
export function defaultOutDir(entry: string): string {
  const rel = relative(FIRMWARE_DIR, resolve(entry));
  return rel.startsWith("..") || rel.startsWith("/") ? resolve("dist") : join(PACKAGE_ROOT, "dist");
}

/** Options of {@link buildBundle}. */
export interface BuildBundleOptions {
  /** List every error of a failed build rather than the first {@link ERROR_LIMIT}. @default false */
  allErrors?: boolean;
  /** Type-check the entry (see the plugin's `typeCheck` option, scripts/bundle/plugin.ts). @default true */
  typeCheck?: boolean;
  /** Keep the core's development checks (see the plugin's `checked` option). @default false */
  checked?: boolean;
  /** Minify (see the plugin's `minify` option); false for `--no-minify`. @default true */
  minify?: boolean;
}
