/**
 * How the report names runs and shows figures; shared by the terminal table and the HTML page
 * so both say the same thing.
 */
import { STYLE_IDS, type BenchSummary, type StyleSummary } from "../bench/schema.ts";

/** Shown next to every run measured on the QuickJS virtual board. */
export const VIRTUAL_LABEL = "virtual board (QuickJS), not Espruino figures";

/** Shown for a missing figure. */
export const NONE = "—";

/** Prefix of a time within the empty loop's noise. */
export const NOISE_MARK = "~";

/** Id of the baseline style: a plain local call, not a dispatch choice. */
export const FLOOR_ID = "floor.local-call";

/**
 * A short, unique label per run: the board id and mode, plus the engine or a counter only when
 * two runs would otherwise look the same.
 */
export function runLabels(summaries: BenchSummary[]): string[] {
  const base = summaries.map((s) => `${s.board} (${s.mode})`);
  const labels = base.map((label, i) =>
    base.filter((b) => b === label).length > 1 ? `${summaries[i].board} (${summaries[i].mode}, ${summaries[i].engine})` : label,
  );
  return labels.map((label, i) => (labels.filter((l) => l === label).length > 1 ? `${label} #${i + 1}` : label));
}

/** What a run was: engine, version, mode, core size, JsVar size, free memory. */
export function runDetails(summary: BenchSummary): string {
  const parts = [
    `${summary.engine} ${summary.version}`,
    `mode ${summary.mode}`,
    `core ${grouped(summary.coreBytes)} bytes`,
    `JsVar ${summary.blocksize} bytes`,
    `free ${grouped(summary.freeBytes)} bytes`,
  ];
  return parts.join(", ");
}

/** Style ids present in any run: the bench order first, then unknown ids as they appear. */
export function styleOrder(summaries: BenchSummary[]): string[] {
  const seen = new Set(summaries.flatMap((s) => s.styles.map((style) => style.id)));
  const known: string[] = STYLE_IDS.filter((id) => seen.has(id));
  return [...known, ...[...seen].filter((id) => !known.includes(id))];
}

/** A number with at most `digits` decimals, trailing zeros dropped. */
export function trimmed(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/** An integer with thousands separators. */
export function grouped(value: number): string {
  return Math.round(value).toLocaleString("en-US");
}

/** Column headings of the figures shown per style. */
export const FIGURE_COLUMNS = ["µs/call", "× floor", "JsVars/object", "bytes/object", "objects that fit"] as const;

/** Compact headings for runs side by side in a terminal, same order as {@link FIGURE_COLUMNS}. */
export const SHORT_COLUMNS = ["µs/call", "×floor", "vars", "bytes", "fit"] as const;

/** Explains {@link SHORT_COLUMNS}. */
export const SHORT_COLUMNS_KEY = "vars = JsVars/object, bytes = bytes/object, fit = objects that fit in free memory";

/** The cells of {@link FIGURE_COLUMNS} for one style; {@link NONE} for nulls. */
export function figureCells(style: StyleSummary): string[] {
  const show = (v: number | null, f: (n: number) => string) => (v === null ? NONE : f(v));
  const mark = style.withinNoise ? NOISE_MARK : "";
  return [
    show(style.callUs, (v) => mark + v.toFixed(2)),
    show(style.callRatio, (v) => v.toFixed(2)),
    show(style.varsPerObject, (v) => trimmed(v, 2)),
    show(style.bytesPerObject, (v) => trimmed(v, 1)),
    show(style.objectsFit, grouped),
  ];
}
