import { test } from "node:test";
import assert from "node:assert/strict";
import { callOnce, func, funcMut, funcOnce } from "../src/index.ts";

test("func stores fn as the one property f on the data and calls it with this = data", () => {
  const d = { w: 2, h: 3 };
  const r = func(d, function () {
    return this.w * this.h;
  });
  assert.equal(r, d);
  assert.deepEqual(Object.keys(r), ["w", "h", "f"]);
  assert.equal(r.f(), 6);
});

test("func passes up to two arguments", () => {
  const r = func({ w: 2 }, function (a: number, b: number) {
    return this.w * a + b;
  });
  assert.equal(r.f(3, 4), 10);
});

test("func shares one function among many objects (no closure per object)", () => {
  function area(this: { w: number; h: number }) {
    return this.w * this.h;
  }
  const a = func({ w: 1, h: 2 }, area);
  const b = func({ w: 3, h: 4 }, area);
  assert.equal(a.f, b.f);
  assert.equal(a.f() + b.f(), 14);
});

test("funcMut lets the function mutate its data (FnMut)", () => {
  const c = funcMut({ n: 0 }, function (k: number) {
    this.n += k;
    return this.n;
  });
  c.f(2);
  assert.equal(c.f(3), 5);
  assert.equal(c.n, 5);
});

test("funcOnce: first callOnce runs, second throws 'FuncOnce called twice'", () => {
  const o = funcOnce({ n: 1 }, function (k: number) {
    this.n += k;
    return this.n;
  });
  assert.equal(callOnce(o, 2), 3);
  assert.throws(() => callOnce(o, 2), { message: "FuncOnce called twice" });
  assert.equal(o.n, 3);
});

test("callOnce spends f before the call: the function finds f = 0, and calling it again from inside throws", () => {
  const o = funcOnce({ n: 1 }, function (this: { n: number; f?: unknown }) {
    assert.equal(this.f, 0);
    assert.throws(() => callOnce(o), { message: "FuncOnce called twice" });
    return ++this.n;
  });
  assert.equal(callOnce(o), 2);
});

test("funcOnce: spending swaps f for one shared function (allocates nothing per object)", () => {
  const a = funcOnce({}, function () {
    return 1;
  });
  const b = funcOnce({}, function () {
    return 2;
  });
  assert.equal(callOnce(a), 1);
  assert.equal(callOnce(b), 2);
  assert.equal(a.f, b.f);
  assert.deepEqual(Object.keys(a), ["f"]);
});

test("funcOnce with two arguments", () => {
  const o = funcOnce({ s: "" }, function (a: string, b: string) {
    return this.s + a + b;
  });
  assert.equal(callOnce(o, "x", "y"), "xy");
});

// Type-level checks: this file is type-checked by `tsc -p tsconfig.json`.
export function typeChecks(): void {
  const r = func({ w: 2, h: 3 }, function () {
    // @ts-expect-error Func's function sees `this` read-only
    this.w = 1;
    return this.w;
  });
  const n: number = r.f();
  const m = funcMut({ w: 2 }, function (k: number) {
    this.w = k;
  });
  // @ts-expect-error argument type is checked
  m.f("x");
  const o = funcOnce({ w: 2 }, function () {
    return this.w;
  });
  // @ts-expect-error a FuncOnce is only called through callOnce
  o.f();
  const s: number = callOnce(o);
  const t = funcOnce({ w: 2 }, function (k: number) {
    return this.w * k;
  });
  // @ts-expect-error callOnce checks the argument types too
  callOnce(t, "x");
  void n;
  void s;
}
