/**
 * The results table: one row per style, one group of figure columns per run. Built once as a
 * model, rendered as plain text here and as HTML by the page.
 */
import type { BenchSummary } from "../bench/schema.ts";
import {
  FIGURE_COLUMNS, NOISE_MARK, NONE, SHORT_COLUMNS, SHORT_COLUMNS_KEY, VIRTUAL_LABEL,
  figureCells, runDetails, runLabels, styleOrder,
} from "./format.ts";
import { emuLabel } from "./emu-label.ts";

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
  /** Whether any time is marked as within noise. */
  anyNoise: boolean;
}

/** Builds the table model; a style absent from a run shows {@link NONE} in every cell. */
export function tableModel(summaries: BenchSummary[]): TableModel {
  const runs = runLabels(summaries);
  const rows = styleOrder(summaries).map((id) => ({
    style: id,
    groups: summaries.map((summary): TableGroup => {
      const style = summary.styles.find((s) => s.id === id);
      if (!style) return { cells: FIGURE_COLUMNS.map(() => NONE) };
      return style.error !== null ? { error: `error: ${style.error}` } : { cells: figureCells(style) };
    }),
  }));
  return {
    runs,
    titles: summaries.map((s, i) => `${runs[i]}: ${runDetails(s)}` + (s.engine === "quickjs" ? ` (${VIRTUAL_LABEL})` : "") + (emuLabel(s) ? ` (${emuLabel(s)})` : "")),
    columns: FIGURE_COLUMNS,
    rows,
    anyNoise: summaries.some((s) => s.styles.some((style) => style.withinNoise)),
  };
}

const GAP = "  ";
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Renders runs as a plain-text table for the terminal: title lines, then the table. With one
 * run the figures follow the style column; with several, runs sit side by side under their
 * label. Numbers are right-aligned, `—` means no figure, `~` marks a time within noise.
 */
export function renderTable(summaries: BenchSummary[]): string {
  if (summaries.length === 0) return "no runs\n";
  const model = tableModel(summaries);
  const multi = model.runs.length > 1;
  const sep = multi ? " │ " : GAP;
  // Side by side, full headings would not fit a terminal; a key line explains the short ones.
  const columns = multi ? SHORT_COLUMNS : model.columns;
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

  const styleWidth = Math.max("style".length, ...model.rows.map((row) => row.style.length));
  const line = (first: string, groups: string[]) => [first.padEnd(styleWidth), ...groups].join(sep).trimEnd();
  const group = (g: TableGroup, r: number) =>
    "error" in g ? g.error.padEnd(groupWidth(r)) : g.cells.map((c, i) => c.padStart(widths[r][i])).join(GAP);

  const out = [...model.titles, ""];
  if (multi) out.push(line("", model.runs.map((label, r) => label.padEnd(groupWidth(r)))));
  const header = line("style", model.runs.map((_, r) => columns.map((c, i) => c.padStart(widths[r][i])).join(GAP)));
  out.push(header, "─".repeat(header.length));
  for (const row of model.rows) out.push(line(row.style, row.groups.map(group)));
  const notes = [multi ? SHORT_COLUMNS_KEY : "", model.anyNoise ? `${NOISE_MARK} within the empty loop's noise` : ""];
  if (notes.some(Boolean)) out.push("", ...notes.filter(Boolean));
  return out.join("\n") + "\n";
}
