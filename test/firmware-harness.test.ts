/**
 * The bench's harness and styles, run in Node with Espruino's globals shimmed: the arithmetic
 * (sizing), the calibrated timing, and the invariant that every dynamic style computes
 * the same workload. Figures are not checked here: they come from boards (see the truth tier).
 */
import assert from "node:assert/strict";
import { test } from "node:test";

const g = globalThis as Record<string, unknown>;
g.getTime = () => performance.now() / 1000;
// Espruino's E.convolve(a, b, 0): the sum of a[i] * b[i] over a (b wraps), as the batch style uses it.
g.E = {
  convolve(a: ArrayLike<number>, b: ArrayLike<number>, o: number): number {
    let t = 0;
    for (let i = 0; i < a.length; i++) t += a[i] * b[(i + o) % b.length];
    return t;
  },
};
let fakeUsage = 100;
(process as unknown as { memory: () => object }).memory = () => ({ usage: fakeUsage, free: 5000, total: 8000, blocksize: 13 });

// Device code is type-checked by tsconfig.device.json (Espruino globals); imported by a computed
// path so the host config does not type-check it against Node's globals.
const device = (path: string) => import(path);
type Loop = (c: unknown, n: number, r: number, x?: unknown, y?: unknown) => number;
type Style = { id: string; build: (n: number) => unknown; loops: (Loop | null)[]; index?: Loop; hoisted?: Loop; check?: (c: unknown) => number; x?: unknown; y?: unknown };
type Results = { loops: (number | null)[]; index: number | null; hoisted: number | null };
const { buildMeasured, largeN, repsFor, results, timeLoops } = await device("../firmware/bench/harness.ts");
const { BUILTIN_STYLES: STYLES, BUILTIN_LOOPS: LOOPS } = (await device("../firmware/bench/builtin.ts")) as { BUILTIN_STYLES: Style[]; BUILTIN_LOOPS: { name: string; sum: number }[] };
const { W, H } = await device("../firmware/bench/workload.ts");
const { STYLE_IDS } = await import("../scripts/bench/schema.ts");

test("the large container is at most 257 objects, never a power of two, smaller with less memory", () => {
  assert.equal(largeN(1e6), 257);
  assert.equal(largeN(32 * 100), 100);
  assert.equal(largeN(32 * 128), 127, "128 is a power of two");
  assert.equal(largeN(10), 8);
  for (let free = 300; free < 20000; free += 97) assert.notEqual(largeN(free) & (largeN(free) - 1), 0, String(free));
});

test("fixed JsVars include one-time costs; JsVars per object exclude them and the container's own", () => {
  fakeUsage = 100;
  let firstUse = 46; // the interpreter's first typed array, paid once
  const m = buildMeasured((n: number) => {
    fakeUsage += firstUse + 10 + 6 * n; // a store of 10 JsVars, then 6 per object
    firstUse = 0;
    return new Array(n).fill(0);
  }, 64);
  assert.equal(m.fixedVars, 56);
  assert.equal(m.varsPerObject, 6);
  assert.equal((m.container as number[]).length, 64);
  assert.equal(m.keep.length, 2, "both empty containers stay alive until the last reading");
});

test("samples are long enough for a coarse timer, with an even number of passes", () => {
  // A fake clock: each pass takes 0.1 ms, read in 1 ms ticks (as in the emulator).
  let clock = 0;
  const realTime = g.getTime;
  g.getTime = () => Math.floor(clock * 1000) / 1000;
  const loop: Loop = (_c, _n, r) => ((clock += r * 1e-4), 0);
  try {
    for (const ms of [5, 20, 100]) {
      const reps = repsFor(loop, [], 16, { id: "fake", build: () => [], loops: [loop] }, ms, true);
      assert.equal(reps % 2, 0);

      assert.ok(reps * 0.1 >= ms * 0.9 && reps * 0.1 <= ms * 1.5, `${ms} ms: ${reps} passes`);
    }
    // A pass longer than a sample: one pass for an area loop (short samples survive a busy host), two for grow.
    const long: Loop = (_c, _n, r) => ((clock += r * 0.01), 0);
    assert.equal(repsFor(long, [], 16, { id: "fake", build: () => [], loops: [long] }, 5), 1);
    assert.equal(repsFor(long, [], 16, { id: "fake", build: () => [], loops: [long] }, 5, true), 2);
  } finally {
    g.getTime = realTime;
  }
});

test("timing returns µs per element per loop: the workload's loops, then index and hoisted; null for a loop the style lacks", () => {
  const closure = STYLES.find((s) => s.id === "js.closure")!;
  const c = closure.build(16);
  const { us } = timeLoops(closure, c, 16, 1, 3);
  assert.equal(us.length, 4);
  assert.ok(us[0] > 0, "area");
  assert.equal(us[1], null, "a single-method style has no grow");
  assert.ok(us[2] > 0, "index");
  assert.equal(us[3], null, "a closure has no target to hoist");
});

/**
 * A simulated machine whose speed drifts (as a host's does: set `slowness`), and that is preempted
 * now and then (every 7th timed loop takes 4× as long): every loop advances a fake clock by its
 * cost per pass × passes × the slowness of that moment.
 */
function driftingMachine() {
  let now = 0;
  let loops = 0;
  const m = {
    slowness: 1,
    getTime: () => now,
    timed: (cost: number): Loop => (_c, _n, reps) => {
      now += cost * reps * (loops++ % 7 === 3 ? 4 : 1) * m.slowness;
      return 0;
    },
  };
  return m;
}

test("calibration cancels a machine's drift: style ratios hold whatever speed each style ran at", () => {
  const realTime = g.getTime;
  try {
    const m = driftingMachine();
    g.getTime = m.getTime;
    const calibration = m.timed(1e-6);
    const style = (id: string, cost: number): Style => ({ id, build: () => [], loops: [m.timed(cost)], index: m.timed(2 * cost) });
    m.slowness = 1.9;
    const fast = timeLoops(style("fast", 3e-6), [], 1, 0.3, 5, calibration);
    m.slowness = 1;
    const slow = timeLoops(style("slow", 4e-6), [], 1, 0.3, 5, calibration);
    // Raw, the slow style's fastest sample beats the fast one's (4 × 1 < 3 × 1.9)...
    assert.ok(slow.us[0] < fast.us[0], `raw ${slow.us[0]} ${fast.us[0]}`);
    // ...and the calibration readings taken meanwhile undo that: 4/3 in both loops, preemption ignored.
    const scaled = (r: { us: number[]; calUs: number }, i: number) => r.us[i] / r.calUs;
    assert.ok(Math.abs(scaled(slow, 0) / scaled(fast, 0) - 4 / 3) < 0.01, `for…of ${scaled(slow, 0) / scaled(fast, 0)}`);
    assert.ok(Math.abs(scaled(slow, 1) / scaled(fast, 1) - 4 / 3) < 0.01, `index ${scaled(slow, 1) / scaled(fast, 1)}`);
    assert.ok(Math.abs(fast.calUs - 1.9) < 0.02 && Math.abs(slow.calUs - 1) < 0.01, `calibration pass ${fast.calUs} ${slow.calUs} µs`);
  } finally {
    g.getTime = realTime;
  }
});

test("the styles are the fixed ids, in order", () => {
  assert.deepEqual(STYLES.map((s) => s.id), [...STYLE_IDS]);
});

/** The built-in workload's figures at N objects, from its own definition (W, H; even indexes rects). */
function expected(n: number) {
  let area = 0, allRect = 0, fields = 0;
  for (let i = 0; i < n; i++) {
    area += (W(i) * H(i)) / (i & 1 ? 2 : 1);
    allRect += W(i) * H(i);
    fields += W(i) + H(i);
  }
  // grow(1): every w and h one more.
  return { area, allRect, grown: fields + 2 * n };
}

test("the built-in workload's figures at 32 objects: an area sum of 345, 468 with every object as a rect", () => {
  assert.deepEqual(expected(32), { area: 345, allRect: 468, grown: 311 });
});

test("every style computes the expected figures in every loop shape: area, index, hoisted, and grow's checksum", () => {
  const want = expected(32);
  assert.deepEqual(LOOPS.map((l) => l.name), ["area", "grow"]);
  for (const s of STYLES) {
    const r = results(s, s.build(32), 32, LOOPS) as Results;
    assert.equal(r.loops[0], want.area, `${s.id} area`);
    if (s.index) assert.equal(r.index, want.area, `${s.id} index`);
    else assert.equal(r.index, null, s.id);
    // The hoisted loop calls the rect's method on every object.
    if (s.hoisted) assert.equal(r.hoisted, want.allRect, `${s.id} hoisted`);
    if (s.loops[1]) assert.equal(r.loops[1], want.grown, `${s.id} grow(1) makes every w and h one more`);
    else assert.equal(r.loops[1], null, `${s.id} has no grow`);
  }
  const hoisting = STYLES.filter((s) => s.hoisted).map((s) => s.id);
  assert.deepEqual(hoisting, ["js.class", "js.prototype", "js.literal-closures", "js.literal-shared", "thin.func", "thin.vtable", "thin.table"]);
});

test("a grow pass changes what the area loop then computes, by the same amount in every style", () => {
  for (const s of STYLES.filter((x) => x.loops[1])) {
    const c = s.build(32);
    const [area, grow] = s.loops as Loop[];
    const before = area(c, 32, 1, s.x, s.y);
    grow(c, 32, 1, s.x, s.y);
    const after = area(c, 32, 1, s.x, s.y);
    // Each object's area becomes (w+1)(h+1), halved for triangles.
    let want = 0;
    for (let i = 0; i < 32; i++) want += ((W(i) + 1) * (H(i) + 1)) / (i & 1 ? 2 : 1);
    assert.equal(before, 345, s.id);
    assert.equal(after, want, s.id);
  }
});

test("a calibration reading shorter than a timer tick is not taken (it reads 0), the next is longer; with none, calUs is 0", () => {
  const realTime = g.getTime;
  let now = 0;
  // A coarse clock: 1 ms ticks. A calibration pass takes 0.6 ms once warm: its readings are 0 or 1 ms.
  g.getTime = () => Math.floor(now * 1000) / 1000;
  let calCost = 1e-3;
  const loop: Loop = (_c, _n, r) => ((now += r * 4e-4), 0);
  const calibration: Loop = (_c, _n, r) => ((now += r * calCost), (calCost = 6e-4), 0);
  try {
    const t = timeLoops({ id: "fake", build: () => [], loops: [loop] }, [], 1, 2, 9, calibration);
    assert.ok(t.us[0] > 0);
    // A reading of 0 is not taken, and the next one is twice as long: 2 passes read 1 ms, 0.5 ms a
    // pass; no reading is ever below the true 0.6 ms by more than a tick spread over its passes.
    assert.ok(t.calUs >= 500 - 1e-6 && t.calUs <= 1000 + 1e-6, `the fastest reading that lasted a tick: ${t.calUs} µs a pass`);
    calCost = 1e-3;
    const none = timeLoops({ id: "fake", build: () => [], loops: [loop] }, [], 1, 2, 3, ((_c, _n, r) => ((now += r * calCost), (calCost = 1e-7), 0)) as Loop);
    assert.equal(none.calUs, 0);
  } finally {
    g.getTime = realTime;
  }
});

test("a calibration reading under one clock tick is no reading: the next is twice as long, and calUs is never 0", () => {
  const realTime = g.getTime;
  try {
    // A 1 ms clock; the calibration loop's sizing ran slow (garbage collections on a nearly full
    // board), so its readings are under a tick until they are lengthened.
    let now = 0;
    g.getTime = () => Math.floor(now * 1000) / 1000;
    let sizing = true;
    const calibration: Loop = (_c, _n, reps) => {
      now += reps * (sizing ? 1e-4 : 1e-7);
      return 0;
    };
    const style: Style = { id: "s", build: () => [], loops: [(_c, _n, reps) => ((sizing = false), (now += reps * 1e-5), 0)] };
    const r = timeLoops(style, [], 1, 0.1, 12, calibration);
    assert.ok(r.calUs > 0, `calUs ${r.calUs}`);
    assert.ok(Math.abs(r.calUs - 0.1) < 0.05, `calUs ${r.calUs}, want about 0.1 µs per pass`);
  } finally {
    g.getTime = realTime;
  }
});
