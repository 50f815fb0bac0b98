/** A board hosted beside the CLI (the emulator, the virtual board) that never gets ready holds nothing: a deadline, on fake timers. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { notStoppedNote } from "../scripts/console/connect.ts";
import { ConsoleSession } from "../scripts/console/session.ts";
import { UserError } from "../scripts/errors.ts";
import { HOSTED_READY_TIMEOUT_MS, HostedBoardTransport, type BoardHost, type HostedMessage } from "../scripts/transport/hosted-board.ts";
import { settledSoon } from "./support/settled.ts";

/** A board that loads forever (or says ready when told), and records being stopped. */
function silentBoard() {
  const listeners: Array<(m: HostedMessage) => void> = [];
  const exits: Array<(code: number | null) => void> = [];
  const board = {
    stops: 0,
    ready: () => listeners.forEach((l) => l({ type: "ready" })),
    host: {
      send() {},
      onMessage: (l) => listeners.push(l),
      onError() {},
      onExit: (l) => exits.push(l),
      stop: async () => {
        board.stops++;
        exits.forEach((l) => l(null));
      },
    } satisfies BoardHost,
  };
  return board;
}


test("a hosted board that never says ready ends at 30 s with one line, and is stopped", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const board = silentBoard();
  const transport = new HostedBoardTransport({ description: "emu", name: "emulator", loadErrorHint: "reinstall it", start: () => board.host });
  const opening = transport.open({ data() {}, close() {} });
  opening.catch(() => undefined);
  t.mock.timers.tick(HOSTED_READY_TIMEOUT_MS - 1);
  assert.equal(await settledSoon(opening), false, "still waiting just before the deadline");
  assert.equal(HOSTED_READY_TIMEOUT_MS, 30000);
  t.mock.timers.tick(1);
  await assert.rejects(opening, (e: unknown) => e instanceof UserError && e.message === "emulator did not start within 30 s (its files load forever?); reinstall it");
  assert.equal(board.stops, 1, "the board is ended");
});

test("a board ready in time is not stopped by the deadline later", async (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const board = silentBoard();
  const transport = new HostedBoardTransport({ description: "virtual", name: "virtual board", start: () => board.host });
  const opening = transport.open({ data() {}, close() {} });
  t.mock.timers.tick(29000);
  board.ready();
  await opening;
  t.mock.timers.tick(60000);
  assert.equal(board.stops, 0);
});

test("a hosted board that does not stop in time is said to be ended with its process, not to have a reset() queued", async () => {
  const board = silentBoard();
  const session = new ConsoleSession(new HostedBoardTransport({ description: "emu", name: "emulator", start: () => board.host }));
  const opened = session.open();
  board.ready();
  await opened;
  assert.equal(notStoppedNote(session), "the board did not answer in time, and was ended with its process");
});
