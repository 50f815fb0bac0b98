import ts from "typescript";
import type { Plugin } from "rollup";

/**
 * Strips types from the page's TypeScript, one file at a time (type checking is `npm run
 * typecheck`'s job, over the same files). The firmware's TypeScript plugin is set up for
 * Espruino (ES5-ish, device globals); the page targets a current browser.
 */
export function stripTypes(): Plugin {
  return {
    name: "thincall-web-typescript",
    transform(code, id) {
      if (!id.endsWith(".ts")) return null;
      const out = ts.transpileModule(code, {
        fileName: id,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          sourceMap: true,
          inlineSources: true,
          allowImportingTsExtensions: true,
          verbatimModuleSyntax: false,
          isolatedModules: true,
        },
      });
      return { code: out.outputText.replace(/\/\/# sourceMappingURL=.*$/m, ""), map: out.sourceMapText ? JSON.parse(out.sourceMapText) : null };
    },
  };
}
