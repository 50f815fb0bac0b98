import { parse } from "acorn";
import { simple } from "acorn-walk";
import MagicString from "magic-string";
import type { Plugin } from "rollup";

/** Marks a module converted here, so `require()` of it yields `module.exports`, not a namespace. */
const CJS_MARK = "__thincallCjs";

/** Whether a module's text looks like CommonJS (exports or require, no import/export statement). */
export function looksCommonJs(code: string): boolean {
  return /\b(module\.exports|exports\.\w+\s*=|require\s*\()/.test(code) && !/^\s*(import|export)\s[^(]/m.test(code);
}

/**
 * Turns a CommonJS module into an ES module: each static `require("x")` becomes an import, and
 * the body runs in a function with `module`, `exports` and `this` as Node gives them. Enough
 * for `@espruino-tools/uart`, which ships CommonJS only; the project has no commonjs plugin.
 */
export function commonJsToEsm(code: string): { code: string; map: ReturnType<MagicString["generateMap"]> } {
  const ast = parse(code, { ecmaVersion: "latest", sourceType: "script", allowReturnOutsideFunction: true });
  const out = new MagicString(code);
  const specs: string[] = [];
  simple(ast, {
    CallExpression(node) {
      const callee = node.callee;
      const arg = node.arguments[0];
      if (callee.type !== "Identifier" || callee.name !== "require" || node.arguments.length !== 1) return;
      if (arg.type !== "Literal" || typeof arg.value !== "string") return;
      let index = specs.indexOf(arg.value);
      if (index < 0) index = specs.push(arg.value) - 1;
      out.overwrite(node.start, node.end, `__req(__ns${index})`);
    },
  });
  const imports = specs.map((s, i) => `import * as __ns${i} from ${JSON.stringify(s)};\n`).join("");
  out.prepend(
    imports +
      `function __req(ns) { return ns.${CJS_MARK} ? ns.default : ns; }\n` +
      `var module = { exports: {} };\n(function (module, exports) {\n`,
  );
  // Names assigned as `exports.x = …` become named exports too (read once the body has run).
  const names = [...new Set(Array.from(code.matchAll(/\bexports\.([A-Za-z_$][\w$]*)\s*=/g), (m) => m[1]))].filter((n) => n !== "default" && n !== "__esModule");
  const named = names.map((n) => `export const ${n} = module.exports.${n};\n`).join("");
  out.append(`\n}).call(module.exports, module, module.exports);\nexport default module.exports;\n${named}export const ${CJS_MARK} = true;\n`);
  return { code: out.toString(), map: out.generateMap({ hires: true }) };
}

/** The rollup plugin around {@link commonJsToEsm}, for files under `node_modules`. */
export function commonJs(): Plugin {
  return {
    name: "thincall-web-commonjs",
    transform(code, id) {
      if (!/node_modules/.test(id) || !/\.c?js$/.test(id) || !looksCommonJs(code)) return null;
      return commonJsToEsm(code);
    },
  };
}
