/**
 * Collects lines a board prints as `bench` does, on a fake console: records kept, refused lines
 * filed as `invalid` records of run "r1", after the fixture's host line.
 */
import { startCollecting } from "../../scripts/bench/collect.ts";
import type { ResultsLine } from "../../scripts/bench/summary.ts";
import { ConsoleSession } from "../../scripts/console/session.ts";
import { FakeTransport } from "./fake-transport.ts";
import { runLines } from "./report-fixtures.ts";

/** Feeds each printed line as Espruino prints it (the prompt cleared before, a prompt after). */
export async function collectPrinted(printed: string[]): Promise<{ lines: ResultsLine[]; stopped: string | undefined }> {
  const fake = new FakeTransport();
  const session = new ConsoleSession(fake);
  await session.open();
  const lines: ResultsLine[] = [runLines()[0]];
  const collector = startCollecting(session, {
    runId: "r1",
    onRecord: (r) => lines.push(r),
    onRefused: (refused) => lines.push({ t: "invalid", r: "r1", ...refused }),
  });
  for (const p of printed) fake.feed(`\r\x1b[J${p}\r\n>`);
  const stopped = collector.stopped;
  await session.close();
  return { lines, stopped };
}
