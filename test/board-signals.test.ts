/**
 * Ctrl-C and SIGTERM always stop a run: the first signal marks the file at once (before the board is
 * stopped), stops the program on the board, and ends the work with exit code 130 or 143.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadBoard } from "../scripts/boards/profile.ts";
import { withBoardConsole } from "../scripts/console/connect.ts";
import { UserError } from "../scripts/errors.ts";
import { FakeEspruinoServer } from "./support/fake-espruino-server.ts";

// SIGHUP: the terminal running the bench was closed.
for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
  test(`${signal}: marked at once, the board stopped, exit ${code}`, { timeout: 60000 }, async () => {
    const fake = await FakeEspruinoServer.start(() => {});
    try {
      const marks: string[] = [];
      let working!: () => void;
      const started = new Promise<void>((r) => (working = r));
      const run = withBoardConsole(
        loadBoard("esp32"),
        fake.url,
        async () => {
          working();
          return new Promise<never>(() => {}); // a board busy with a long style
        },
        (stopped) => `interrupted (board stopped: ${stopped})`,
        { onSignal: (s) => marks.push(s) },
      );
      await started;
      const before = fake.ctrlCs;
      process.emit(signal);
      assert.deepEqual(marks, [signal], "the file is marked before anything is sent to the board");
      await assert.rejects(run, (e: unknown) => e instanceof UserError && e.exitCode === code && /^interrupted \(board stopped: true\)$/.test(e.message));
      assert.ok(fake.ctrlCs > before, "Ctrl-C was sent to the board");
      assert.equal(process.listenerCount(signal), 0, "no handler left behind");
    } finally {
      await fake.close();
    }
  });
}
