/**
 * How the figures move with N, for a run of `--n 100,257,1000`: a table of time ratios and one of
 * RAM per N, for the terminal and the HTML report (with a chart of each). Shown only for runs
 * that swept more than one N.
 */
import { CLASS_ID, styleKind, type BenchSummary, type SweepPoint, type SweepStyle } from "../bench/schema.ts";
import { sweepChart } from "./chart-sweep.ts";
import { NONE, grouped, runLabels } from "./format.ts";
import { escapeXml } from "./svg.ts";

/** One table: a heading, a note, columns, and a row of cells per style. */
export interface SweepTable {
  title: string;
  note: string;
  columns: string[];
  rows: { style: string; cells: string[] }[];
}

/** Styles worth following over N: every one but the yardsticks, in the run's order. */
function followed(summary: BenchSummary): string[] {
  return summary.styles.map((s) => s.id).filter((id) => styleKind(id)?.kind !== "reference");
}

const at = (p: SweepPoint, id: string): SweepStyle | undefined => p.styles.find((x) => x.id === id);
const ok = (x: SweepStyle | undefined) => (x && x.error === null ? x : undefined);
const ratio = (v: number | null | undefined) => (v === null || v === undefined ? NONE : `${v.toFixed(2)}×`);

/** A style's total bytes at a point over js.class's, fixed costs included. */
export function totalVsClass(p: SweepPoint, id: string): number | null {
  const mine = ok(at(p, id))?.totalBytes;
  const cls = ok(at(p, CLASS_ID))?.totalBytes;
  return mine !== null && mine !== undefined && cls ? mine / cls : null;
}

/** The two tables of one sweep: time over js.class's, and RAM per object and in total. */
export function sweepTables(summary: BenchSummary): SweepTable[] {
  const points = summary.sweep;
  const ids = followed(summary);
  const hasGrow = points.some((p) => p.styles.some((x) => x.vsClass.grow !== null));
  const time: SweepTable = {
    title: "Time over js.class's, by N",
    note: "each ratio within the run at that N; a kernel's speed-up grows with N",
    columns: [...points.map((p) => `for…of N=${p.n}`), ...(hasGrow ? points.map((p) => `grow N=${p.n}`) : [])],
    rows: ids.map((id) => ({
      style: id,
      cells: [
        ...points.map((p) => (ok(at(p, id)) ? ratio(at(p, id)!.vsClass.forOf) : (at(p, id)?.error ?? NONE))),
        ...(hasGrow ? points.map((p) => ratio(ok(at(p, id))?.vsClass.grow)) : []),
      ],
    })),
  };
  const ram: SweepTable = {
    title: "RAM by N",
    note: "bytes per object: fixed costs excluded; total: the container at N, fixed costs included, and over js.class's",
    columns: [...points.map((p) => `bytes/object N=${p.n}`), ...points.map((p) => `total N=${p.n}`)],
    rows: ids.map((id) => ({
      style: id,
      cells: [
        ...points.map((p) => {
          const b = ok(at(p, id))?.bytesPerObject;
          return b === null || b === undefined ? NONE : b.toFixed(1);
        }),
        ...points.map((p) => {
          const t = ok(at(p, id))?.totalBytes;
          return t === null || t === undefined ? NONE : `${grouped(t)} (${ratio(totalVsClass(p, id))})`;
        }),
      ],
    })),
  };
  return [time, ram];
}

/** Plain-text table, numbers right-aligned. */
function tableText(t: SweepTable): string {
  const styleWidth = Math.max("style".length, ...t.rows.map((r) => r.style.length));
  const widths = t.columns.map((c, i) => Math.max(c.length, ...t.rows.map((r) => r.cells[i].length)));
  const line = (first: string, cells: string[]) => [first.padEnd(styleWidth), ...cells.map((c, i) => c.padStart(widths[i]))].join("  ").trimEnd();
  const header = line("style", t.columns);
  return [`${t.title} (${t.note})`, header, "─".repeat(header.length), ...t.rows.map((r) => line(r.style, r.cells))].join("\n");
}

/** The sweeps of the runs that swept N, as terminal text; "" when none did. */
export function sweepText(summaries: BenchSummary[]): string {
  const labels = runLabels(summaries);
  const parts = summaries.flatMap((s, i) =>
    s.sweep.length > 1 ? [`How the figures move with N on ${labels[i]}`, ...sweepTables(s).map(tableText)] : [],
  );
  return parts.length ? `\n${parts.join("\n\n")}\n` : "";
}

function tableHtml(t: SweepTable): string {
  const head = `<tr><th class="style">style</th>${t.columns.map((c) => `<th>${escapeXml(c)}</th>`).join("")}</tr>`;
  const rows = t.rows.map((r) => `<tr><td class="style">${escapeXml(r.style)}</td>${r.cells.map((c) => `<td class="num">${escapeXml(c)}</td>`).join("")}</tr>`);
  return `<h3>${escapeXml(t.title)}</h3><div class="table-wrap"><table class="sweep"><thead>${head}</thead><tbody>${rows.join("")}</tbody></table></div><p class="note">${escapeXml(t.note)}.</p>`;
}

/** The report's section (`#sweep`) for the runs that swept N, with a chart of each table; "" when none did. */
export function sweepHtml(summaries: BenchSummary[]): string {
  const labels = runLabels(summaries);
  const runs = summaries.flatMap((s, i) => {
    if (s.sweep.length < 2) return [];
    const ids = followed(s);
    const [time, ram] = sweepTables(s);
    const forOf = sweepChart({
      title: `${labels[i]}: for…of time over js.class's, by N`, kind: "time", run: labels[i],
      ns: s.sweep.map((p) => p.n), series: ids.map((id) => ({ id, values: s.sweep.map((p) => ok(at(p, id))?.vsClass.forOf ?? null) })),
      axisLabel: "time over js.class's (lower is better)",
    });
    const total = sweepChart({
      title: `${labels[i]}: total RAM over js.class's, fixed costs included, by N`, kind: "ram", run: labels[i],
      ns: s.sweep.map((p) => p.n), series: ids.map((id) => ({ id, values: s.sweep.map((p) => totalVsClass(p, id)) })),
      axisLabel: "total bytes over js.class's (lower is better)",
    });
    return [`<h3>${escapeXml(labels[i])}</h3>${tableHtml(time)}<figure>${forOf}</figure>${tableHtml(ram)}<figure>${total}</figure>`];
  });
  if (!runs.length) return "";
  return `<section id="sweep"><h2>How the figures move with N</h2><p>The same bench at several sizes (<code>--n</code>), one upload per size.</p>${runs.join("")}</section>`;
}
