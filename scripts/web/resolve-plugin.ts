import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Plugin } from "rollup";

/**
 * Resolves what a browser bundle imports from `node_modules`, the way a bundler for the web does:
 * the `import`/`browser` side of `exports`, else `module`, else `main`; and extension-less
 * relative paths (CommonJS `require("./x")`). The project has no node-resolve plugin, and the
 * page needs only this much of one.
 */
export function resolvePackages(root: string): Plugin {
  return {
    name: "thincall-web-resolve",
    resolveId(source, importer) {
      if (source.startsWith("\0")) return null;
      if (source.startsWith(".") && importer) return withExtension(join(dirname(importer), source));
      if (source.startsWith("/") || !importer) return null;
      return resolveBare(source, root);
    },
  };
}

const CONDITIONS = ["browser", "import", "module", "default"];

/** Picks a target from an `exports` value: a string, an array of candidates, or conditions. */
function pickExport(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(pickExport).find((v) => v !== undefined);
  if (value && typeof value === "object") {
    const conditions = value as Record<string, unknown>;
    for (const c of CONDITIONS) if (c in conditions) {
      const picked = pickExport(conditions[c]);
      if (picked) return picked;
    }
  }
  return undefined;
}

function withExtension(path: string): string | null {
  // `.ts` too: schema.ts imports the protocol tokens without an extension, as the device build requires.
  for (const candidate of [path, `${path}.js`, `${path}.mjs`, `${path}.ts`, join(path, "index.js")]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** `pkg`, `@scope/pkg`, `pkg/sub/path` → the file a browser build should load. */
export function resolveBare(source: string, root: string): string | null {
  const parts = source.split("/");
  const nameLength = source.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, nameLength).join("/");
  const sub = parts.slice(nameLength).join("/");
  const dir = join(root, "node_modules", name);
  const manifest = join(dir, "package.json");
  if (!existsSync(manifest)) return null;
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as Record<string, unknown>;
  const exportsMap = pkg.exports as Record<string, unknown> | string | undefined;
  if (exportsMap !== undefined) {
    const key = sub ? `./${sub}` : ".";
    const entry = typeof exportsMap === "string" || Array.isArray(exportsMap) || !Object.keys(exportsMap).some((k) => k.startsWith("."))
      ? (key === "." ? exportsMap : undefined)
      : exportsMap[key];
    const target = pickExport(entry);
    if (target) return withExtension(join(dir, target));
  }
  if (sub) return withExtension(join(dir, sub));
  const main = (typeof pkg.module === "string" && pkg.module) || (typeof pkg.main === "string" && pkg.main) || "index.js";
  return withExtension(join(dir, main));
}
