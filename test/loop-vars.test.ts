import assert from "node:assert/strict";
import { test } from "node:test";
import { loopLetsToVar } from "../scripts/bundle/loop-vars.ts";

const rewrite = (code: string) => loopLetsToVar(code).code;

test("loop heads and bodies become var, in place (columns kept)", () => {
  const code = "function f(xs){let s=0;for(const o of xs){const a=o.w;s+=a}for(let i=0;i<3;i++){s+=i}return s}";
  const out = rewrite(code);
  assert.equal(out, "function f(xs){let s=0;for(var   o of xs){var   a=o.w;s+=a}for(var i=0;i<3;i++){s+=i}return s}");
  assert.equal(out.length, code.length);
  // Same result when run.
  assert.equal(new Function(`${out};return f([{w:2},{w:3}])`)(), new Function(`${code};return f([{w:2},{w:3}])`)());
});

test("a closure capturing the per-iteration binding keeps let", () => {
  const code = "function f(){var fs=[];for(let i=0;i<3;i++)fs.push(()=>i);return fs.map(g=>g()).join()}";
  assert.equal(rewrite(code), code);
  assert.equal(new Function(`${rewrite(code)};return f()`)(), "0,1,2");
});

test("a bare let in a loop body keeps let (it resets every iteration)", () => {
  const code = "function f(xs){for(const o of xs){let t;if(o)t=1;g(t)}}";
  assert.match(rewrite(code), /let t;/);
});

test("names that would collide or capture an outer binding are left alone", () => {
  for (const code of [
    "function f(o){for(const x of [1]){const o=x;g(o)}return o}",
    "function f(){let a=1;for(const b of [1]){const a=b;g(a)}return a}",
    "function f(){for(const a of [1]){for(const a of [2]){g(a)}}}",
    "function f(){for(const a of [1]){g(a)}return a}",
  ]) {
    assert.ok(rewrite(code).includes("const a") || rewrite(code).includes("const o"), code);
  }
});

test("top-level loops are rewritten too; non-loop declarations are not", () => {
  assert.equal(rewrite("const q=[1];for(const p of q){g(p)}"), "const q=[1];for(var   p of q){g(p)}");
});
