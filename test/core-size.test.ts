import { test } from "node:test";
import assert from "node:assert/strict";
import { loadBoard } from "../scripts/boards/profile.ts";
import { corePartCode, sizeBudget } from "../scripts/bundle/build.ts";

const board = loadBoard("esp32");

test("pay for what you use: an import of func alone bundles func and nothing else", async () => {
  const code = await corePartCode(["func"], board);
  // One function of two statements: no fail helper, no spent function, no other part.
  assert.match(code, /^function (\w)\((\w),(\w)\)\{return \2\.f=\3,\2\}$/);
});

test("callOnce brings its spent function and fail; func does not need them", async () => {
  const code = await corePartCode(["callOnce"], board);
  assert.match(code, /FuncOnce called twice/);
  assert.doesNotMatch(await corePartCode(["funcOnce"], board), /called twice|throw/);
});

test("func + trait + tagTable fit their part goal", async () => {
  const goal = sizeBudget().partGoalBytes?.["func + trait + tagTable"];
  assert.equal(goal, 400);
  const bytes = Buffer.byteLength(await corePartCode(["func", "trait", "tagTable"], board));
  assert.ok(bytes <= goal, `${bytes} bytes`);
});

test("the packed store's parts are separable: packOrder alone carries no push, pop or checks", async () => {
  const code = await corePartCode(["packOrder"], board);
  assert.doesNotMatch(code, /does not fit|no field|throw|constructor/);
});
