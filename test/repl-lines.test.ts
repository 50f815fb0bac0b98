import assert from "node:assert/strict";
import { test } from "node:test";
import { replBreakOffsets, splitReplLines } from "../scripts/repl/repl-lines.ts";
import { replHazards } from "../scripts/bundle/repl-safe.ts";

const MINIFIED =
  'function a(t){if(t){return 1}else{return 2}}try{a(1)}catch(e){print(e)}finally{print("f")}' +
  'var o={k:function(){return"x;y}"},m:[1,2,3]},s=`a${o.m[0]}b`;do{o.m.pop()}while(o.m.length);' +
  "class C{g(){return/[;}]/.test(s)}}for(var i=0;i<3;i++){print(i,new C().g())}";

test("splitting never puts a break where the REPL would split a statement", () => {
  for (const width of [10, 20, 40, 80]) {
    const { code } = splitReplLines(MINIFIED, width, "x.js");
    assert.deepEqual(replHazards(code), [], `width ${width}:\n${code}`);
    assert.equal(code.replace(/\n/g, ""), MINIFIED, "only newlines are inserted");
    assert.ok(code.split("\n").length > 3, "long code is actually split");
  }
});

test("breaks never land inside strings, templates or regexes", () => {
  for (const at of replBreakOffsets(MINIFIED, 10)) {
    const before = MINIFIED.slice(0, at);
    assert.match(before, /[;,{}]$/, `break after ${JSON.stringify(before.slice(-12))}`);
  }
});

test("the hazard finder flags the splits Espruino's REPL gets wrong", () => {
  assert.equal(replHazards("if(a){b()}\nelse{c()}")[0]?.reason, '"else" on a new line is split from its statement');
  assert.equal(replHazards("try{a()}\ncatch(e){}").length, 1);
  assert.equal(replHazards("var x=1,\ny=2;").length, 1);
  // The REPL runs `var o = {a: 1}` alone when the line ends there: the splitter's rule, one list.
  assert.equal(replHazards("var o = {a: 1}\n.a;")[0]?.reason, 'line break after "}" ends the statement early');
  assert.equal(replHazards("f(function(){})\n(g);").length, 1);
  assert.equal(replHazards("var b=k\nin o;")[0]?.reason, '"in" on a new line is split from its statement');
  assert.deepEqual(replHazards("var x=[1,\n2];\nfunction f(){\nreturn 1}\nf();"), []);
});

test("a source map follows the inserted line breaks", () => {
  const { code, map } = splitReplLines(MINIFIED, 20, "x.js");
  assert.ok(code.includes("\n"));
  assert.equal(map.sources[0], "x.js");
  assert.ok(map.mappings.includes(";"), "mappings span several lines");
});
