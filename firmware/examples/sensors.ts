/**
 * Example: sensor and actuator drivers behind one trait, polled with setInterval; readings kept
 * unboxed in a packed store.
 *
 * - Drivers are plain objects carrying their type's shared vtable in `v` (`make`), so a new
 *   driver costs its fields plus one property, and the poll loop is `for (d of drivers) d.v.poll(d, ms)`.
 * - Readings go into a packed store, one type per kind with one typed column per field: a
 *   temperature is 8 bytes (`f32` value + `u32` ms) plus a 1-byte tag, a button edge 6, an
 *   acceleration 11, instead of an object of 5+ JsVars each. Every `FLUSH` readings are summarized:
 *   the mean temperature by one batch call over the temperature columns, the readings in the order
 *   they came by the insertion-order loop; then they are popped.
 *
 * On the Linux build (no ADC) the thermistor and accelerometer are simulated; the button and the
 * LED use digitalRead/analogWrite, which exist there too. Runs ROUNDS polls, then stops.
 */
import { make, packed, packOrder, packPop, packPush, packType, trait } from "../../src/index";

/** True on a real board; the Linux build and the virtual board have no analog inputs. */
const HW = process.env.BOARD !== "LINUX" && process.env.BOARD !== "VIRTUAL";
const ROUNDS = 20;
const FLUSH = 16;

// ---- Readings: packed, one type per kind; `show` reads the object at the type's cursor ------
const store = packed();
const TEMP = packType(store, { c: Float32Array, ms: Uint32Array }, {
  show: function () { return "temp " + this.c[this.i++].toFixed(1) + "C"; },
  /** Batch: the mean of this type's readings, over its column. */
  mean: function () { var t = 0, x; for (x of this.c.subarray(0, this.n)) t += x; return t / this.n; },
});
const PRESS = packType(store, { ms: Uint32Array, down: Uint8Array }, {
  show: function () { return this.down[this.i++] ? "button down" : "button up"; },
});
const ACCEL = packType(store, { x: Int16Array, y: Int16Array, z: Int16Array, ms: Uint32Array }, {
  show: function () { var j = this.i++; return "accel " + this.x[j] + "," + this.y[j] + "," + this.z[j] + " mg"; },
});

// ---- Drivers: one trait, a vtable per driver type ---------------------------------------------
const Driver = trait<{
  /** Reads or drives the hardware; may push a reading. */
  poll(self: object, ms: number): void;
  name(self: object): string;
}>()({ name: function () { return "driver"; } });

interface Thermistor { pin: Pin; beta: number; last: number }
const ThermistorVT = Driver.impl({
  poll: function (d: Thermistor, ms: number) {
    // 10k NTC in a divider: ratio → resistance → Kelvin by the beta equation.
    var ratio = HW ? analogRead(d.pin) : 0.5 + 0.05 * Math.sin(ms / 3000);
    var k = 1 / (1 / 298.15 + Math.log(ratio / (1 - ratio)) / d.beta);
    d.last = k - 273.15;
    packPush(store, TEMP, { c: d.last, ms: ms });
  },
  name: function () { return "thermistor"; },
});

interface Button { pin: Pin; down: number }
const ButtonVT = Driver.impl({
  poll: function (d: Button, ms: number) {
    var now = digitalRead(d.pin);
    if (now !== d.down) packPush(store, PRESS, { down: (d.down = now), ms: ms });
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
    packPush(store, ACCEL, { x: Math.round(80 * Math.sin(d.phase)), y: Math.round(60 * Math.cos(d.phase)), z: 1000, ms: ms });
  },
  name: function () { return "accel"; },
});

/** Pin `n` by name, for every board: D0–D2 (ESP32, nRF52, RP2040, Linux), else A0–A2 (Espruino Pico). */
function pin(n: number): Pin {
  return (global["D" + n] || global["A" + n]) as Pin;
}

const probe = make({ pin: pin(0), beta: 3950, last: 25 }, ThermistorVT);
const drivers = [
  probe,
  make({ pin: pin(1), down: 0 }, ButtonVT),
  make({ pin: pin(2), probe: probe, duty: 0 }, FanVT),
  make({ phase: 0 }, AccelVT),
];

/** Summarizes the buffered readings (a batch call, then the insertion-order loop), then empties the store. */
function flush(): void {
  var Y = store.Y, t, last = "";
  for (t of packOrder(store)) last = Y[t].show();
  print(store.n + " readings, mean temp " + TEMP.mean().toFixed(2) + "C, last: " + last);
  while (store.n) packPop(store);
}

function main(): void {
  var round = 0, t0 = getTime();
  print("drivers: " + drivers.map(function (d) { return d.v.name(d); }).join(", "));
  var id = setInterval(function () {
    var ms = Math.round((getTime() - t0) * 1000), d;
    for (d of drivers) d.v.poll(d, ms);
    if (store.n >= FLUSH) flush();
    if (++round === ROUNDS) {
      clearInterval(id);
      if (store.n) flush();
      print("fan duty " + (drivers[2] as Fan).duty.toFixed(2) + ", " + process.memory().usage + " JsVars used");
      print("DONE");
    }
  }, 50);
}

main();
