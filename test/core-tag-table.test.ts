import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { tag, tagTable, trait, type At, type TagColumn, type Tagged } from "../src/index.ts";

interface Dims {
  w: number;
  h: number;
}
// A tag table's methods read the object from `this.o`, the slot of their column.
interface Shape {
  area(this: At<Dims>): number;
  grow(this: At<Dims>, k: number): void;
}
const Sized = trait<Shape>()();
function grow(this: At<Dims>, k: number) {
  this.o.w += k;
  this.o.h += k;
}
const RectVT = Sized.impl({ area: function () { return this.o.w * this.o.h; }, grow });
const TriVT = Sized.impl({ area: function () { return (this.o.w * this.o.h) / 2; }, grow });
const T = tagTable([RectVT, TriVT]);

test("tagTable builds one column per method, the types' functions indexed by tag", () => {
  assert.deepEqual(Object.keys(T).sort(), ["area", "grow"]);
  assert.deepEqual([...T.area], [RectVT.area, TriVT.area]);
  assert.deepEqual([...T.grow], [grow, grow]);
});

test("tag sets t and returns the data", () => {
  const d = { w: 2, h: 3 };
  const o = tag(d, 1);
  assert.equal(o, d);
  assert.equal(o.t, 1);
  assert.deepEqual(Object.keys(o), ["w", "h", "t"]);
});

test("the documented hot loop: the loop writes each object into the column's slot, A[A.o.t]() reads it as this.o", () => {
  const xs = [tag({ w: 2, h: 3 }, 0), tag({ w: 2, h: 3 }, 1), tag({ w: 4, h: 1 }, 0)];
  const A = T.area;
  let s = 0;
  for (A.o of xs) s += A[A.o.t]();
  assert.equal(s, 6 + 3 + 4);
  const G = T.grow;
  for (G.o of xs) G[G.o.t](1);
  assert.deepEqual(xs.map((o) => [o.w, o.h]), [[3, 4], [3, 4], [5, 2]]);
  // The slot keeps the loop's last object (one reference) until something writes it again.
  assert.equal(A.o, xs[2]);
  assert.equal(G.o, xs[2]);
});

// A group sums its members' areas over the same column: a loop inside a method of that column.
interface Member {
  w: number;
  h: number;
  kids: Tagged<Member>[];
  seen: number;
}
interface Nested {
  area(this: At<Member>): number;
}
const N = trait<Nested>()();
/** `this` in a tag table's method is its column; its type names only the slot (At), so a method looping over its column says so. */
type AreaColumn = TagColumn<Nested["area"]>;
const leaf = N.impl({ area: function () { this.o.seen++; return this.o.w * this.o.h; } });
/** Reads `this.o` after its inner loop without restoring it: the rule broken. */
const careless = N.impl({
  area: function () {
    const A = this as unknown as AreaColumn;
    let s = 0;
    for (A.o of A.o.kids) s += A[A.o.t]();
    A.o.seen++; // the last kid's, not the group's
    return s;
  },
});
/** Saves the slot before its inner loop and restores it after: the rule kept. */
const careful = N.impl({
  area: function () {
    const A = this as unknown as AreaColumn;
    const me = A.o;
    let s = 0;
    for (A.o of me.kids) s += A[A.o.t]();
    A.o = me;
    A.o.seen++;
    return s;
  },
});

test("the slot is one cursor per column: a loop over the column inside one of its methods moves it for the caller", () => {
  const kid = (w: number): Tagged<Member> => tag({ w, h: 1, kids: [], seen: 0 }, 0);
  for (const [impl, restores] of [[careless, false], [careful, true]] as const) {
    const A = tagTable([leaf, impl]).area;
    const a = kid(1), b = kid(2), c = kid(5);
    const group = tag({ w: 0, h: 0, kids: [a, b], seen: 0 }, 1);
    const xs = [group, c];
    let s = 0;
    for (A.o of xs) s += A[A.o.t]();
    // The outer loop is unharmed: it writes the slot again for its next object, so every area counts once.
    assert.equal(s, 1 + 2 + 5);
    assert.equal(c.seen, 1);
    // Inside the group's method, after its inner loop, this.o was the last kid unless the method restored it.
    assert.equal(group.seen, restores ? 1 : 0);
    assert.equal(b.seen, restores ? 1 : 2);
  }
});

test("property: over random nested groups, a method that saves and restores the slot sums like a recursive reference", () => {
  interface Node {
    w: number;
    kids: Node[];
  }
  const node: fc.Memo<Node> = fc.memo((d) => (d <= 1 ? fc.record({ w: fc.integer({ min: 0, max: 9 }), kids: fc.constant([] as Node[]) }) : fc.record({ w: fc.integer({ min: 0, max: 9 }), kids: fc.array(node(d - 1), { maxLength: 3 }) })));
  const reference = (n: Node): number => (n.kids.length ? n.kids.reduce((s, k) => s + reference(k), 0) : n.w);
  const tagged = (n: Node): Tagged<Member> => tag({ w: n.w, h: 1, kids: n.kids.map(tagged), seen: 0 }, n.kids.length ? 1 : 0);
  const A = tagTable([leaf, careful]).area;
  fc.assert(
    fc.property(fc.array(node(4), { maxLength: 6 }), (nodes) => {
      const xs = nodes.map(tagged);
      let s = 0;
      for (A.o of xs) s += A[A.o.t]();
      assert.equal(s, nodes.reduce((t, n) => t + reference(n), 0));
      // Every object's method ran exactly once, each on its own object.
      const all = (o: Tagged<Member>): Tagged<Member>[] => [o, ...o.kids.flatMap(all)];
      for (const o of xs.flatMap(all)) assert.equal(o.seen, 1);
      if (xs.length) assert.equal(A.o, xs[xs.length - 1]);
    }),
    { numRuns: 200 },
  );
});

test("another column's method for the same object: set that column's slot, never the caller's", () => {
  const xs = [tag({ w: 2, h: 3 }, 0), tag({ w: 4, h: 1 }, 1)];
  const A = T.area, G = T.grow;
  let s = 0;
  for (A.o of xs) {
    G.o = A.o;
    G[G.o.t](1);
    s += A[A.o.t]();
  }
  assert.equal(s, 3 * 4 + (5 * 2) / 2);
});

test("tagTable of no vtables is empty", () => {
  assert.deepEqual(tagTable([]), {});
});

// Type-level checks: this file is type-checked by `tsc -p tsconfig.json`.
export function typeChecks(): void {
  const A = T.area;
  A.o = tag({ w: 1, h: 2 }, 0);
  const a: number = A[A.o.t]();
  // @ts-expect-error unknown method
  T.spin;
  // @ts-expect-error the object is in the slot, not an argument
  A[A.o.t](A.o);
  // @ts-expect-error the slot holds tagged objects
  A.o = { w: 1, h: 2 };
  void a;
}

test("property: a table is made only when every vtable has every method any of them has", () => {
  const methods = ["area", "grow", "spin"];
  const vtable = fc.uniqueArray(fc.constantFrom(...methods), { maxLength: 3 }).map((ks) => Object.fromEntries(ks.map((k) => [k, () => k])));
  fc.assert(
    fc.property(fc.array(vtable, { maxLength: 4 }), (vts) => {
      const all = new Set(vts.flatMap((v) => Object.keys(v)));
      const hole = [...all].find((k) => vts.some((v) => !(k in v)));
      if (hole !== undefined) {
        assert.throws(() => tagTable(vts), /^Error: no method \w+$/);
        return;
      }
      const T = tagTable(vts) as unknown as Record<string, (() => string)[]>;
      assert.deepEqual(Object.keys(T).sort(), [...all].sort());
      for (const k of all) assert.deepEqual(T[k], vts.map((v) => v[k]));
    }),
    { numRuns: 300 },
  );
});

test("a vtable missing a method another has is refused when the table is made", () => {
  assert.throws(() => tagTable([RectVT, { area: RectVT.area }] as never), { message: "no method grow" });
  assert.throws(() => tagTable([{ area: RectVT.area }, RectVT] as never), { message: "no method grow" });
});
