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
type Style = { id: string; build: (n: number) => unknown; forOf: Loop; index?: Loop; grow?: Loop; hoisted?: Loop; x?: unknown; y?: unknown };
const { buildMeasured, largeN, repsFor, timeLoops } = await device("../firmware/bench/harness.ts");
const { STYLES } = (await device("../firmware/bench/styles.ts")) as { STYLES: Style[] };
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
  const [fixed, vars, , c] = buildMeasured((n: number) => {
    fakeUsage += firstUse + 10 + 6 * n; // a store of 10 JsVars, then 6 per object
    firstUse = 0;
    return new Array(n).fill(0);
  }, 64);
  assert.equal(fixed, 56);
  assert.equal(vars, 6);
  assert.equal((c as number[]).length, 64);
});

test("samples are long enough for a coarse timer, with an even number of passes", () => {
  // A fake clock: each pass takes 0.1 ms, read in 1 ms ticks (as in the emulator).
  let clock = 0;
  const realTime = g.getTime;
  g.getTime = () => Math.floor(clock * 1000) / 1000;
  const loop: Loop = (_c, _n, r) => ((clock += r * 1e-4), 0);
  try {
    for (const ms of [5, 20, 100]) {
      const reps = repsFor(loop, [], 16, { id: "fake", build: () => [], forOf: loop }, ms, true);
      assert.equal(reps % 2, 0);

      assert.ok(reps * 0.1 >= ms * 0.9 && reps * 0.1 <= ms * 1.5, `${ms} ms: ${reps} passes`);
    }
    // A pass longer than a sample: one pass for an area loop (short samples survive a busy host), two for grow.
    const long: Loop = (_c, _n, r) => ((clock += r * 0.01), 0);
    assert.equal(repsFor(long, [], 16, { id: "fake", build: () => [], forOf: long }, 5), 1);
    assert.equal(repsFor(long, [], 16, { id: "fake", build: () => [], forOf: long }, 5, true), 2);
  } finally {
    g.getTime = realTime;
  }
});

test("timing returns µs per element per loop, null for a loop the style lacks, and both area sums", () => {
  const closure = STYLES.find((s) => s.id === "js.closure")!;
  const c = closure.build(16);
  const { us, sums } = timeLoops(closure, c, 16, 1, 3);
  assert.ok(us[0] > 0 && us[1] > 0);
  assert.equal(us[2], null, "a single-method style has no grow");
  assert.equal(sums[0], sums[1]);
  assert.equal(sums[0], closure.forOf(c, 16, 1));
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
    const style = (id: string, cost: number): Style => ({ id, build: () => [], forOf: m.timed(cost), index: m.timed(2 * cost) });
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

test("every style computes the same area sum in every loop shape, and grow(k) passes leave it unchanged", () => {
  const sums = new Map<string, number>();
  for (const s of STYLES) {
    const c = s.build(32);
    const sum = s.forOf(c, 32, 1, s.x, s.y);
    sums.set(s.id, sum);
    if (s.index) assert.equal(s.index(c, 32, 1, s.x, s.y), sum, `${s.id} index`);
    if (s.hoisted) assert.ok(Number.isFinite(s.hoisted(c, 32, 1, s.x, s.y)), `${s.id} hoisted`);
    if (s.grow) {
      s.grow(c, 32, 1, s.x, s.y); // +1
      assert.notEqual(s.forOf(c, 32, 1, s.x, s.y), sum, `${s.id} grow changes the areas`);
      s.grow(c, 32, 2, s.x, s.y); // +1 then -1... and back with the last -1
      s.grow(c, 32, 1, s.x, s.y);
    }
  }
  const expected = sums.get("baseline.inline");
  for (const [id, sum] of sums) assert.equal(sum, expected, id);
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
    const style: Style = { id: "s", build: () => [], forOf: (_c, _n, reps) => ((sizing = false), (now += reps * 1e-5), 0) };
    const r = timeLoops(style, [], 1, 0.1, 12, calibration);
    assert.ok(r.calUs > 0, `calUs ${r.calUs}`);
    assert.ok(Math.abs(r.calUs - 0.1) < 0.05, `calUs ${r.calUs}, want about 0.1 µs per pass`);
  } finally {
    g.getTime = realTime;
  }
});
