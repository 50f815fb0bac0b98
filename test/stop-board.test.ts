/**
 * Stopping what a board still runs, before an upload and on Ctrl-C, against a model of the Linux
 * build's measured Ctrl-C behaviour (FakeEspruino) and a plain board. Deadlines run on fake timers.
 */
import assert from "node:assert/strict";
import { test, type TestContext } from "node:test";
import { loadBoard } from "../scripts/boards/profile.ts";
import { stopProgram } from "../scripts/console/connect.ts";
import { ConsoleSession } from "../scripts/console/session.ts";
import { stopBoard } from "../scripts/console/stop-board.ts";
import { syncAnswer, syncRequestNumber } from "../scripts/protocol/sync-token.ts";
import { UserError } from "../scripts/errors.ts";
import { FakeTransport } from "./support/fake-transport.ts";
import { FakeEspruino } from "./support/fake-espruino.ts";

const linux = loadBoard("linux");

/** Fake clock for both the timers and the fake interpreter's 5 s window. */
function clock(t: TestContext) {
  t.mock.timers.enable({ apis: ["setTimeout", "Date"], now: 1_000_000 });
  return {
    now: () => Date.now(),
    /** Lets promises settle, then moves time on, until `p` settles or `maxMs` passed. */
    async run<T>(p: Promise<T>, maxMs = 60000, stepMs = 100): Promise<T> {
      let settled = false;
      const watched = p.finally(() => (settled = true));
      watched.catch(() => undefined);
      for (let ms = 0; !settled && ms <= maxMs; ms += stepMs) {
        for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
        if (!settled) t.mock.timers.tick(stepMs);
      }
      return watched;
    },
  };
}

async function sessionOn(fake: FakeEspruino | FakeTransport) {
  const session = new ConsoleSession(fake instanceof FakeTransport ? fake : fake.transport);
  await session.open();
  return session;
}

test("an idle Linux interpreter gets no Ctrl-C at all", async (t) => {
  const c = clock(t);
  const board = new FakeEspruino({ kind: "linux-pty", now: c.now });
  const session = await sessionOn(board);
  await c.run(stopBoard(session, linux));
  assert.equal(board.ctrlCs, 0);
  assert.ok(!board.exited);
});

test("a busy Linux interpreter behind a pty: Ctrl-C, the debugger's Ctrl-C, and it answers, still alive", async (t) => {
  const c = clock(t);
  const board = new FakeEspruino({ kind: "linux-pty", now: c.now });
  board.runForever();
  const session = await sessionOn(board);
  await c.run(stopBoard(session, linux));
  assert.equal(board.ctrlCs, 2);
  assert.ok(!board.exited && !board.busy && !board.inDebugger);
  // Stopping it again right away (Ctrl-C on the host, then a new bench) sends nothing more.
  await c.run(stopProgram(session, linux));
  assert.equal(board.ctrlCs, 2);
  assert.ok(!board.exited);
});

test("a busy Linux interpreter behind telnet cannot be stopped: one clear line, and one Ctrl-C only", async (t) => {
  const c = clock(t);
  const board = new FakeEspruino({ kind: "linux-telnet", now: c.now });
  board.runForever();
  const session = await sessionOn(board);
  const failed = c.run(stopBoard(session, linux, { timeoutMs: 3000 }));
  await assert.rejects(failed, (e: unknown) => e instanceof UserError && /busy and did not stop on Ctrl-C within 3 s .*telnet console.*restart the interpreter/.test(e.message));
  assert.ok(!board.exited);
  assert.equal(board.transport.written.join("").split("\x03").length - 1, 1, "one Ctrl-C written");
});

test("a plain board gets Ctrl-C, then a sync", async (t) => {
  const c = clock(t);
  const fake = new FakeTransport((data, f) => {
    const n = syncRequestNumber(data);
    if (n !== null) f.feed(`${syncAnswer(n)}\r\n>`);
  });
  const session = await sessionOn(fake);
  await c.run(stopBoard(session, loadBoard("esp32")));
  assert.equal(fake.written[0], "\x03");
});

test("stopProgram resets the board after stopping it (its timers end)", async (t) => {
  const c = clock(t);
  const board = new FakeEspruino({ kind: "linux-pty", now: c.now });
  board.runForever();
  const session = await sessionOn(board);
  assert.equal(await c.run(stopProgram(session, linux)), true);
  assert.ok(board.transport.written.includes("\x10reset();\n"));
});

test("stopProgram on a lost board says it did not answer", async (t) => {
  const c = clock(t);
  const board = new FakeEspruino({ kind: "linux-pty", now: c.now });
  const session = await sessionOn(board);
  board.transport.lose();
  assert.equal(await c.run(stopProgram(session, linux)), false);
});

test("a busy board is interrupted by one Ctrl-C, then answers the sync", async (t) => {
  const c = clock(t);
  const board = new FakeEspruino({ kind: "board", now: c.now });
  board.runForever();
  const session = await sessionOn(board);
  await c.run(stopBoard(session, loadBoard("esp32")));
  assert.equal(board.ctrlCs, 1);
  assert.ok(!board.busy && !board.exited);
  assert.equal(board.syncs, 1);
});
