/**
 * Example: sensor and actuator drivers behind one trait, polled with setInterval; readings kept
 * unboxed in a packed store.
 *
 * - Drivers are plain objects carrying their type's shared vtable in `v` (`Driver.make`), so a new
 *   driver costs its fields plus one property, and the poll loop is `d.v[poll](d, now)`.
 * - Readings go into a {@link PackedStore}: a temperature is 8 bytes (`f32` value + `u32` ms), a
 *   button edge 5 bytes, an acceleration 10 bytes, instead of an object of 5+ JsVars each. Every
 *   `FLUSH` readings are summarized through the reading types' own vtables, then popped.
 *
 * On the Linux build (no ADC) the thermistor and accelerometer are simulated; the button and the
 * LED use digitalRead/analogWrite, which exist there too. Runs ROUNDS polls, then stops.
 */
import { PackedStore, trait } from "../../src/index";

/** True on a real board; the Linux build and the virtual board have no analog inputs. */
const HW = process.env.BOARD !== "LINUX" && process.env.BOARD !== "VIRTUAL";
const ROUNDS = 20;
const FLUSH = 16;

// ---- Readings: packed, one type per kind, each with a `show` method -------------------------
type Store = PackedStore;
const Reading = trait<{ show(s: Store, o: number): string; value(s: Store, o: number): number }>()(["show", "value"]);
const store = new PackedStore<ReturnType<typeof Reading.impl>>();
// Widest fields first: no padding. Byte offsets: TEMP at { c: 0, ms: 4 }, ACCEL at { x: 0, y: 2, z: 4, ms: 8 }.
const TEMP = store.type({ c: "f32", ms: "u32" }, Reading.impl({
  show: function (s, o) { return "temp " + s.f32[o >> 2].toFixed(1) + "C"; },
  value: function (s, o) { return s.f32[o >> 2]; },
}));
const PRESS = store.type({ ms: "u32", down: "u8" }, Reading.impl({
  show: function (s, o) { return s.u8[o + 4] ? "button down" : "button up"; },
  value: function (s, o) { return s.u8[o + 4]; },
}));
const ACCEL = store.type({ x: "i16", y: "i16", z: "i16", ms: "u32" }, Reading.impl({
  show: function (s, o) { var a = s.i16, i = o >> 1; return "accel " + a[i] + "," + a[i + 1] + "," + a[i + 2] + " mg"; },
  value: function (s, o) { var a = s.i16, i = o >> 1; return Math.sqrt(a[i] * a[i] + a[i + 1] * a[i + 1] + a[i + 2] * a[i + 2]); },
}));

// ---- Drivers: one trait, a vtable per driver type ---------------------------------------------
const Driver = trait<{
  /** Reads or drives the hardware; may push a reading. */
  poll(self: object, ms: number): void;
  name(self: object): string;
}>()(["poll", "name"], { name: function () { return "driver"; } });
const POLL = Driver.slot.poll;
const NAME = Driver.slot.name;

interface Thermistor { pin: Pin; beta: number; last: number }
const ThermistorVT = Driver.impl({
  poll: function (d: Thermistor, ms: number) {
    // 10k NTC in a divider: ratio → resistance → Kelvin by the beta equation.
    var ratio = HW ? analogRead(d.pin) : 0.5 + 0.05 * Math.sin(ms / 3000);
    var k = 1 / (1 / 298.15 + Math.log(ratio / (1 - ratio)) / d.beta);
    d.last = k - 273.15;
    store.push(TEMP, { c: d.last, ms: ms });
  },
  name: function () { return "thermistor"; },
});

interface Button { pin: Pin; down: number }
const ButtonVT = Driver.impl({
  poll: function (d: Button, ms: number) {
    var now = digitalRead(d.pin);
    if (now !== d.down) store.push(PRESS, { down: (d.down = now), ms: ms });
  },
  name: function () { return "button"; },
});

interface Fan { pin: Pin; probe: Thermistor; duty: number }
const FanVT = Driver.impl({
  // Actuator: PWM duty follows the thermistor, 0 at 20C to 1 at 30C.
  poll: function (d: Fan) {
    d.duty = Math.max(0, Math.min(1, (d.probe.last - 20) / 10));
    analogWrite(d.pin, d.duty);
  },
});

interface Accel { phase: number }
const AccelVT = Driver.impl({
  // A fake accelerometer: a slow wobble around 1 g on z.
  poll: function (d: Accel, ms: number) {
    d.phase += 0.3;
    store.push(ACCEL, { x: Math.round(80 * Math.sin(d.phase)), y: Math.round(60 * Math.cos(d.phase)), z: 1000, ms: ms });
  },
  name: function () { return "accel"; },
});

const probe = Driver.make({ pin: D0, beta: 3950, last: 25 }, ThermistorVT);
const drivers = [
  probe,
  Driver.make({ pin: D1, down: 0 }, ButtonVT),
  Driver.make({ pin: D2, probe: probe, duty: 0 }, FanVT),
  Driver.make({ phase: 0 }, AccelVT),
];

/** Summarizes the buffered readings through their vtables, then empties the store. */
function flush(): void {
  var V = store.V, T = store.T, O = store.O, n = store.length, i, sum = 0, temps = 0;
  for (i = 0; i < n; i++) {
    if (T[i] === TEMP.t) {
      sum += V[T[i]][1](store, O[i]);
      temps++;
    }
  }
  print(n + " readings, mean temp " + (sum / temps).toFixed(2) + "C, last: " + V[T[n - 1]][0](store, O[n - 1]));
  while (store.length) store.pop();
}

function main(): void {
  var round = 0, t0 = getTime();
  print("drivers: " + drivers.map(function (d) { return d.v[NAME](d); }).join(", "));
  var id = setInterval(function () {
    var ms = Math.round((getTime() - t0) * 1000), i, d;
    for (i = 0; i < drivers.length; i++) {
      d = drivers[i];
      d.v[POLL](d, ms);
    }
    if (store.length >= FLUSH) flush();
    if (++round === ROUNDS) {
      clearInterval(id);
      if (store.length) flush();
      print("fan duty " + (drivers[2] as Fan).duty.toFixed(2) + ", " + process.memory().usage + " JsVars used");
      print("DONE");
    }
  }, 50);
}

main();
