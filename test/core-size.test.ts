import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadBoard } from "../scripts/boards/profile.ts";
import { checkCoreSize, coreBytes, coreCode, corePartBytes, corePartCode, sizeBudget } from "../scripts/bundle/build.ts";
import { PACKAGE_ROOT } from "../scripts/bundle/package-root.ts";
import { libraryCode } from "../scripts/bundle/rollup-build.ts";
import { UserError } from "../scripts/errors.ts";

const board = loadBoard("esp32");

test("the core, as measured, fits the hard budget in size-budget.json", async () => {
  const budget = sizeBudget();
  const bytes = await coreBytes(board);
  assert.ok(bytes > 500, `core measured at ${bytes} bytes`);
  assert.doesNotThrow(() => checkCoreSize(bytes, board.id, budget), `core is ${bytes} bytes, budget ${budget.coreBytes}`);
});

test("the same check fails a core grown past the budget", async () => {
  const budget = sizeBudget();
  const bytes = await coreBytes(board);
  // The core plus one more exported function, built as the core is: what a change to src/ would add.
  const dir = mkdtempSync(join(tmpdir(), "thincall-grown-"));
  try {
    const entry = join(dir, "grown.ts");
    const text = "x".repeat(budget.coreBytes - bytes + 1);
    writeFileSync(entry, `export * from ${JSON.stringify(join(PACKAGE_ROOT, "src", "index"))};\nexport function grown(): string { return ${JSON.stringify(text)}; }\n`);
    const grown = Buffer.byteLength(await libraryCode(entry, board));
    assert.ok(grown > budget.coreBytes, `grown core ${grown} bytes`);
    assert.throws(() => checkCoreSize(grown, board.id, budget), (e: unknown) => e instanceof UserError && /over the budget of \d+ \(size-budget\.json\)/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the checked build carries the development checks; the default build does not", async () => {
  const plain = await coreCode(board);
  const checked = await coreCode(board, true);
  for (const message of ["no method", "FuncOnce called twice"]) {
    assert.doesNotMatch(plain, new RegExp(message));
    assert.match(checked, new RegExp(message));
  }
  // Checks that protect data are in both: from run-time values, and the packed store's names.
  for (const message of ["does not fit", "empty", "no field", "too many types", "is shared", "is taken"]) {
    assert.match(plain, new RegExp(message));
    assert.match(checked, new RegExp(message));
  }
});

test("pay for what you use: an import of func alone bundles func and nothing else", async () => {
  const code = await corePartCode(["func"], board);
  // One arrow of one expression (the minifier folds the shared setter into it): no fail, no other part.
  assert.match(code, /^const (\w)=\((\w),(\w)\)=>\(\2\.f=\3,\2\);?$/);
});

test("callOnce spends f before the call and brings no fail: a second call throws on f = 0; funcOnce needs neither", async () => {
  const code = await corePartCode(["callOnce"], board);
  // `x.f.call` is read before its arguments, the first of which spends f.
  const m = /^const (\w)=\((\w),(\w),(\w)\)=>\2\.f\.call\(\(\2\.f=0,\2\),\3,\4\);?$/.exec(code);
  assert.ok(m, code);
  // The default build's callOnce, run: the first call runs, the second throws (on f = 0).
  const callOnce = new Function(`${code}\nreturn ${m[1]};`)() as (x: object, a?: unknown) => unknown;
  const x = { n: 1, f(this: { n: number; f: unknown }, k: number) { return this.f === 0 ? (this.n += k) : -1; } };
  assert.equal(callOnce(x, 2), 3);
  assert.throws(() => callOnce(x, 2), TypeError);
  assert.equal(x.n, 3);
  assert.doesNotMatch(await corePartCode(["funcOnce"], board), /called twice|throw/);
});

test("every part fits its goal in size-budget.json", async () => {
  const goals = sizeBudget().partGoalBytes ?? {};
  const sizes = await corePartBytes(board);
  assert.ok(Object.keys(goals).length > 0);
  for (const [part, goal] of Object.entries(goals)) {
    assert.ok(part in sizes, `no part named ${part}`);
    assert.ok(sizes[part] <= goal, `${part}: ${sizes[part]} bytes, goal ${goal}`);
  }
});

test("the packed store's parts are separable: packOrder alone carries no push, pop or checks", async () => {
  const code = await corePartCode(["packOrder"], board);
  assert.doesNotMatch(code, /does not fit|no field|throw|constructor/);
});
