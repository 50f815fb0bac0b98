/**
 * How the report names runs and shows figures; shared by the terminal table and the HTML page
 * so both say the same thing.
 */
import { emuLabel } from "./emu-label.ts";
import { STYLE_IDS, styleKind, type BenchSummary, type StyleSummary } from "../bench/schema.ts";

/** Shown next to every run measured on the QuickJS virtual board. */
export const VIRTUAL_LABEL = "virtual board (QuickJS), not Espruino figures";

/** Shown for a missing figure. */
export const NONE = "—";

/** Warning on runs from flash on the Linux build, whose flash is a file read on every access. */
export const LINUX_FLASH_LABEL =
  "flash on the Linux build reads the flash file through system calls on every access: not representative of boards";

/** Problems a run's title lists; a file of unknown ids has one per style. */
export const PROBLEMS_SHOWN = 10;

/** The warnings a run carries in the table and the report; problems past {@link PROBLEMS_SHOWN} are counted, not listed. */
export function runWarnings(summary: BenchSummary): string[] {
  const out: string[] = [];
  if (summary.engine === "quickjs") out.push(VIRTUAL_LABEL);
  const emulated = emuLabel(summary);
  if (emulated) out.push(emulated);
  if (summary.board === "linux" && summary.mode === "flash") out.push(LINUX_FLASH_LABEL);
  if (summary.source === 1) out.push("schema /1 file: only its memory figures compare with /2 runs");
  if (!summary.complete) out.push("incomplete run");
  out.push(...summary.problems.slice(0, PROBLEMS_SHOWN).map((p) => `problem: ${p}`));
  const more = summary.problems.length - PROBLEMS_SHOWN;
  if (more > 0) out.push(`problem: … and ${grouped(more)} more problem${more === 1 ? "" : "s"}`);
  return out;
}

/**
 * A short, unique label per run: the board id and mode, plus the engine or a counter only when
 * two runs would otherwise look the same.
 */
export function runLabels(summaries: BenchSummary[]): string[] {
  const base = summaries.map((s) => `${s.board} (${s.mode})`);
  // Counted once, not filtered per run: labels for thousands of runs stay linear.
  const twice = repeated(base);
  const labels = base.map((label, i) => (twice.has(label) ? `${summaries[i].board} (${summaries[i].mode}, ${summaries[i].engine})` : label));
  const again = repeated(labels);
  return labels.map((label, i) => (again.has(label) ? `${label} #${i + 1}` : label));
}

/** The strings that occur more than once in `xs`. */
function repeated(xs: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const more = new Set<string>();
  for (const x of xs) (seen.has(x) ? more : seen).add(x);
  return more;
}

/** What a run was: engine, version, mode, core size, JsVar size, free memory. */
export function runDetails(summary: BenchSummary): string {
  const parts = [
    `${summary.engine} ${summary.version}`,
    `mode ${summary.mode}`,
    `core ${summary.coreBytes === null ? "unknown" : `${grouped(summary.coreBytes)} bytes`}`,
    `JsVar ${summary.blocksize === null ? "size unknown" : `${summary.blocksize} bytes`}`,
    `free ${summary.freeBytes === null ? "unknown" : `${grouped(summary.freeBytes)} bytes`}`,
    ...(summary.n !== null ? [`${summary.n} objects`] : []),
    `median of ${summary.runs} run${summary.runs === 1 ? "" : "s"}`,
    "µs are this machine's",
  ];
  return parts.join(", ");
}

/** Style ids present in any run: the bench order first, then unknown ids as they appear. */
export function styleOrder(summaries: BenchSummary[]): string[] {
  const seen = new Set<string>();
  for (const summary of summaries) for (const style of summary.styles) seen.add(style.id);
  const order: string[] = STYLE_IDS.filter((id) => seen.has(id));
  for (const id of seen) if (!BENCH_STYLES.has(id)) order.push(id);
  return order;
}

const BENCH_STYLES: ReadonlySet<string> = new Set(STYLE_IDS);

/** A number with at most `digits` decimals, trailing zeros dropped. */
export function trimmed(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

// One formatter for every call: toLocaleString sets one up per call, which shows on 100k cells.
const GROUPING = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** An integer with thousands separators. */
export function grouped(value: number): string {
  return GROUPING.format(Math.round(value));
}

/** Items joined by commas, the first `max` of them and then how many more. */
export function shortList(items: readonly string[], max = 10): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${grouped(items.length - max)} more`;
}

/** A figure column: its heading, its short heading, the spread key that flags it, and its cell. */
interface Column {
  heading: string;
  short?: string;
  spread?: string;
  cell: (s: StyleSummary) => number | null | undefined;
  format: (v: number) => string;
}

const ratio = (v: number) => v.toFixed(2) + "×";
const micros = (v: number) => v.toFixed(2);

/** Figure columns, ratios first: they hold across machines, µs do not. */
const COLUMNS: Column[] = [
  { heading: "×class for…of", short: "×cls of", spread: "vsClass.forOf", cell: (s) => s.vsClass.forOf, format: ratio },
  { heading: "×class index", short: "×cls idx", spread: "vsClass.index", cell: (s) => s.vsClass.index, format: ratio },
  { heading: "×class grow", short: "×cls grow", spread: "vsClass.grow", cell: (s) => s.vsClass.grow, format: ratio },
  { heading: "×baseline", cell: (s) => s.vsBaseline.forOf, format: ratio },
  { heading: "µs for…of", short: "µs of", spread: "forOfUs", cell: (s) => s.forOfUs ?? s.callUs, format: micros },
  { heading: "µs index", spread: "indexUs", cell: (s) => s.indexUs, format: micros },
  { heading: "µs build", spread: "buildUs", cell: (s) => s.buildUs, format: micros },
  { heading: "JsVars/object", cell: (s) => s.varsPerObject, format: (v) => trimmed(v, 2) },
  { heading: "bytes/object", short: "bytes", cell: (s) => s.bytesPerObject, format: (v) => trimmed(v, 1) },
  { heading: "fixed JsVars", cell: (s) => s.fixedVars, format: (v) => trimmed(v, 0) },
  { heading: "objects that fit", cell: (s) => s.objectsFit, format: grouped },
];

/** Column headings of the figures shown per style. */
export const FIGURE_COLUMNS = COLUMNS.map((c) => c.heading);

/** Compact headings for runs side by side: the ratios and bytes only. */
export const SHORT_COLUMNS = COLUMNS.filter((c) => c.short).map((c) => c.short!);

/** Explains {@link SHORT_COLUMNS}. */
export const SHORT_COLUMNS_KEY =
  "×cls = time over js.class's in the same loop shape and run (of: for…of, idx: index loop), µs of = µs per element in for…of, bytes = bytes/object (fixed costs excluded)";

/** Says what the RAM columns count: they leave the fixed cost out, which the picks' totals put back. */
export const RAM_NOTE =
  "JsVars/object and bytes/object are per object, fixed costs excluded; fixed JsVars are the empty container's, paid once (the picks give RAM in total at N too)";

/** Marks a figure whose spread over the runs is over 10%. */
export const NOISE_MARK = "±";

/** The cells of the columns for one style ({@link NONE} for missing figures); `short` for runs side by side. */
export function figureCells(style: StyleSummary, short = false): string[] {
  return COLUMNS.filter((c) => !short || c.short).map((c) => {
    const v = c.cell(style);
    if (v === null || v === undefined) return NONE;
    return c.format(v) + (c.spread && style.noisy.includes(c.spread) ? NOISE_MARK : "");
  });
}

/** A style's row label: its id, marked when it is not one object per item (a container) or hands the work to natives (a kernel). */
export function styleLabel(style: StyleSummary | undefined, id: string): string {
  const kind = styleKind(id, style?.batch)?.kind;
  return kind === "container" || kind === "kernel" ? `${id} (${kind})` : id;
}
