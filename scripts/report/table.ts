/**
 * The results table: one row per style, one group of figure columns per run. Built once as a
 * model, rendered as plain text here and as HTML by the page.
 */
import type { BenchSummary } from "../bench/schema.ts";
import {
  FIGURE_COLUMNS, NOISE_MARK, NONE, RAM_NOTE, SHORT_COLUMNS, SHORT_COLUMNS_KEY,
  figureCells, runDetails, runLabels, runWarnings, styleLabel, styleOrder,
} from "./format.ts";
import { renderPicks } from "./picks.ts";
import { terminalLines } from "../terminal/text.ts";
import { capacityText, type Deduction } from "./capacity-section.ts";
import { sweepText } from "./sweep.ts";
import { styleById } from "./style-index.ts";
import { CAPACITY_STYLE_LIMIT, TABLE_STYLE_LIMIT, moreStylesLine } from "./table-limit.ts";

/** One run's part of a row: its figure cells, or the error that stopped the style. */
export type TableGroup = { cells: string[] } | { error: string };

/** The table, ready to render. */
export interface TableModel {
  /** One label per run, in order; the group headings. */
  runs: string[];
  /** One line per run describing it. */
  titles: string[];
  /** Figure columns repeated in each run's group. */
  columns: readonly string[];
  rows: { style: string; groups: TableGroup[] }[];
  /** Styles past the limit, not in {@link rows}. */
  leftOut: number;
  /** Whether any figure is marked as noisy (spread over 10% across runs). */
  anyNoise: boolean;
}

/**
 * Builds the table model; a style absent from a run shows {@link NONE} in every cell. Lists the
 * first `limit` styles in style order (Infinity for all) and counts the rest.
 */
export function tableModel(summaries: BenchSummary[], short = summaries.length > 1, limit = TABLE_STYLE_LIMIT): TableModel {
  const runs = runLabels(summaries);
  const columns = short ? SHORT_COLUMNS : FIGURE_COLUMNS;
  const order = styleOrder(summaries);
  const rows = order.slice(0, limit).map((id) => ({
    // Through the index: a find per row made a table of n styles cost n².
    style: styleLabel(summaries.map((s) => styleById(s, id)).find(Boolean), id),
    groups: summaries.map((summary): TableGroup => {
      const style = styleById(summary, id);
      if (!style) return { cells: columns.map(() => NONE) };
      return style.error !== null ? { error: `error: ${style.error}` } : { cells: figureCells(style, short) };
    }),
  }));
  return {
    runs,
    titles: summaries.map((s, i) => [`${runs[i]}: ${runDetails(s)}`, ...runWarnings(s).map((w) => `  ! ${w}`)].join("\n")),
    columns,
    rows,
    leftOut: Math.max(0, order.length - rows.length),
    anyNoise: summaries.some((s) => s.styles.some((style) => style.noisy.length > 0)),
  };
}

const GAP = "  ";
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Renders runs as a plain-text table for the terminal: title lines, then the table. With one
 * run the figures follow the style column; with several, runs sit side by side under their
 * label. Numbers are right-aligned, `—` means no figure, `~` marks a time within noise.
 * Lists the first styles and counts the rest (see table-limit.ts), or every one when `all`.
 * The capacity projection deducts `deduct`: "bench" in the bench's own table, a user's program, or nothing.
 */
export function renderTable(summaries: BenchSummary[], all = false, deduct: Deduction = undefined): string {
  return [...renderTableParts(summaries, all, deduct)].join("");
}

/** {@link renderTable}'s text in whole lines, each made when asked for: the table of thousands of runs is never one string. */
export function* renderTableParts(summaries: BenchSummary[], all = false, deduct: Deduction = undefined): Generator<string> {
  if (summaries.length === 0) {
    yield "no runs\n";
    return;
  }
  // Ids, board names and errors come from devices and files: no escape sequence reaches the terminal.
  const text = (lines: string) => terminalLines(lines) + "\n";
  const model = tableModel(summaries, undefined, all ? Infinity : TABLE_STYLE_LIMIT);
  const multi = model.runs.length > 1;
  const sep = multi ? " │ " : GAP;
  // Side by side, full headings would not fit a terminal; a key line explains the short ones.
  const columns = model.columns;
  const widths = model.runs.map(() => columns.map((c) => c.length));
  for (const row of model.rows) {
    row.groups.forEach((g, r) => {
      if ("cells" in g) g.cells.forEach((cell, i) => (widths[r][i] = Math.max(widths[r][i], cell.length)));
    });
  }
  const groupWidth = (r: number) => sum(widths[r]) + GAP.length * (widths[r].length - 1);
  // Text spanning a whole group (run label, error) widens the group's last column if needed.
  const fit = (r: number, text: string) => {
    widths[r][widths[r].length - 1] += Math.max(0, text.length - groupWidth(r));
  };
  for (const row of model.rows) row.groups.forEach((g, r) => "error" in g && fit(r, g.error));
  if (multi) model.runs.forEach((label, r) => fit(r, label));

  const styleWidth = model.rows.reduce((widest, row) => Math.max(widest, row.style.length), "style".length);
  const line = (first: string, groups: string[]) => [first.padEnd(styleWidth), ...groups].join(sep).trimEnd();
  const group = (g: TableGroup, r: number) =>
    "error" in g ? g.error.padEnd(groupWidth(r)) : g.cells.map((c, i) => c.padStart(widths[r][i])).join(GAP);

  for (const title of model.titles) yield text(title);
  yield text("");
  if (multi) yield text(line("", model.runs.map((label, r) => label.padEnd(groupWidth(r)))));
  const header = line("style", model.runs.map((_, r) => columns.map((c, i) => c.padStart(widths[r][i])).join(GAP)));
  yield text(header);
  yield text("─".repeat(header.length));
  for (const row of model.rows) yield text(line(row.style, row.groups.map(group)));
  if (model.leftOut > 0) yield text(moreStylesLine(model.leftOut));
  const notes = [multi ? SHORT_COLUMNS_KEY : RAM_NOTE, model.anyNoise ? `${NOISE_MARK} spread over 10% across runs` : ""];
  if (notes.some(Boolean)) for (const note of ["", ...notes.filter(Boolean)]) yield text(note);
  const capacity = capacityText(summaries, undefined, all ? Infinity : CAPACITY_STYLE_LIMIT, deduct);
  if (capacity) yield text(capacity);
  const sweep = sweepText(summaries);
  if (sweep) yield text(sweep);
  yield text("");
  for (let i = 0; i < summaries.length; i++) yield terminalLines(renderPicks(summaries[i])) + (i < summaries.length - 1 ? "\n\n" : "\n");
}
