import { writeFileSync } from "node:fs";
import { budgetNote, resolveRunTarget } from "../boards/budget.ts";
import { loadAllBoards } from "../boards/profile.ts";
import { describePort, withBoardConsole } from "../console/connect.ts";
import { cleanLine, parseFault } from "../console/lines.ts";
import { reserveFreeJsVars } from "../console/reserve.ts";
import type { ConsoleSession } from "../console/session.ts";
import { uploadProgram } from "../console/upload.ts";
import { UserError } from "../errors.ts";
import { addProbeLine, memMapOf, newProbeLines, type ProbeLines } from "../mem/map.ts";
import { baselinePrelude, probeBefore, probeLine } from "../mem/probe.ts";
import { isSyncAnswer } from "../protocol/sync-token.ts";
import { memJson, renderMemHtml, renderMemTable, type MemReport } from "../report/mem-report.ts";
import { grouped } from "../report/format.ts";
import { terminalText } from "../terminal/text.ts";
import { userProgramCode } from "./user-program.ts";

/** Options of `thincall mem`. */
export interface MemOptions {
  /** A `.ts` entry (built through the pipeline) or a `.js` bundle (checked), as `flash` takes. */
  file: string;
  board?: string;
  port?: string;
  /** @default the board's default (ram) */
  to?: "ram" | "flash";
  /** Seconds the program runs before the map. @default 2 */
  afterS?: number;
  /** E.getSizeOf's depth for the globals: 1 each global, 2 their members too. @default 1 */
  depth?: number;
  /** Fewest items of one class or shape that make a group. @default 8 */
  minCount?: number;
  json?: boolean;
  /** Also write an HTML page with charts to this file. */
  html?: string;
  /** List every global, not the first 40. @default false */
  all?: boolean;
  /** Deadline for each round trip, ms. @default $THINCALL_REPLY_TIMEOUT_MS, else 10000 */
  replyTimeoutMs?: number;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

/** Deadline for the probe's answer: it walks every global, slowly on a board. */
const PROBE_TIMEOUT_MS = 120000;

/** Uploads a program, lets it run, and maps where its RAM went. */
export async function runMem(options: MemOptions): Promise<MemReport> {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const replyTimeoutMs = options.replyTimeoutMs ?? (Number(process.env.THINCALL_REPLY_TIMEOUT_MS) || 10000);
  const afterS = options.afterS ?? 2;
  const depth = options.depth ?? 1;
  const { board, budget } = resolveRunTarget(options.board, options.port);
  const mode = options.to ?? board.flash.default;
  if (mode === "flash" && !board.flash.storage) throw new UserError(`${board.id} has no Storage; use --to ram`);
  if (budget) err.write(`${budgetNote(board, budget)}\n`);
  const code = await userProgramCode(options.file, budget ?? board);
  const probe: ProbeLines = newProbeLines();
  const map = await withBoardConsole(board, options.port, async (session, spec) => {
    let fault: string | undefined;
    session.onLine((line) => {
      const text = cleanLine(line);
      if (addProbeLine(probe, text) || isSyncAnswer(text)) return;
      // The program's own output goes to stderr, so --json's stdout stays JSON.
      if (text) err.write(`${terminalText(text)}\n`);
      const f = parseFault(line);
      if (f && fault === undefined) fault = f.text;
    });
    let sent = 0;
    try {
      await uploadProgram(session, code, {
        board,
        mode,
        prelude: (budget ? reserveFreeJsVars(budget.freeAtBoot.jsvars) : "") + baselinePrelude(),
        timeoutMs: replyTimeoutMs,
        onProgress: (s) => (sent = s),
      });
    } catch (e) {
      if (!(e instanceof UserError) || session.lost) throw e;
      throw new UserError(`${e.message}; no map: it failed in the piece after byte ${grouped(sent)} of ${grouped(code.length)}${await reached(session, probe, replyTimeoutMs)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, afterS * 1000));
    await session.send(`\x10${probeBefore()}\n`);
    await session.sync(replyTimeoutMs, "memory totals");
    if (fault) err.write(`thincall: the program reported: ${terminalText(fault)}\n`);
    await session.send(`\x10${probeLine(depth, options.minCount ?? 8)}\n`);
    try {
      await session.sync(PROBE_TIMEOUT_MS, "the RAM map");
    } catch (e) {
      throw new UserError(`${(e as Error).message}; ${memMapOf(probe) as string}`);
    }
    const result = memMapOf(probe);
    if (typeof result === "string") {
      const usage = probe.pre ? `; used ${grouped(probe.pre.usage ?? 0)} of ${grouped(probe.pre.total ?? 0)} JsVars before the probe` : "";
      throw new UserError(`no RAM map: ${result}${fault ? ` (${fault})` : ""}${usage}`);
    }
    return { map: result, port: describePort(spec) };
  });
  const report: MemReport = {
    schema: "thincall.mem/1",
    file: options.file,
    board: board.id,
    ...(budget ? { budget: budget.id } : {}),
    engine: board.console.kind === "virtual" ? "quickjs" : "espruino",
    command: `thincall mem ${options.file} --board ${budget?.id ?? board.id} --port ${map.port} --to ${mode} --after ${afterS} --depth ${depth}`,
    afterS,
    map: map.map,
  };
  const boards = loadAllBoards();
  if (options.html) writeFileSync(options.html, renderMemHtml(report, boards));
  out.write(options.json ? JSON.stringify(memJson(report), null, 2) + "\n" : renderMemTable(report, boards, options.all));
  if (options.html) err.write(`RAM map page: ${options.html}\n`);
  return report;
}

/** After a failed upload: the board's totals at that point, as a clause, if it still answers. */
async function reached(session: ConsoleSession, probe: ProbeLines, timeoutMs: number): Promise<string> {
  try {
    await session.send(`\x10${probeBefore()}\n`);
    await session.sync(timeoutMs, "memory totals");
  } catch {
    return "; the board did not answer after it";
  }
  const pre = probe.pre;
  return pre ? `; then ${grouped(pre.usage ?? 0)} of ${grouped(pre.total ?? 0)} JsVars used, ${grouped(pre.free ?? 0)} free` : "; the board had no memory left to report its totals";
}
