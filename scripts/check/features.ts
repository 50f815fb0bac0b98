/**
 * The probe snippets: one small script per language feature or built-in, run on the real Espruino
 * interpreter by `probe.ts`. Each snippet calls `__ok(condition, value)` once it has exercised the
 * feature, so a run only counts when the result is also right, not merely when it parses.
 *
 * Espruino parses lazily (a syntax error inside a function body that never runs goes unnoticed), so
 * every snippet executes the code it tests.
 */

/** One probe: a feature id, a human name and the snippet that exercises it. */
export interface Feature {
  /** Stable id, used as the key in `probe-results.json` and by the rule table. */
  id: string;
  /** Human-readable feature name. */
  name: string;
  /** What kind of feature this is. */
  kind: "syntax" | "builtin" | "scoping";
  /** Script run after the `__ok` prelude. */
  code: string;
}

const f = (kind: Feature["kind"], id: string, name: string, code: string): Feature => ({ id, name, kind, code });
const syntax = (id: string, name: string, code: string) => f("syntax", id, name, code);
const scoping = (id: string, name: string, code: string) => f("scoping", id, name, code);
/** A built-in is probed by using it, so a missing one reports Espruino's own error. */
const builtin = (id: string, code: string) => f("builtin", id, id, code);

/** Every feature probed, in report order. */
export const FEATURES: Feature[] = [
  // Spread and rest
  syntax("spread-call", "spread in calls", "var a=[1,2]; __ok(Math.max(...a)===2);"),
  syntax("spread-new", "spread in new", "function P(x,y){this.s=x+y} var a=[1,2]; __ok(new P(...a).s===3);"),
  syntax("spread-array", "array spread", "var a=[1,2]; var b=[0,...a]; __ok(b.length===3&&b[2]===2, b);"),
  syntax("spread-object", "object spread", "var o={a:1}; var p={...o,b:2}; __ok(p.a===1&&p.b===2, JSON.stringify(p));"),
  syntax("rest-params", "rest parameters", "function g(a,...r){return r.length} __ok(g(1,2,3)===2);"),
  syntax("default-params", "default parameters", "function g(a,b=2){return a+b} __ok(g(1)===3);"),
  // Destructuring
  syntax("destructuring-array-decl", "array destructuring declarations", "var [a,b]=[1,2]; __ok(a===1&&b===2);"),
  syntax("destructuring-object-decl", "object destructuring declarations", "var {a,b}={a:1,b:2}; __ok(a===1&&b===2);"),
  syntax("destructuring-params", "destructuring parameters", "function g({a},[b]){return a+b} __ok(g({a:1},[2])===3);"),
  syntax("destructuring-array-assign", "array destructuring assignment", "var a,b; [a,b]=[1,2]; __ok(a===1&&b===2);"),
  syntax("destructuring-object-assign", "object destructuring assignment", "var a,b; ({a,b}={a:1,b:2}); __ok(a===1&&b===2);"),
  syntax("destructuring-for-of", "destructuring in for-of", "var s=0; for (var [k,v] of [[1,2]]) s=k+v; __ok(s===3);"),
  // Operators
  syntax("exponent", "exponent operator **", "var x=2; __ok(x**3===8);"),
  syntax("exponent-assign", "exponent assignment **=", "var x=2; x**=3; __ok(x===8);"),
  syntax("optional-member", "optional chaining (member)", "var o=null, p={a:{b:1}}; __ok(o?.a===undefined&&p?.a?.b===1);"),
  syntax("optional-call", "optional chaining (call)", "var o={}; __ok(o.g?.()===undefined);"),
  syntax("nullish", "nullish coalescing ??", "var z=0; __ok((null??5)===5&&(z??5)===0);"),
  syntax("nullish-assign", "logical assignment ??=", "var x=null; x??=3; __ok(x===3);"),
  syntax("or-assign", "logical assignment ||=", "var x=0; x||=3; __ok(x===3);"),
  syntax("and-assign", "logical assignment &&=", "var x=1; x&&=3; __ok(x===3);"),
  // Object literals and classes
  syntax("computed-key-object", "computed property keys (object literal)", "var k='a'; var o={[k]:1}; __ok(o.a===1);"),
  syntax("computed-key-class", "computed property keys (class)", "var k='m'; class C{[k](){return 1}} __ok(new C().m()===1);"),
  syntax("shorthand", "shorthand properties and methods", "var a=1; var o={a, m(){return 2}}; __ok(o.a===1&&o.m()===2);"),
  syntax("getter-setter-object", "getters/setters (object literal)", "var o={_v:1, get v(){return this._v}, set v(x){this._v=x}}; o.v=4; __ok(o.v===4);"),
  syntax("getter-setter-class", "getters/setters (class)", "class C{constructor(){this._v=1} get v(){return this._v} set v(x){this._v=x}} var c=new C(); c.v=4; __ok(c.v===4);"),
  syntax("class", "classes", "class C{constructor(x){this.x=x} m(){return this.x}} __ok(new C(2).m()===2);"),
  syntax("class-extends-super", "class extends and super", "class A{constructor(x){this.x=x} m(){return 1}} class B extends A{constructor(){super(2)} m(){return super.m()+this.x}} var b=new B(); __ok(b.m()===3&&b instanceof A);"),
  syntax("class-static-method", "static methods", "class C{static s(){return 1}} __ok(C.s()===1);"),
  syntax("class-expression", "class expressions", "var C=class{m(){return 1}}; __ok(new C().m()===1);"),
  syntax("class-field-instance", "class instance fields", "class C{x=1} __ok(new C().x===1);"),
  syntax("class-field-static", "class static fields", "class C{static x=1} __ok(C.x===1);"),
  syntax("class-field-own", "class instance fields are own properties", "class C{x=1} var c=new C(); __ok(c.hasOwnProperty('x'), JSON.stringify(c));"),
  syntax("class-field-this", "class instance field initializers see this", "class C{x=1; y=this.x+1} __ok(new C().y===2, new C().y);"),
  syntax("class-field-fresh", "class instance field initializers run per instance", "class C{a=[]} var p=new C(), q=new C(); p.a.push(1); __ok(q.a.length===0, q.a.length);"),
  syntax("class-field-static-this", "class static field initializers see this", "class C{static w=this} __ok(C.w===C, typeof C.w);"),
  syntax("class-field-static-self", "class static field initializers see earlier statics", "class C{static s=5; static t=C.s+1} __ok(C.t===6, C.t);"),
  syntax("class-private", "private class members #x", "class C{#x=1; g(){return this.#x}} __ok(new C().g()===1);"),
  syntax("class-private-method", "private methods #m()", "class C{#m(){return 1} g(){return this.#m()}} __ok(new C().g()===1);"),
  syntax("class-static-block", "class static blocks", "class C{static { C.y=1; }} __ok(C.y===1);"),
  // Functions
  syntax("arrow", "arrow functions", "var g=(a,b)=>a+b; __ok(g(1,2)===3);"),
  syntax("arrow-this", "arrow functions capture this", "function O(){this.v=5; this.g=()=>this.v} var o=new O(); var h=o.g; __ok(h()===5);"),
  syntax("generator", "generators", "function* g(){yield 1} __ok(g().next().value===1);"),
  syntax("async-function", "async functions", "async function g(){return 1} g().then(function(v){__ok(v===1)});"),
  syntax("await", "await", "function g(){return Promise.resolve(2)} var h=async function(){var v=await g(); __ok(v===2)}; h();"),
  syntax("async-arrow", "async arrow functions", "var g=async()=>1; g().then(function(v){__ok(v===1)});"),
  syntax("for-await", "for await", "var g=async function(){var s=0; for await (var x of [1,2]) s+=x; __ok(s===3)}; g();"),
  syntax("arguments", "the arguments object", "function g(){return arguments.length} __ok(g(1,2)===2);"),
  syntax("new-target", "new.target", "function F(){this.t=new.target===F} __ok(new F().t===true, new F().t);"),
  syntax("trailing-comma-params", "trailing commas in parameters", "function g(a,b,){return a+b} __ok(g(1,2,)===3);"),
  syntax("optional-catch-binding", "optional catch binding", "var r=0; try{throw 1}catch{r=1} __ok(r===1, r);"),
  // Strings and literals
  syntax("template", "template literals", "var x=1; __ok(`a${x}b`==='a1b');"),
  syntax("tagged-template", "tagged templates", "function t(s,v){return s[0]+v} __ok(t`a${1}`==='a1');"),
  syntax("regex-flag-u", "regex flag u", "__ok(/a/u.test('a'));"),
  syntax("regex-flag-y", "regex flag y", "var r=/a/y; r.lastIndex=1; __ok(r.test('ba'));"),
  syntax("regex-flag-s", "regex flag s", "__ok(/a.b/s.test('a\\nb'));"),
  syntax("regex-flag-d", "regex flag d", "__ok(/a/d.exec('a').indices[0][0]===0);"),
  syntax("regex-flag-v", "regex flag v", "__ok(/a/v.test('a'));"),
  syntax("bigint", "BigInt literals", "var b=10n; __ok(typeof b==='bigint');"),
  syntax("numeric-separator", "numeric separators", "__ok(1_000===1000);"),
  syntax("dynamic-import", "dynamic import()", "var p=import('x'); __ok(typeof p==='object');"),
  // Statements and scoping
  syntax("let-const", "let and const", "let a=1; const b=2; { let a=3; } __ok(a===1&&b===2, a);"),
  syntax("let-loop-closure", "let in for loop: one binding per iteration", "var fs=[]; for (let i=0;i<2;i++) fs.push(function(){return i}); __ok(fs[0]()===0, fs[0]());"),
  syntax("let-for-of-closure", "let in for-of: one binding per iteration", "var fs=[]; for (let x of [1,2]) fs.push(function(){return x}); __ok(fs[0]()===1, fs[0]());"),
  syntax("let-loop-body-closure", "let inside a loop body: one binding per iteration", "var fs=[]; for (var i=0;i<2;i++) { let j=i; fs.push(function(){return j}); } __ok(fs[0]()===0, fs[0]());"),
  syntax("for-of-array", "for-of over arrays", "var s=0; for (var x of [1,2]) s+=x; __ok(s===3);"),
  syntax("for-of-typed-array", "for-of over typed arrays", "var s=0; for (var x of new Uint8Array([1,2])) s+=x; __ok(s===3, s);"),
  syntax("for-of-string", "for-of over strings", "var s=''; for (var c of 'ab') s+=c; __ok(s==='ab');"),
  syntax("for-in", "for-in", "var s=''; for (var k in {a:1,b:2}) s+=k; __ok(s==='ab', s);"),
  syntax("labelled-break", "labelled break", "var n=0; outer: for (var i=0;i<3;i++){ for (var j=0;j<3;j++){ if (j==1) break outer; n++; } } __ok(n===1, n);"),
  syntax("labelled-continue", "labelled continue", "var n=0; outer: for (var i=0;i<3;i++){ for (var j=0;j<3;j++){ if (j==1) continue outer; n++; } } __ok(n===3, n);"),
  syntax("labelled-block", "labelled block", "var n=0; blk: { n=1; break blk; } __ok(n===1, n);"),
  scoping("hoist-fn-toplevel", "function declaration hoisting (top level)", "var r=g(); function g(){return 1} __ok(r===1);"),
  scoping("hoist-fn-in-function", "function declaration hoisting (function body)", "function o(){ var r=g(); function g(){return 1} return r } __ok(o()===1);"),
  scoping("hoist-fn-transitive", "calling a declared function that calls a later one", "function a(){return b()} var r=a(); function b(){return 1} __ok(r===1);"),
  scoping("fn-later-reference-ok", "function referencing a later declaration, called after it", "function a(){return b()} function b(){return 1} __ok(a()===1);"),
  scoping("hoist-var-toplevel", "var hoisting (top level)", "var r=v; var v=1; __ok(r===undefined);"),
  scoping("hoist-var-in-function", "var hoisting (function body)", "function o(){ var r=v; var v=1; return r } __ok(o()===undefined);"),
  scoping("var-self-init", "var initializer reading the variable it declares", "var x = x || 5; __ok(x===5, x);"),
  scoping("hoist-var-assign-before-toplevel", "var assigned before its declaration (top level)", "v=2; var v; __ok(v===2, v);"),
  scoping("hoist-var-assign-before", "var assigned before its declaration (function body)", "function o(){ v=2; var v; return v } __ok(o()===2&&typeof v==='undefined', o());"),
  // Built-ins: globals
  builtin("Map", "var m=new Map(); m.set(1,2); __ok(m.get(1)===2);"),
  builtin("Set", "var s=new Set(); s.add(1); __ok(s.has(1));"),
  builtin("WeakMap", "var k={}; var m=new WeakMap(); m.set(k,2); __ok(m.get(k)===2);"),
  builtin("WeakSet", "var k={}; var s=new WeakSet(); s.add(k); __ok(s.has(k));"),
  builtin("WeakRef", "var k={}; var r=new WeakRef(k); __ok(r.deref()===k);"),
  builtin("Reflect", "__ok(Reflect.has({a:1},'a'));"),
  builtin("Proxy", "var p=new Proxy({}, {get:function(){return 1}}); __ok(p.x===1);"),
  builtin("Symbol", "var s=Symbol('x'); __ok(typeof s==='symbol');"),
  builtin("Symbol.iterator", "__ok(typeof [][Symbol.iterator]==='function');"),
  builtin("BigInt", "__ok(typeof BigInt(1)==='bigint');"),
  builtin("Promise", "Promise.resolve(1).then(function(v){__ok(v===1)});"),
  builtin("Promise.all", "Promise.all([1,Promise.resolve(2)]).then(function(v){__ok(v[1]===2)});"),
  builtin("JSON", "__ok(JSON.parse(JSON.stringify({a:[1]})).a[0]===1);"),
  builtin("ArrayBuffer", "__ok(new ArrayBuffer(4).byteLength===4);"),
  builtin("Uint8Array", "var t=new Uint8Array(2); t[0]=257; __ok(t[0]===1);"),
  builtin("Int16Array", "var t=new Int16Array(2); t[0]=-2; __ok(t[0]===-2);"),
  builtin("Int32Array", "var t=new Int32Array(2); t[0]=-2; __ok(t[0]===-2);"),
  builtin("Float32Array", "var t=new Float32Array(1); t[0]=0.5; __ok(t[0]===0.5);"),
  builtin("Float64Array", "var t=new Float64Array(1); t[0]=0.1; __ok(t[0]===0.1);"),
  builtin("Uint8ClampedArray", "var t=new Uint8ClampedArray(1); t[0]=300; __ok(t[0]===255);"),
  builtin("DataView", "var d=new DataView(new ArrayBuffer(4)); d.setInt16(0,-2); __ok(d.getInt16(0)===-2);"),
  builtin("Date", "__ok(typeof Date.now()==='number');"),
  builtin("RegExp", "__ok(new RegExp('a+').test('aa'));"),
  builtin("Error", "var e=new Error('m'); __ok(e.message==='m'&&e instanceof Error);"),
  f("builtin", "TypeError-instanceof-Error", "TypeError instances are instanceof Error", "__ok(new TypeError('x') instanceof Error, false);"),
  builtin("globalThis", "__ok(typeof globalThis==='object');"),
  // Built-ins: static members
  builtin("Array.from", "__ok(Array.from([1,2]).length===2);"),
  builtin("Array.of", "__ok(Array.of(1,2).length===2);"),
  builtin("Array.isArray", "__ok(Array.isArray([]));"),
  builtin("Object.freeze", "var o=Object.freeze({a:1}); __ok(o.a===1);"),
  builtin("Object.isFrozen", "__ok(Object.isFrozen({})===false);"),
  builtin("Object.seal", "var o=Object.seal({a:1}); __ok(o.a===1);"),
  builtin("Object.entries", "__ok(Object.entries({a:1})[0][1]===1);"),
  builtin("Object.values", "__ok(Object.values({a:1})[0]===1);"),
  builtin("Object.fromEntries", "__ok(Object.fromEntries([['a',1]]).a===1);"),
  builtin("Object.assign", "__ok(Object.assign({},{a:1}).a===1);"),
  builtin("Object.keys", "__ok(Object.keys({a:1})[0]==='a');"),
  builtin("Object.create", "__ok(Object.create({a:1}).a===1);"),
  builtin("Object.defineProperty", "var o={}; Object.defineProperty(o,'a',{value:1}); __ok(o.a===1);"),
  builtin("Object.getPrototypeOf", "var p={}; __ok(Object.getPrototypeOf(Object.create(p))===p);"),
  builtin("Object.setPrototypeOf", "var p={a:1}; __ok(Object.setPrototypeOf({},p).a===1);"),
  builtin("Object.getOwnPropertyNames", "__ok(Object.getOwnPropertyNames({a:1})[0]==='a');"),
  builtin("Object.hasOwn", "__ok(Object.hasOwn({a:1},'a'));"),
  builtin("Object.is", "__ok(Object.is(NaN,NaN));"),
  builtin("Number.isInteger", "__ok(Number.isInteger(2)&&!Number.isInteger(2.5));"),
  builtin("Number.isFinite", "__ok(Number.isFinite(2)&&!Number.isFinite(1/0));"),
  builtin("Number.isNaN", "__ok(Number.isNaN(NaN));"),
  builtin("Number.EPSILON", "__ok(Number.EPSILON>0&&Number.EPSILON<1e-10, Number.EPSILON);"),
  builtin("Math.trunc", "__ok(Math.trunc(-2.5)===-2);"),
  builtin("Math.sign", "__ok(Math.sign(-3)===-1);"),
  builtin("Math.hypot", "__ok(Math.hypot(3,4)===5);"),
  builtin("Math.log2", "__ok(Math.log2(8)===3);"),
  builtin("String.fromCharCode", "__ok(String.fromCharCode(65)==='A');"),
  // Built-ins: prototype methods
  builtin("Array.prototype.includes", "__ok([1,2].includes(2));"),
  builtin("Array.prototype.find", "__ok([1,2].find(function(x){return x>1})===2);"),
  builtin("Array.prototype.findIndex", "__ok([1,2].findIndex(function(x){return x>1})===1);"),
  builtin("Array.prototype.fill", "__ok([0,0].fill(3)[1]===3);"),
  builtin("Array.prototype.flat", "__ok([[1],[2]].flat().length===2);"),
  builtin("Array.prototype.flatMap", "__ok([1,2].flatMap(function(x){return [x,x]}).length===4);"),
  builtin("Array.prototype.at", "__ok([1,2].at(-1)===2);"),
  builtin("Array.prototype.findLast", "__ok([1,2,3].findLast(function(x){return x<3})===2);"),
  builtin("Array.prototype.indexOf", "__ok([1,2].indexOf(2)===1);"),
  builtin("Array.prototype.map/filter/reduce", "__ok([1,2,3].map(function(x){return x*2}).filter(function(x){return x>2}).reduce(function(a,b){return a+b},0)===10);"),
  builtin("Array.prototype.some/every", "__ok([1,2].some(function(x){return x>1})&&[1,2].every(function(x){return x>0}));"),
  builtin("String.prototype.padStart", "__ok('5'.padStart(3,'0')==='005');"),
  builtin("String.prototype.padEnd", "__ok('5'.padEnd(3,'0')==='500');"),
  builtin("String.prototype.includes", "__ok('abc'.includes('b'));"),
  builtin("String.prototype.startsWith", "__ok('abc'.startsWith('ab'));"),
  builtin("String.prototype.endsWith", "__ok('abc'.endsWith('bc'));"),
  builtin("String.prototype.repeat", "__ok('ab'.repeat(2)==='abab');"),
  builtin("String.prototype.replaceAll", "__ok('aXa'.replaceAll('a','b')==='bXb');"),
  builtin("String.prototype.trimStart", "__ok(' a'.trimStart()==='a');"),
  builtin("String.prototype.trim", "__ok(' a '.trim()==='a');"),
  builtin("Function.prototype.bind", "function g(a,b){return this.x+a+b} var h=g.bind({x:1},2); __ok(h(3)===6);"),
  // Reads through a constructor's prototype (the member probe reads every member that way too)
  f("builtin", "prototype-method-read", "a built-in's method read through its prototype", "function r(){return Array.prototype.slice.call(arguments,1)} __ok(r(1,2,3).length===2);"),
  f("builtin", "prototype-method-from-instance", "a built-in's method read from an instance", "function r(){return [].slice.call(arguments,1)} __ok(r(1,2,3).length===2);"),
  f("builtin", "object-prototype-read", "Object.prototype's methods read through it", "__ok(Object.prototype.hasOwnProperty.call({a:1},'a'));"),
  f("builtin", "object-tostring-tag", "Object.prototype.toString.call(x) gives \"[object Type]\"", "__ok(Object.prototype.toString.call([])==='[object Array]', JSON.stringify(Object.prototype.toString.call([])));"),
  f("builtin", "prototype-polyfill", "a method assigned to a built-in's prototype reaches instances", "Array.prototype.__t=function(){return this.length}; __ok([1,2].__t()===2);"),
];
