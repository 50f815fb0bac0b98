/**
 * The bench firmware on the virtual board: Ctrl-C mid-style stops the whole run. Ctrl-C leaves the
 * bench's queued timer alive, so without this the bench would go on, unwatched, printing into
 * whatever the host runs next.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { benchProgram, benchRunSettings } from "../scripts/bench/program.ts";
import { parseProtocolLine } from "../scripts/bench/records.ts";
import { loadBoard } from "../scripts/boards/profile.ts";
import { buildBundle, firmwareEntries } from "../scripts/bundle/build.ts";
import { cleanLine } from "../scripts/console/lines.ts";
import { ConsoleSession } from "../scripts/console/session.ts";
import { uploadProgram } from "../scripts/console/upload.ts";
import { createVirtualTransport } from "../scripts/transport/virtual.ts";

const board = loadBoard("virtual");
let session: ConsoleSession;

before(async () => {
  session = new ConsoleSession(await createVirtualTransport(board));
  await session.open();
});
after(() => session.close());

test("Ctrl-C during a style: that style is filed as interrupted, the run ends, no style starts after", async () => {
  const entry = firmwareEntries().find((e) => /[/\\]bench\.ts$/.test(e))!;
  const { code } = await buildBundle(entry, board);
  const run = benchRunSettings(board, { mode: "ram", runs: 3 });
  const records: { t: string; id?: string; error?: string }[] = [];
  session.onLine((line) => {
    const rec = parseProtocolLine(cleanLine(line));
    if (rec && rec.record.r === run.r) records.push(rec.record as (typeof records)[number]);
  });
  await uploadProgram(session, benchProgram(code, run), { board, mode: "ram" });
  // The third style is running: interrupt it.
  await session.waitForLine((l) => l.includes('"t":"progress"') && l.includes('"i":2'), 60000, "the third style");
  await session.send("\x03");
  await session.waitForLine((l) => l.includes('"t":"end"'), 60000, "the end line");
  await session.sync(5000);
  const interrupted = records.filter((r) => r.error === "interrupted");
  assert.equal(interrupted.length, 1, JSON.stringify(records.filter((r) => r.t !== "size")));
  const after = records.slice(records.indexOf(interrupted[0]) + 1);
  assert.deepEqual(after.map((r) => r.t), ["end"], "nothing runs after the interrupted style");
  assert.equal(records.filter((r) => r.t === "progress").length, 3);
});
