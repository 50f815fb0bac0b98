/** The collector and faults around it: a board reset mid-run, our own close, fake timers only. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { RunAbortedError, startCollecting } from "../scripts/bench/collect.ts";
import type { DeviceRecord } from "../scripts/bench/schema.ts";
import { ConsoleSession } from "../scripts/console/session.ts";
import { FakeTransport } from "./support/fake-transport.ts";

/** The device's records of a real run on Espruino 2v29 for Linux (host line dropped). */
const RUN = readFileSync(new URL("./fixtures/console-linux-run.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as DeviceRecord | { t: "host" })
  .filter((r): r is DeviceRecord => r.t !== "host");
const printed = (r: DeviceRecord) => `\r\x1b[J@tc2 ${JSON.stringify(r)}\r\n>`;
/** What Espruino prints after a reset (captured from 2v29 for Linux). */
const BANNER = " ____                 _ \r\n|  __|___ ___ ___ _ _|_|___ ___ \r\n|  __|_ -| . |  _| | | |   | . |\r\n|____|___|  _|_| |___|_|_|_|___|\r\n         |_| espruino.com\r\n 2v29 (c) 2026 G.Williams\r\n\r\n>";

async function open() {
  const fake = new FakeTransport();
  const session = new ConsoleSession(fake);
  await session.open();
  return { fake, session };
}

test("a reset mid-run is recognised by its banner at once, long before the idle deadline; every line is kept", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { fake, session } = await open();
  const kept: DeviceRecord[] = [];
  const collector = startCollecting(session, { idleTimeoutMs: 120000, onRecord: (r) => kept.push(r) });
  const done = collector.finished();
  for (const r of RUN.slice(0, 3)) fake.feed(printed(r));
  t.mock.timers.tick(1999);
  // The banner arrives in pieces, as over a UART.
  for (let i = 0; i < BANNER.length; i += 7) fake.feed(BANNER.slice(i, i + 7));
  await assert.rejects(done, (e: unknown) => {
    assert.ok(e instanceof RunAbortedError);
    assert.equal(e.message, "the board reset mid-run (its boot banner appeared after 3 line(s))");
    return true;
  });
  assert.deepEqual(kept, RUN.slice(0, 3));
});

test("the banner of the upload's own reset() (before any record) is not a fault", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { fake, session } = await open();
  const collector = startCollecting(session);
  fake.feed(BANNER);
  const done = collector.finished();
  for (const r of RUN) fake.feed(printed(r));
  assert.deepEqual(await done, RUN);
});

test("closing the console ends the collector and its deadline timer", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { fake, session } = await open();
  const collector = startCollecting(session, { idleTimeoutMs: 120000 });
  const done = collector.finished();
  fake.feed(printed(RUN[0]!));
  await session.close();
  await assert.rejects(done, /console was closed before the end of the run/);
  // No time passed: the close itself ended the wait (and cleared the 120 s timer with it).
});

test("an end line lost after every announced result ends the run at the end deadline, not the idle one; every line is kept", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { fake, session } = await open();
  const collector = startCollecting(session, { idleTimeoutMs: 120000, endTimeoutMs: 10000 });
  const done = collector.finished();
  let settled = false;
  done.catch(() => undefined).finally(() => (settled = true));
  const lastResult = RUN.map((r) => r.t).lastIndexOf("result");
  const beforeLast = RUN.slice(0, lastResult);
  // While a result is still due, a silence of the end deadline is no end: the idle deadline holds.
  for (const r of beforeLast) fake.feed(printed(r));
  t.mock.timers.tick(10000);
  await new Promise((r) => setImmediate(r));
  assert.equal(settled, false, "a result is still due");
  // The last result arrives and the end line never does (the lines after it, but the end, do).
  for (const r of RUN.slice(lastResult).filter((r) => r.t !== "end")) fake.feed(printed(r));
  t.mock.timers.tick(9999);
  await new Promise((r) => setImmediate(r));
  assert.equal(settled, false, "not before the end deadline");
  t.mock.timers.tick(1);
  const announced = RUN.filter((r) => r.t === "result").length;
  await assert.rejects(done, (e: unknown) => {
    assert.ok(e instanceof RunAbortedError);
    assert.equal(e.message, `no answer from the board within 10 s (every one of the ${announced} result(s) arrived, but not the end line)`);
    assert.equal(e.records.length, RUN.length - 1, "every line but the end is kept");
    return true;
  });
});
