/**
 * The package as a user installs it: `npm pack` ships no tests; the packed core imports with plain
 * `node` (no tsx, and no dependency installed at all), its .d.ts files type-check with `tsc --strict`
 * under both module resolutions, esbuild bundles it, the rollup plugin runs from a user's own
 * rollup.config.mjs, and lib/thincall.min.js loads as an Espruino module on the real interpreter.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, describe, test } from "node:test";
import { PACKAGE_ROOT } from "../scripts/bundle/package-root.ts";
import { runScript } from "../scripts/check/probe.ts";
import { buildLib, withJsExtensions } from "../scripts/package/build-lib.ts";

const tmp = mkdtempSync(join(tmpdir(), "thincall-package-"));
const project = join(tmp, "project");
const installed = join(project, "node_modules", "thincall");
after(() => rmSync(tmp, { recursive: true, force: true }));

const NPM_ENV = { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" };
/** Plain node: no tsx loader from the test runner's NODE_OPTIONS. */
const PLAIN_ENV = { ...process.env, NODE_OPTIONS: "" };

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = PLAIN_ENV): string {
  return execFileSync(cmd, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript/package.json")), "bin", "tsc");

test("npm pack ships no tests", () => {
  const [pack] = JSON.parse(run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], PACKAGE_ROOT, NPM_ENV)) as [{ files: { path: string }[] }];
  const files = pack.files.map((f) => f.path);
  assert.deepEqual(files.filter((f) => /^test\/|\.test\.ts$|\/fixtures\//.test(f)), []);
  assert.ok(files.includes("src/index.ts") && files.includes("types/boards/esp32.d.ts") && files.includes("bin/thincall.js"), files.join());
});

test("compiled imports get the extension Node needs; other specifiers stay", () => {
  assert.equal(withJsExtensions('export { a } from "./vtable";\nimport b from "../x.js";\nimport "node:fs";'), 'export { a } from "./vtable.js";\nimport b from "../x.js";\nimport "node:fs";');
});

describe("the packed tarball in a fresh project", () => {
  before(async () => {
    await buildLib();
    run("npm", ["pack", "--ignore-scripts", "--pack-destination", tmp], PACKAGE_ROOT, NPM_ENV);
    const tarball = readdirSync(tmp).find((f) => f.endsWith(".tgz"))!;
    mkdirSync(installed, { recursive: true });
    // What `npm install <tarball>` unpacks; no dependency is installed, so the core must need none.
    run("tar", ["xzf", join(tmp, tarball), "-C", installed, "--strip-components=1"], tmp);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user-project", version: "1.0.0", type: "module" }));
  });

  test("imports the core with plain node, without tsx or any dependency", () => {
    writeFileSync(join(project, "core.mjs"), [
      'import { func, trait, make, packed, packType, packPush, tagTable } from "thincall";',
      "const r = func({ w: 2, h: 3 }, function () { return this.w * this.h; });",
      "const S = trait()();",
      "const o = make({ k: 4 }, S.impl({ area: function (x) { return x.k * 2; } }));",
      "console.log(r.f(), o.v.area(o), typeof packed, typeof packType, typeof packPush, typeof tagTable);",
    ].join("\n"));
    assert.equal(existsSync(join(project, "node_modules", "tsx")), false);
    assert.equal(run(process.execPath, ["core.mjs"], project).trim(), "6 8 function function function function");
  });

  test("the core's .d.ts files type-check with tsc --strict (nodenext and bundler resolution)", () => {
    writeFileSync(join(project, "use.ts"), [
      'import { func, funcMut, trait, make, type Func, type Packed } from "thincall";',
      "const r = func({ w: 2, h: 3 }, function () { return this.w * this.h; });",
      "const n: unknown = r.f();",
      "const m = funcMut({ on: false }, function () { this.on = !this.on; });",
      "const S = trait<{ area(self: { k: number }): number }>()();",
      "const o = make({ k: 4 }, S.impl({ area: function (x: { k: number }) { return x.k; } }));",
      "export const all: [unknown, number, Func<{}, () => void> | undefined, Packed | undefined] = [n, o.v.area(o), undefined, undefined];",
      "m.f();",
    ].join("\n"));
    for (const [module, resolution] of [["nodenext", "nodenext"], ["esnext", "bundler"]]) {
      const config = { compilerOptions: { strict: true, module, moduleResolution: resolution, target: "es2022", noEmit: true, skipLibCheck: false, types: [] }, files: ["use.ts"] };
      writeFileSync(join(project, "tsconfig.json"), JSON.stringify(config));
      assert.equal(run(process.execPath, [tsc, "-p", "."], project), "", resolution);
    }
  });

  test("esbuild bundles a program that imports the core", async () => {
    const esbuild = (await import(createRequire(import.meta.url).resolve("esbuild"))) as typeof import("esbuild");
    const out = join(project, "bundled.mjs");
    await esbuild.build({ entryPoints: [join(project, "core.mjs")], bundle: true, format: "esm", platform: "node", outfile: out, absWorkingDir: project, logLevel: "silent" });
    assert.equal(run(process.execPath, [out], project).trim(), "6 8 function function function function");
  });

  test("the rollup plugin runs from a user's rollup.config.mjs with plain node", () => {
    // The plugin needs the toolchain: link the package's dependencies, as an install would bring them.
    const deps = Object.keys((JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies);
    for (const dep of deps) {
      const link = join(project, "node_modules", dep);
      mkdirSync(dirname(link), { recursive: true });
      if (!existsSync(link)) symlinkSync(realpathSync(join(PACKAGE_ROOT, "node_modules", dep)), link);
    }
    writeFileSync(join(project, "main.ts"), 'import { funcMut } from "thincall";\nconst led = funcMut({ pin: D2, on: false }, function () { this.on = !this.on; digitalWrite(this.pin, this.on); });\nsetInterval(function () { led.f(); }, 500);\n');
    writeFileSync(join(project, "rollup.config.mjs"), 'import { thincall } from "thincall/rollup";\nexport default { input: "main.ts", plugins: thincall({ board: "esp32", entry: "main.ts" }), output: { file: "dist/main.js", format: "es" } };\n');
    run(process.execPath, [join(project, "node_modules", "rollup", "dist", "bin", "rollup"), "-c", "rollup.config.mjs", "--silent"], project);
    const code = readFileSync(join(project, "dist", "main.js"), "utf8");
    assert.match(code, /digitalWrite\(this\.pin,this\.on\)/);
    assert.doesNotMatch(code, /\bimport\b|\bexport\b/);
  });

  const bin = process.env.ESPRUINO_BIN;
  test("lib/thincall.min.js loads as an Espruino module on the interpreter", { skip: bin ? false : "ESPRUINO_BIN is not set: skipping the module file on the interpreter" }, async () => {
    const code = readFileSync(join(installed, "lib", "thincall.min.js"), "utf8");
    const file = join(tmp, "module-load.js");
    writeFileSync(file, [
      `Modules.addCached("thincall", ${JSON.stringify(code)});`,
      'var T = require("thincall");',
      "var r = T.func({ w: 2, h: 3 }, function () { return this.w * this.h; });",
      'console.log("@@OK " + r.f() + " " + Object.keys(T).sort().join(","));',
    ].join("\n") + "\n");
    const out = await runScript(bin!, file);
    assert.match(out, /@@OK 6 callOnce,func,funcMut,funcOnce,make,packAt,packOrder,packPop,packPush,packType,packed,tag,tagTable,trait/);
  });
});
