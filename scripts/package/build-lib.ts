/**
 * `npm run build:lib` (run by `npm pack` and `npm publish` through prepack): what the package ships
 * compiled, so no user needs tsx or TypeScript at run time for the core.
 *
 * - lib/src/: the core as ES modules with .d.ts (`import { func } from "thincall"`);
 * - lib/scripts/: the rollup plugin and what it imports (`import { thincall } from "thincall/rollup"`);
 * - lib/thincall.min.js: the core as one Espruino module file.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadBoard } from "../boards/profile.ts";
import { PACKAGE_ROOT } from "../bundle/package-root.ts";
import { coreModuleCode } from "./module-file.ts";

const LIB = join(PACKAGE_ROOT, "lib");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/**
 * Node's ES modules need the extension on a relative import; src/ writes `from "./vtable"` (as the
 * device build and bundlers take it), so the compiled files get `./vtable.js`.
 */
export function withJsExtensions(code: string): string {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(["'])(\.\.?\/[^"']+?)\2/gm, (all, head: string, quote: string, spec: string) =>
    /\.(js|json|mjs|cjs)$/.test(spec) ? all : `${head}${quote}${spec}.js${quote}`,
  );
}

/** Builds lib/; returns the files written. */
export async function buildLib(): Promise<string[]> {
  rmSync(LIB, { recursive: true, force: true });
  const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");
  execFileSync(process.execPath, [tsc, "-p", join(PACKAGE_ROOT, "tsconfig.lib.json")], { stdio: "inherit" });
  // The core's hand-written JavaScript modules (with their .d.ts) go as they are: tsc emits only TypeScript.
  for (const name of readdirSync(join(PACKAGE_ROOT, "src")).filter((f) => /\.js$/.test(f))) {
    for (const file of [name, name.replace(/\.js$/, ".d.ts")]) copyFileSync(join(PACKAGE_ROOT, "src", file), join(LIB, "src", file));
  }
  for (const file of filesUnder(LIB)) {
    if (/\.(js|d\.ts)$/.test(file)) writeFileSync(file, withJsExtensions(readFileSync(file, "utf8")));
  }
  // The check's rules read the probe result beside their module.
  copyFileSync(join(PACKAGE_ROOT, "scripts", "check", "probe-results.json"), join(LIB, "scripts", "check", "probe-results.json"));
  mkdirSync(LIB, { recursive: true });
  writeFileSync(join(LIB, "thincall.min.js"), await coreModuleCode(loadBoard("espruino-pico")));
  return filesUnder(LIB);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const files = await buildLib();
  const module = readFileSync(join(LIB, "thincall.min.js"));
  process.stdout.write(`lib/: ${files.length} files; lib/thincall.min.js ${module.length} bytes\n`);
}
