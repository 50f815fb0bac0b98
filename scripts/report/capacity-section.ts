/**
 * Where the capacity projection meets the report: picks the run to project from (the first
 * Espruino run with board-sized JsVars) and renders it for the terminal and the HTML page.
 */
import { loadAllBoards, type BoardProfile } from "../boards/profile.ts";
import type { BenchSummary } from "../bench/schema.ts";
import { capacityRefusal, projectedStyles, renderCapacityTable, type CapacityRun, type ProgramDeduction } from "./capacity.ts";

/** What a capacity projection deducts: the bench program's own JsVars (the bench's own table), a user's program, or nothing. */
export type Deduction = "bench" | ProgramDeduction | undefined;
import { capacityChart } from "./chart-capacity.ts";
import { selectForChart } from "./chart-selection.ts";
import { escapeXml } from "./svg.ts";
import { CAPACITY_STYLE_LIMIT, moreStylesLine } from "./table-limit.ts";

/** Styles that keep their objects in typed arrays: they cost bytes, not JsVars (see capacity.ts). */
export const FLAT_STYLES: readonly string[] = ["thin.packed"];

/**
 * A summary as the projection's input: per-style JsVars per object, block size and board. With
 * `deduct` "bench" (the bench's own table), the bench program's JsVars (the board's free JsVars
 * after boot less those free when it started) are deducted; with a user's program (`report
 * --program`), its JsVars; else nothing.
 */
export function capacityRunOf(summary: BenchSummary, boards: readonly BoardProfile[] = [], deduct: Deduction = undefined): CapacityRun {
  const ran = boards.find((b) => b.id === summary.board);
  const freeAtStart = summary.blocksize && summary.freeBytes !== null ? Math.round(summary.freeBytes / summary.blocksize) : undefined;
  return {
    board: summary.board,
    // An unknown block size (no hello line) is no block size: the projection refuses the run.
    blocksize: summary.blocksize ?? 0,
    ...(deduct === "bench" && ran && freeAtStart !== undefined
      ? { program: { jsvars: Math.max(0, ran.freeAtBoot.jsvars - freeAtStart), whose: "the bench program's own" } }
      : typeof deduct === "object" ? { program: deduct } : {}),
    styles: summary.styles.map((s) => ({ id: s.id, varsPerObject: s.varsPerObject, objectsFit: s.objectsFit, flat: FLAT_STYLES.includes(s.id) })),
  };
}

/** The first run real Espruino made with 32-bit JsVars, if any (QuickJS and 64-bit Linux cannot project). */
export function projectableRun(summaries: readonly BenchSummary[], boards: readonly BoardProfile[] = [], deduct: Deduction = undefined): CapacityRun | undefined {
  return summaries.filter((s) => s.engine === "espruino").map((s) => capacityRunOf(s, boards, deduct)).find((r) => !capacityRefusal(r));
}

/**
 * The projection as text after the results table, or "" when no run can be projected. Its
 * columns are the first `limit` styles in the run's order (Infinity for all), then a line counting the rest.
 */
export function capacityText(
  summaries: readonly BenchSummary[],
  boards: readonly BoardProfile[] = loadAllBoards(),
  limit = CAPACITY_STYLE_LIMIT,
  deduct: Deduction = undefined,
): string {
  const run = projectableRun(summaries, boards, deduct);
  if (!run) return "";
  const styles = projectedStyles(run);
  const leftOut = Math.max(0, styles.length - limit);
  const table = renderCapacityTable({ ...run, styles: styles.slice(0, limit) }, boards);
  return `\n${table}${leftOut > 0 ? `${moreStylesLine(leftOut)}\n` : ""}`;
}

/**
 * The report page's capacity section (`#chart-capacity`), or "" when no run can be projected.
 * With more styles than a chart can show, the grid has those with the fewest and the most
 * JsVars per object (the most and the fewest objects on every board), and says how many it left out.
 */
export function capacityHtml(summaries: readonly BenchSummary[], boards: readonly BoardProfile[] = loadAllBoards(), program?: ProgramDeduction): string {
  const run = projectableRun(summaries, boards, program);
  if (!run) return "";
  const styles = projectedStyles(run);
  // A column per style: fewer fit a page than bars do.
  const selection = selectForChart(styles.length, [styles.map((s) => s.varsPerObject)], "lower", CAPACITY_STYLE_LIMIT);
  const drawn = { ...run, styles: selection.shown.map((i) => styles[i]) };
  return (
    `<section id="chart-capacity"><h2>Objects that fit on each board (projected)</h2>` +
    `<p>From the JsVars per object of the ${escapeXml(run.board)} run: each board profile's free JsVars after boot` +
    (program ? `, less ${escapeXml(program.whose)} ${program.jsvars.toLocaleString("en-US")}, divided by them. ` : `, divided by them, for an empty program (<code>thincall mem</code> maps yours; <code>report --program</code> deducts it). `) +
    `Projected, except the outlined cells, measured on the board that ran with the bench program loaded.</p>` +
    `<figure><figcaption>Objects of each style that fit on each board</figcaption>${capacityChart(drawn, boards, selection.leftOut)}</figure></section>`
  );
}
