import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rollup, type Plugin, type RollupOptions } from "rollup";
import { minify } from "terser";
import { cachedBuild } from "../bundle/build-cache.ts";
import { PACKAGE_ROOT } from "../bundle/package-root.ts";
import { UserError } from "../errors.ts";
import { commonJs } from "./commonjs-plugin.ts";
import { resolvePackages } from "./resolve-plugin.ts";
import { stripTypes } from "./typescript-plugin.ts";

/** The page's entry module. */
export const PAGE_ENTRY = join(PACKAGE_ROOT, "scripts", "web", "page", "main.ts");

/** Where the built page script goes (dist/ is git-ignored). */
export const PAGE_OUT = join(PACKAGE_ROOT, "dist", "web", "page.js");

/** Most bytes the minified page script may take, library included (issue #14). */
export const PAGE_BUDGET_BYTES = 400 * 1024;

/** Browser builds of libraries read `process.env.NODE_ENV`; a page has no `process`. */
function nodeEnv(): Plugin {
  return {
    name: "thincall-web-env",
    transform(code, id) {
      if (!id.includes("node_modules") || !code.includes("process.env.NODE_ENV")) return null;
      return { code: code.replace(/process\.env\.NODE_ENV/g, JSON.stringify("production")), map: null };
    },
  };
}

/** Where the page gets board profiles from: the server's list, not the disk (see page/board-profiles.ts). */
export const PAGE_PROFILES = join(PACKAGE_ROOT, "scripts", "web", "page", "board-profiles.ts");

/** Aliases scripts/boards/profile.ts (node:fs) to the page's stand-in. */
function browserProfiles(): Plugin {
  const real = join(PACKAGE_ROOT, "scripts", "boards", "profile.ts");
  return {
    name: "thincall-web-profiles",
    async resolveId(source, importer) {
      if (!importer || !source.endsWith("profile.ts") || importer === PAGE_PROFILES) return null;
      return join(importer, "..", source) === real ? PAGE_PROFILES : null;
    },
  };
}

function minifyChunk(): Plugin {
  return {
    name: "thincall-web-terser",
    async renderChunk(code) {
      const out = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, sourceMap: { asObject: true } });
      return { code: out.code ?? "", map: out.map as never };
    },
  };
}

/** Rollup options of the page: one minified ES module, `dist/web/page.js`. */
export function pageRollupOptions(): RollupOptions {
  return {
    input: PAGE_ENTRY,
    plugins: [browserProfiles(), resolvePackages(PACKAGE_ROOT), stripTypes(), commonJs(), nodeEnv(), minifyChunk()],
    onwarn(warning, warn) {
      // The uart library's CommonJS helpers test `this` at the top level, which ES modules leave undefined.
      if (warning.code === "THIS_IS_UNDEFINED") return;
      warn(warning);
    },
    output: { file: PAGE_OUT, format: "es", sourcemap: true },
  };
}

/** The built page script. */
export interface BuiltPage {
  code: string;
  map: string;
  bytes: number;
}

/**
 * Builds the page script with rollup, writes it to {@link PAGE_OUT} and returns it.
 * @throws UserError when the build fails or the script is over {@link PAGE_BUDGET_BYTES}.
 */
export async function buildPage(): Promise<BuiltPage> {
  const page = await cachedBuild(["web-page"], buildPageNow, process.env, PAGE_INPUTS);
  if (process.env.THINCALL_BUILD_CACHE) writePage(page);
  return page;
}

/**
 * What the page is built from: its own code and the host code it shares, the firmware and boards
 * it serves, and the locked library versions.
 */
const PAGE_INPUTS = ["scripts", "src", "firmware", "boards", "types", "package-lock.json"];

function writePage(page: BuiltPage): void {
  mkdirSync(join(PAGE_OUT, ".."), { recursive: true });
  writeFileSync(PAGE_OUT, page.code);
  writeFileSync(PAGE_OUT + ".map", page.map);
}

async function buildPageNow(): Promise<BuiltPage> {
  const options = pageRollupOptions();
  let bundle;
  try {
    bundle = await rollup({ ...options, output: undefined, logLevel: "silent" });
    const { output } = await bundle.generate({ ...(options.output as object), sourcemapFile: PAGE_OUT });
    const chunk = output.find((c) => c.type === "chunk");
    if (!chunk || chunk.type !== "chunk") throw new Error("no code produced");
    const code = `${chunk.code}\n//# sourceMappingURL=page.js.map\n`;
    const map = chunk.map?.toString() ?? "";
    const bytes = Buffer.byteLength(chunk.code);
    if (bytes > PAGE_BUDGET_BYTES) throw new UserError(`the web page script is ${bytes} bytes, over its budget of ${PAGE_BUDGET_BYTES}`);
    const page = { code, map, bytes };
    writePage(page);
    return page;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`build of the web page failed: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
  } finally {
    await bundle?.close();
  }
}
