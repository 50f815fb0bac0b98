import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { loadBoard } from "../scripts/boards/profile.ts";
import { RunAbortedError, collectRun, startCollecting, uploadWhileCollecting } from "../scripts/bench/collect.ts";
import type { DeviceRecord } from "../scripts/bench/schema.ts";
import { ConsoleSession } from "../scripts/console/session.ts";
import { uploadProgram } from "../scripts/console/upload.ts";
import { FakeTransport } from "./support/fake-transport.ts";
import { syncAnswer, syncRequestNumber } from "../scripts/protocol/sync-token.ts";

/** The device's records of a real run on Espruino 2v29 for Linux (host line dropped). */
const RUN: DeviceRecord[] = readFileSync(new URL("./fixtures/console-linux-run.jsonl", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .map((l) => JSON.parse(l) as DeviceRecord | { t: "host" })
  .filter((r): r is DeviceRecord => r.t !== "host");

/** A record as the board prints it from a timer: clear the prompt, the line, a new prompt. */
const printed = (r: DeviceRecord) => `\r\x1b[J@tc2 ${JSON.stringify(r)}\r\n>`;

async function open(fake = new FakeTransport()): Promise<{ fake: FakeTransport; session: ConsoleSession }> {
  const session = new ConsoleSession(fake);
  await session.open();
  return { fake, session };
}

/** Whether a promise is still unsettled once pending I/O callbacks have run (no timers involved). */
async function pending(p: Promise<unknown>): Promise<boolean> {
  const still = Symbol("pending");
  const settled = p.then(() => undefined, () => undefined);
  return (await Promise.race([settled, new Promise((resolve) => setImmediate(() => resolve(still)))])) === still;
}

/** Checks a rejection is a RunAbortedError whose message matches and which carries `records`. */
function aborted(message: RegExp, records: DeviceRecord[]) {
  return (e: unknown) => {
    assert.ok(e instanceof RunAbortedError, `not a RunAbortedError: ${e}`);
    assert.match(e.message, message);
    assert.ok(!e.message.includes("\n"), "one line");
    assert.deepEqual(e.records, records);
    return true;
  };
}

test("the fixture is a whole run: hello, a result per style, end", () => {
  assert.equal(RUN[0]?.t, "hello");
  assert.equal(RUN.filter((r) => r.t === "result").length, (RUN[0] as { styles: number }).styles);
  assert.equal(RUN.at(-1)?.t, "end");
});

test("records go to onRecord in order, and the run ends at the end record", async () => {
  const { fake, session } = await open();
  const seen: DeviceRecord[] = [];
  const run = collectRun(session, { onRecord: (r) => seen.push(r) });
  for (const r of RUN.slice(0, -1)) fake.feed(printed(r));
  assert.ok(await pending(run), "no end yet");
  assert.deepEqual(seen, RUN.slice(0, -1), "each record is delivered as it arrives");
  fake.feed(printed(RUN.at(-1)!));
  assert.deepEqual(await run, RUN);
  assert.deepEqual(seen, RUN);
  fake.feed(printed(RUN[0]!));
  assert.equal(seen.length, RUN.length, "nothing after the end record");
});

test("noise between records is ignored, whatever the chunking", async () => {
  const noise = [
    '>print("@tc2 "+JSON.stringify({t:"end",r:"x",checksum:0,count:0}))\r\n=undefined\r\n>',
    "\x00\xff\xfe\x1b[0m garbage\r\n",
    '@tc2 {"t":"result","id":"js.cl\r\n', // cut by a glitch
    '@tc2 {"t":"result","r":"x","id":"js.class","run":"x","n":1}\r\n', // wrong types
    "OUT OF MEMORY\r\n", // not an uncaught error: the bench records a style's failure itself
    "Execution Interrupted\r\n",
    "TCSYNC7\r\n>",
  ];
  const text = RUN.map((r, i) => printed(r) + noise[i % noise.length]).join("");
  const { fake, session } = await open();
  const run = collectRun(session);
  for (let at = 0, size = 1; at < text.length; at += size, size = (size * 7) % 23 + 1) fake.feed(text.slice(at, at + size));
  assert.deepEqual(await run, RUN);
});

test("records arriving before finished() is called are kept (hello in the chunk of the last sync)", async () => {
  // The board starts the bench from a timer, so its hello can arrive with the upload's last sync.
  const fake = new FakeTransport((data, f) => {
    const sync = syncRequestNumber(data);
    if (sync === null) return;
    const last = f.written.some((w) => w.includes("start()"));
    f.feed(`${syncAnswer(sync)}\r\n>` + (last ? printed(RUN[0]!) + printed(RUN[1]!).slice(0, 20) : ""));
  });
  const { session } = await open(fake);
  const collector = startCollecting(session);
  await uploadProgram(session, "var x=1;\nstart();", { board: loadBoard("linux"), mode: "ram" });
  assert.deepEqual(collector.records, [RUN[0]]);
  const done = collector.finished();
  fake.feed(printed(RUN[1]!).slice(20));
  for (const r of RUN.slice(2)) fake.feed(printed(r));
  assert.deepEqual(await done, RUN);
});

test("a style's own 'Out of memory' result arriving during the upload does not fail the upload", async () => {
  const first = RUN.find((r) => r.t === "result") as Extract<DeviceRecord, { t: "result" }>;
  const oom: DeviceRecord = { t: "result", r: first.r, id: first.id, run: 0, n: first.n, error: "Out of memory" };
  const fake = new FakeTransport((data, f) => {
    const sync = syncRequestNumber(data);
    if (sync === null) return;
    const last = f.written.some((w) => w.includes("start()"));
    f.feed((last ? printed(RUN[0]!) + printed(RUN[1]!) + printed(oom) : "") + `${syncAnswer(sync)}\r\n>`);
  });
  const { session } = await open(fake);
  const collector = startCollecting(session);
  await uploadProgram(session, "var x=1;\nstart();", { board: loadBoard("esp32"), mode: "ram" });
  assert.deepEqual(collector.records, [RUN[0], RUN[1], oom]);
});

test("the program's own uncaught error in the chunk of the upload's last sync is the run's error, not a rejected upload", async () => {
  /** A board whose program prints two records and dies right after the last piece's sync. */
  const crashing = () =>
    open(
      new FakeTransport((data, f) => {
        const sync = syncRequestNumber(data);
        if (sync === null) return;
        const last = f.written.some((w) => w.includes("start()"));
        f.feed(`${syncAnswer(sync)}\r\n>` + (last ? printed(RUN[0]!) + printed(RUN[1]!) + "\r\x1b[JUncaught Error: boom\r\n>" : ""));
      }),
    );
  const upload = (session: ConsoleSession) => uploadProgram(session, "var x=1;\nstart();", { board: loadBoard("linux"), mode: "ram" });
  // The upload alone takes the error for a rejection: it cannot tell a running program's fault.
  const alone = await crashing();
  startCollecting(alone.session);
  await assert.rejects(upload(alone.session), /the board rejected the program: Uncaught Error: boom/);
  // With the collector's account, the run stopped with an error, and its records are kept.
  const { session } = await crashing();
  const collector = startCollecting(session);
  await uploadWhileCollecting(collector, upload(session));
  assert.equal(collector.stopped, "the program stopped with an error: Uncaught Error: boom");
  await assert.rejects(collector.finished(), aborted(/^the program stopped with an error: Uncaught Error: boom$/, RUN.slice(0, 2)));
});

test("an upload that fails before the program talks still fails as an upload", async () => {
  const fake = new FakeTransport((data, f) => {
    const sync = syncRequestNumber(data);
    if (sync !== null) f.feed(`${syncAnswer(sync)}\r\n>` + "Uncaught SyntaxError: Got ')'\r\n>");
  });
  const { session } = await open(fake);
  const collector = startCollecting(session);
  const upload = uploadProgram(session, "var x=1;\nstart();", { board: loadBoard("linux"), mode: "ram" });
  await assert.rejects(uploadWhileCollecting(collector, upload), /the board rejected the program: Uncaught SyntaxError/);
  assert.equal(collector.stopped, undefined);
});

test("a run that ended before finished() is called still resolves", async () => {
  const { fake, session } = await open();
  const collector = startCollecting(session);
  fake.feed(RUN.map(printed).join(""));
  assert.deepEqual(await collector.finished(), RUN);
});

test("a board that never says hello fails after the hello timeout", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { fake, session } = await open();
  const run = collectRun(session, { helloTimeoutMs: 30000, idleTimeoutMs: 5000 });
  fake.feed('>Uncaught ReferenceError: "start" is not defined\r\n    at REPL (:1:1)\r\n>');
  t.mock.timers.tick(29999);
  assert.ok(await pending(run), "an uncaught error before the run started does not end it");
  t.mock.timers.tick(1);
  await assert.rejects(
    run,
    aborted(/^no answer from the board within 30 s \(waiting for the bench to start\); it said: Uncaught ReferenceError: "start" is not defined$/, []),
  );
});

test("a board that goes quiet mid-run fails after the idle timeout, with the records so far", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const { fake, session } = await open();
  const run = collectRun(session, { helloTimeoutMs: 1000, idleTimeoutMs: 60000 });
  fake.feed(printed(RUN[0]!) + printed(RUN[1]!));
  t.mock.timers.tick(59999);
  fake.feed(printed(RUN[2]!)); // each record restarts the deadline
  t.mock.timers.tick(59999);
  assert.ok(await pending(run));
  fake.feed("=undefined\r\n>"); // noise does not count as life
  t.mock.timers.tick(1);
  await assert.rejects(run, aborted(/^no answer from the board within 60 s \(after 3 line\(s\)\)$/, RUN.slice(0, 3)));
});

test("losing the link mid-run rejects with 'lost the board' and keeps the records so far", async () => {
  const { fake, session } = await open();
  const run = collectRun(session);
  fake.feed(RUN.slice(0, 5).map(printed).join("") + printed(RUN[5]!).slice(0, 30));
  fake.lose("ECONNRESET");
  await assert.rejects(run, aborted(/^lost the board: ECONNRESET$/, RUN.slice(0, 5)));
});

test("an uncaught error after the run started aborts it with the error text", async () => {
  const { fake, session } = await open();
  const run = collectRun(session);
  fake.feed(printed(RUN[0]!) + printed(RUN[1]!));
  fake.feed('\r\x1b[JUncaught TypeError: Cannot read property "x" of undefined\r\n at line 1 col 9\r\n>');
  await assert.rejects(run, aborted(/^the program stopped with an error: Uncaught TypeError: Cannot read property "x" of undefined$/, RUN.slice(0, 2)));
});
