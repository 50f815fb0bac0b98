/**
 * The HTML report: one self-contained page (inline CSS and SVG, no script, no external URL)
 * with the runs, the results table and three charts.
 */
import { capacityHtml } from "./capacity-section.ts";
import type { ProgramDeduction } from "./capacity.ts";
import type { BenchSummary, StyleSummary } from "../bench/schema.ts";
import { barChartParts, type BarSeries } from "./chart-bars.ts";
import { paretoChart, paretoMissing } from "./chart-pareto.ts";
import { CHART_STYLE_LIMIT, leftOutText, selectForChart, type Better } from "./chart-selection.ts";
import { NOISE_MARK, RAM_NOTE, SHORT_COLUMNS_KEY, grouped, runDetails, runLabels, runWarnings, shortList, styleOrder } from "./format.ts";
import { picksHtmlParts } from "./picks.ts";
import { sweepHtml } from "./sweep.ts";
import { styleById } from "./style-index.ts";
import { escapeXml } from "./svg.ts";
import { tableModel } from "./table.ts";
import { TABLE_STYLE_LIMIT, moreStylesLine } from "./table-limit.ts";

export { paretoFrontier } from "./pareto.ts";

/** One colour per run, distinguishable in print and for common colour blindness. */
const RUN_COLORS = ["#2563eb", "#d97706", "#059669", "#9333ea", "#dc2626", "#0891b2"];

/**
 * Colours are variables, light by default and dark where the reader's system asks for it
 * (prefers-color-scheme); text keeps at least 4.5:1 against its background in both.
 */
export const REPORT_CSS = `
:root{color-scheme:light dark;--bg:#ffffff;--panel:#f8fafc;--text:#1f2937;--muted:#4b5563;--line:#e5e7eb;--grid:#eef0f3;--axis:#6b7280;
--accent:#1d4ed8;--frontier:#c2410c;--frontier-text:#9a3412;--dot:#64748b;--warn-bg:#fef3c7;--warn:#92400e;--error:#b91c1c;--halo:#ffffff}
@media (prefers-color-scheme:dark){:root{--bg:#0f172a;--panel:#1e293b;--text:#e5e7eb;--muted:#a8b3c4;--line:#334155;--grid:#1f2a3d;--axis:#94a3b8;
--accent:#93c5fd;--frontier:#fb923c;--frontier-text:#fdba74;--dot:#94a3b8;--warn-bg:#422006;--warn:#fcd34d;--error:#fca5a5;--halo:#0f172a}}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--text);background:var(--bg);max-width:1248px;margin:24px auto;padding:0 12px}
a{color:var(--accent)}h1{font-size:22px;margin:0 0 8px}h2{font-size:17px;margin:32px 0 4px}h3{font-size:15px;margin:12px 0 4px}
.runs{padding-left:18px}.warn{display:block;color:var(--warn);font-size:12px}.virtual{background:var(--warn-bg);color:var(--warn);padding:1px 6px;border-radius:4px;font-size:12px;white-space:nowrap}
#picks{background:var(--panel);border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:8px;padding:4px 16px 8px;margin:16px 0}
#picks h2{margin-top:10px}ul.picks{margin:4px 0;padding-left:20px}ul.picks li{margin:2px 0}
table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:13px}
.table-wrap{overflow-x:auto}th,td{padding:3px 4px;border-bottom:1px solid var(--line);white-space:nowrap}th{text-align:right;font-weight:600}th.style,td.style{text-align:left}
tbody tr:hover{background:var(--panel)}
th.run{text-align:center;border-left:2px solid var(--axis)}td.first,th.first{border-left:2px solid var(--line)}
td.num{text-align:right}td.error{color:var(--error)}.style{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
figure{margin:12px 0 20px}figcaption{font-weight:600;margin-bottom:4px}figcaption .sub{display:block;font-weight:400;color:var(--muted);font-size:13px}
svg{display:block;max-width:100%;height:auto}svg text{font-size:11px;fill:var(--text)}
svg .mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace}
.grid{stroke:var(--grid)}.axis-line,.zero{stroke:var(--axis)}svg .axis-label{font-size:12px;fill:var(--text);font-weight:600}
.point circle,.dot{fill:var(--dot);stroke:var(--bg)}.point.frontier circle,.frontier-dot{fill:var(--frontier);stroke:var(--frontier-text)}
svg .point.frontier text{font-weight:700;fill:var(--frontier-text)}.frontier-line{fill:none;stroke:var(--frontier);stroke-width:2}
.floor line,.floor-line{stroke:var(--axis);stroke-dasharray:4 3}svg .floor text{fill:var(--muted)}.leader{stroke:var(--line)}
svg .value{font-size:10px;fill:var(--muted)}svg .missing{fill:var(--muted)}.note{color:var(--muted);font-size:13px}
svg .left-out{font-style:italic;fill:var(--muted)}td.left-out{color:var(--muted);font-style:italic}
.density{fill:var(--dot)}svg.dense .point text{paint-order:stroke;stroke:var(--halo);stroke-width:3px}
`;

const describe = (s: StyleSummary) => `${s.id} (${s.error ?? "no figure"})`;

/** A note naming what a chart left out for want of a figure, per run (the first ten); empty when nothing is missing. */
function missingNote(runs: string[], missing: string[][]): string {
  const parts = runs.flatMap((run, i) => (missing[i].length ? [`${run}: ${shortList(missing[i])}`] : []));
  return parts.length ? `<p class="note">Not shown, no figure — ${escapeXml(parts.join("; "))}.</p>` : "";
}

/** A run's warnings (virtual board, Linux flash, problems), each on its own line. */
const warnings = (s: BenchSummary) => runWarnings(s).map((w) => `<span class="warn virtual">${escapeXml(w)}</span>`).join("");

function* header(summaries: BenchSummary[], runs: string[]): Generator<string> {
  yield `<header><h1>thincall bench report</h1><ul class="runs">`;
  for (let i = 0; i < summaries.length; i++) yield `<li><strong>${escapeXml(runs[i])}</strong>: ${escapeXml(runDetails(summaries[i]))}${warnings(summaries[i])}</li>`;
  yield `</ul></header>`;
}

function* table(summaries: BenchSummary[], limit: number): Generator<string> {
  const model = tableModel(summaries, undefined, limit);
  const span = model.columns.length;
  const multi = model.runs.length > 1;
  // Wide tables (many runs) scroll sideways rather than wrap style ids.
  yield `<h2>Results</h2><div class="table-wrap"><table id="results"><thead>`;
  // One heading per run: with thousands of runs, each made when asked for.
  if (multi) {
    yield `<tr><th class="style" rowspan="2">style</th>`;
    for (const r of model.runs) yield `<th class="run" colspan="${span}">${escapeXml(r)}</th>`;
    yield "</tr>";
  }
  yield `<tr>${multi ? "" : `<th class="style">style</th>`}`;
  const columns = model.columns.map((c, i) => `<th${i === 0 ? ` class="first"` : ""}>${escapeXml(c)}</th>`).join("");
  for (let r = 0; r < model.runs.length; r++) yield columns;
  yield `</tr></thead><tbody>`;
  for (const row of model.rows) {
    yield `<tr><td class="style">${escapeXml(row.style)}</td>`;
    for (const g of row.groups) {
      yield "error" in g
        ? `<td class="error first" colspan="${span}">${escapeXml(g.error)}</td>`
        : g.cells.map((c, i) => `<td class="num${i === 0 ? " first" : ""}">${escapeXml(c)}</td>`).join("");
    }
    yield `</tr>`;
  }
  if (model.leftOut > 0) {
    yield `<tr><td class="left-out" colspan="${1 + span * model.runs.length}">${escapeXml(moreStylesLine(model.leftOut))}</td></tr>`;
  }
  const notes = [
    "Ratios lead: time over js.class's in the same loop shape and run, median of the runs. µs are this machine's.",
    ...(multi ? [SHORT_COLUMNS_KEY] : [RAM_NOTE]),
    ...(model.anyNoise ? [`${NOISE_MARK} spread over 10% across runs.`] : []),
  ];
  yield `</tbody></table></div>${notes.map((n) => `<p class="note">${escapeXml(n)}</p>`).join("")}`;
}

function figure(summary: BenchSummary, run: string, svg: string): string {
  return `<figure data-run="${escapeXml(run)}"><figcaption>Time against memory: ${escapeXml(run)}${warnings(summary)}</figcaption>${svg}</figure>`;
}

/** A figure's caption: what the chart shows, and a line on how to read it. */
function caption2(title: string, sub: string): string {
  return `<figcaption>${escapeXml(title)}<span class="sub">${escapeXml(sub)}</span></figcaption>`;
}

function* paretoSection(summaries: BenchSummary[], runs: string[]): Generator<string> {
  yield `<section id="chart-pareto"><h2>Time against memory</h2>` +
    `<p>One point per style. Highlighted points are the Pareto frontier: no other style is both as fast and as small. ` +
    `Time is in each style's fast loop, over js.class's; the charts of several runs share their axes. ` +
    `The dashed line is the baseline: the same work inline, with no call.</p>`;
  for (let i = 0; i < summaries.length; i++) yield figure(summaries[i], runs[i], paretoChart(summaries[i], runs[i], summaries));
  yield `${missingNote(runs, summaries.map((s) => paretoMissing(s).map(describe)))}</section>`;
}

/** A bar chart's categories and series, narrowed to what it draws (see chart-selection.ts). */
interface ChartData {
  categories: string[];
  series: BarSeries[];
  leftOut?: { at: number; text: string };
}

/** Each run's styles lined up with the report's style order (undefined where a run lacks one): looked up once for all charts. */
interface Aligned {
  order: readonly string[];
  styles: (StyleSummary | undefined)[][];
}

const align = (summaries: BenchSummary[], order: readonly string[]): Aligned => ({
  order,
  styles: summaries.map((s) => order.map((id) => styleById(s, id))),
});

/**
 * One series per run over every style in the report's order, then the best and the worst
 * when there are more styles than a chart can show.
 */
function chartData(aligned: Aligned, runs: string[], key: string, figure: (s: StyleSummary) => number | null, better: Better): ChartData {
  const values = aligned.styles.map((styles) => styles.map((style) => (style ? figure(style) : null)));
  const selection = selectForChart(aligned.order.length, values, better);
  return {
    categories: selection.shown.map((i) => aligned.order[i]),
    series: runs.map((run, r) => ({
      label: run,
      run,
      key,
      color: RUN_COLORS[r % RUN_COLORS.length],
      values: selection.shown.map((i) => values[r][i]),
    })),
    leftOut: selection.leftOut && { at: selection.leftOut.at, text: leftOutText(selection.leftOut) },
  };
}

/** Said under a section's heading when its charts left styles out. */
function leftOutNote(data: ChartData[], runs: string[]): string {
  if (!data.some((d) => d.leftOut)) return "";
  const by = runs.length > 1 ? " by their mean over the runs" : "";
  return `<p class="note">With more than ${CHART_STYLE_LIMIT} styles, a chart shows the ${CHART_STYLE_LIMIT / 2} best and the ${CHART_STYLE_LIMIT / 2} worst${by}, and says how many it left out; the results table keeps the style order.</p>`;
}

function* fitSection(summaries: BenchSummary[], runs: string[], aligned: Aligned): Generator<string> {
  const data = chartData(aligned, runs, "objectsFit", (s) => s.objectsFit, "higher");
  const caption = caption2("Objects that fit in free memory, per style", "How many objects of each style the free memory at start holds; longer bars are better.");
  yield `<section id="chart-fit"><h2>Objects that fit</h2>${leftOutNote([data], runs)}<figure>${caption}`;
  yield* barChartParts({
    attrs: `class="fit"`,
    title: "Objects that fit in free memory, per style",
    ...data,
    axisLabel: "objects that fit in the free memory at start (higher is better)",
    format: grouped,
  });
  const missing = summaries.map((s) => s.styles.filter((style) => style.objectsFit === null).map(describe));
  yield `</figure>${missingNote(runs, missing)}</section>`;
}

/** The loop-shape section in three pieces (its text, then each chart), each made when asked for. */
function* shapesSection(runs: string[], aligned: Aligned): Generator<string> {
  const data = (shape: "forOf" | "index") => chartData(aligned, runs, shape, (s) => s.vsClass[shape], "lower");
  const forOf = data("forOf");
  const index = data("index");
  const chart = (shape: "forOf" | "index", shapeData: ChartData, title: string, loop: string) =>
    barChartParts({
      attrs: `class="shapes" data-shape="${shape}"`,
      title,
      ...shapeData,
      axisLabel: `time over js.class's in the ${loop}, same run (lower is better)`,
      format: (v) => v.toFixed(2),
    });
  yield `<section id="chart-shapes"><h2>Loop shapes</h2>` +
    `<p>On Espruino an Array is a linked list: an index loop walks it for every element, a <code>for…of</code> does not. ` +
    `Both charts share one axis per loop shape across runs.</p>${leftOutNote([forOf, index], runs)}`;
  yield `<figure>${caption2("for…of loop: for (o of xs) s += o.area()", "Each style's fast loop: the element comes straight from the list. Shorter bars are faster.")}`;
  yield* chart("forOf", forOf, "for…of loop (each style's fast loop)", "for…of loop");
  yield `</figure><figure>${caption2("index loop: for (i = 0; i < n; i++) s += xs[i].area()", "xs[i] walks the list from its start for every element, so every style is slower here than in for…of.")}`;
  yield* chart("index", index, "index loop", "index loop");
  yield `</figure></section>`;
}

/**
 * Renders the report page for one or more runs. Every text from the results is escaped.
 * Charts carry ids `chart-pareto`, `chart-fit`, `chart-shapes`, the picks `picks`; points and bars carry
 * `data-style` and `data-run`. The table lists the first styles and counts the rest (see
 * table-limit.ts), or every one when `all`; bar charts draw {@link CHART_STYLE_LIMIT} at most either way.
 */
export function renderHtml(summaries: BenchSummary[], all = false, program?: ProgramDeduction): string {
  return [...renderHtmlParts(summaries, all, program)].join("");
}

/**
 * {@link renderHtml}'s page in its sections, in order, each rendered when asked for: written one by
 * one, a page of thousands of runs is never one string (a 70 MB page, and its copy for writing).
 */
export function* renderHtmlParts(summaries: BenchSummary[], all = false, program?: ProgramDeduction): Generator<string> {
  const head =
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>thincall bench report</title><style>${REPORT_CSS}</style></head>\n<body>`;
  const tail = `</body></html>\n`;
  yield head;
  if (summaries.length === 0) {
    yield `<header><h1>thincall bench report</h1></header><p>No runs.</p>`;
    yield tail;
    return;
  }
  const runs = runLabels(summaries);
  const aligned = align(summaries, styleOrder(summaries));
  // Each section is rendered only when its turn comes: the one before it may be written and gone.
  const sections: (() => string | Iterable<string>)[] = [
    () => header(summaries, runs),
    // What to pick leads: the answer first, the figures behind it after.
    () => picksHtmlParts(summaries),
    () => table(summaries, all ? Infinity : TABLE_STYLE_LIMIT),
    () => paretoSection(summaries, runs),
    () => fitSection(summaries, runs, aligned),
    () => shapesSection(runs, aligned),
    () => capacityHtml(summaries, undefined, program),
    () => sweepHtml(summaries),
  ];
  for (const render of sections) {
    const section = render();
    if (typeof section === "string") yield section;
    else yield* section;
  }
  yield tail;
}
