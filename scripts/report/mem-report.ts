/**
 * `thincall mem`'s output: the RAM map as a terminal table, as JSON, and as an HTML page with bar
 * charts. Pure: no I/O.
 */
import type { BoardProfile } from "../boards/profile.ts";
import { kindJsVars, programJsVars, type MemEntry, type MemGroup, type MemMap } from "../mem/map.ts";
import { THIN_SOURCE, THIN_STYLES, thinCosts } from "../mem/thin-cost.ts";
import { terminalLines } from "../terminal/text.ts";
import { renderCapacityTable, type CapacityRun } from "./capacity.ts";
import { barChart } from "./chart-bars.ts";
import { kindBarChart } from "./chart-kind-bars.ts";
import { grouped, trimmed, VIRTUAL_LABEL } from "./format.ts";
import { capacityChart } from "./chart-capacity.ts";
import { escapeXml } from "./svg.ts";

/** A map with what it was made on, for the renderers. */
export interface MemReport {
  schema: "thincall.mem/1";
  /** The program's file. */
  file: string;
  /** The profile that ran it. */
  board: string;
  /** The board whose budget the emulator reserved down to, if any. */
  budget?: string;
  /** "espruino", or "quickjs" on the virtual board (not Espruino's figures). */
  engine: "espruino" | "quickjs";
  command: string;
  /** Seconds the program ran before the map. */
  afterS: number;
  map: MemMap;
}

/** Globals shown before "and N more". @default 40 */
export const GLOBALS_SHOWN = 40;

const KIND_LABEL: Record<MemEntry["kind"], string> = { code: "code", data: "data", builtin: "built-in", internal: "internal" };

/** Heading lines: what ran where, and the totals. */
function summaryLines(r: MemReport): string[] {
  const t = r.map.totals;
  const program = programJsVars(t);
  const bytes = (n: number) => (t.blocksize > 0 ? ` (${grouped(n * t.blocksize)} bytes)` : "");
  return [
    `RAM map of ${r.file} on ${r.board}${r.budget ? ` with ${r.budget}'s budget` : ""}${r.engine === "quickjs" ? ` — ${VIRTUAL_LABEL}` : ""}, after ${r.afterS} s; ${t.blocksize}-byte JsVars`,
    `used ${grouped(t.usage)} of ${grouped(t.total)} JsVars${bytes(t.usage)}, free ${grouped(t.free)}${t.reserved ? ` (${r.budget}'s budget: ${grouped(t.reserved)} more reserved on the emulator, left out)` : ""}`,
    program === null
      ? "your program: not separated (the board's usage at start was not recorded)"
      : `your program: ${grouped(program)} JsVars${bytes(program)} (used now − ${grouped(t.atStart!)} at start)`,
    `  functions and classes (code): ${grouped(kindJsVars(r.map, "code"))}; data: ${grouped(kindJsVars(r.map, "data"))}; built-ins it brought in: ${grouped(kindJsVars(r.map, "builtin"))}`,
    `  REPL history: ${grouped(t.history)} (not your program); reachable from global, each shared part once: ${grouped(t.reachable)}`,
    `  the probe's own ${grouped(t.probe)} JsVars while it ran are not counted`,
  ];
}

function align(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (row: string[]) => row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  return [line(head), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)];
}

/** Members shown under each global (`--depth` 2 or more) before "… and N more". @default 8 */
export const MEMBERS_SHOWN = 8;

/** Rows of the globals and, indented, their members: the largest {@link MEMBERS_SHOWN} of each, or every one. */
function flatten(entries: readonly MemEntry[], all: boolean, indent = ""): Array<[string, MemEntry | null]> {
  return entries.flatMap((e): Array<[string, MemEntry | null]> => {
    const more = e.more ?? [];
    const shown = all ? more : more.slice(0, MEMBERS_SHOWN);
    const rest: Array<[string, null]> = shown.length < more.length ? [[`${indent}  … and ${grouped(more.length - shown.length)} more members`, null]] : [];
    return [[indent + e.name, e], ...flatten(shown, all, indent + "  "), ...rest];
  });
}

const per = (v: number | null) => (v === null ? "—" : trimmed(v, 2));

/** A group's thin-style cells: JsVars per item and the saving over all items. */
function thinCells(g: MemGroup, blocksize: number): string[] {
  const costs = thinCosts(g, blocksize);
  return THIN_STYLES.map((s) => {
    const c = costs[s];
    return c === null ? "—" : `${per(c)} (${g.perItem - c >= 0 ? "−" : "+"}${grouped(Math.abs(g.perItem - c) * g.count)})`;
  });
}

/** The group with the most JsVars, projected on every board: as written and in each thin style. */
export function groupCapacityRun(r: MemReport): CapacityRun | undefined {
  const g = r.map.groups[0];
  const program = programJsVars(r.map.totals);
  if (!g) return undefined;
  const costs = thinCosts(g, r.map.totals.blocksize);
  return {
    board: r.board,
    blocksize: r.map.totals.blocksize,
    styles: [
      { id: `as written`, varsPerObject: g.perItem },
      ...THIN_STYLES.map((s) => ({ id: s, varsPerObject: costs[s], flat: s === "thin.packed" })),
    ],
    ...(program !== null ? { program: { jsvars: program, whose: "your program's" } } : {}),
  };
}

/** The terminal table. */
export function renderMemTable(r: MemReport, boards: readonly BoardProfile[], all = false): string {
  const t = r.map.totals;
  // Espruino's own built-ins (Array, E, a board's pins on the virtual board) only with --all.
  const builtins = r.map.globals.filter((g) => g.kind === "builtin");
  const rows = flatten(all ? r.map.globals : r.map.globals.filter((g) => g.kind !== "builtin"), all);
  const shown = all ? rows : rows.slice(0, GLOBALS_SHOWN);
  const out = [...summaryLines(r), ""];
  out.push(...align(["global", "kind", "JsVars", "bytes"], shown.map(([name, e]) => (e ? [name, KIND_LABEL[e.kind], grouped(e.jsvars), grouped(e.jsvars * t.blocksize)] : [name, "", "", ""]))));
  if (shown.length < rows.length) out.push(`… and ${grouped(rows.length - shown.length)} more (--all lists every one)`);
  if (!all && builtins.length > 0) out.push(`${grouped(builtins.length)} built-in(s) not listed (--all lists them)`);
  out.push("Each global's JsVars are E.getSizeOf's: its name and all it references, so a class its instances share counts in both.");
  if (r.map.groups.length === 0) {
    out.push("", "No array or object holds many items of one class or shape.");
  } else {
    out.push("", "Many items of one kind (JsVars per item include its slot; what the items share is not charged to them):");
    out.push(...align(
      ["in", "items", "count", "JsVars/item", "total", ...THIN_STYLES.map((s) => `${s} (saving)`)],
      r.map.groups.map((g) => [g.in, g.of, grouped(g.count), per(g.perItem), grouped(g.perItem * g.count), ...thinCells(g, t.blocksize)]),
    ));
    out.push(THIN_SOURCE);
    const run = groupCapacityRun(r);
    if (run && r.engine === "espruino") out.push("", `Room for more ${r.map.groups[0].of} in ${r.map.groups[0].in}, per board:`, renderCapacityTable(run, boards).trimEnd());
  }
  return terminalLines(out.join("\n")) + "\n";
}

/** The JSON output: the report, with the groups' thin costs resolved for the block size. */
export function memJson(r: MemReport): unknown {
  return {
    ...r,
    program: programJsVars(r.map.totals),
    code: kindJsVars(r.map, "code"),
    data: kindJsVars(r.map, "data"),
    thinSource: THIN_SOURCE,
    groups: r.map.groups.map((g) => ({ in: g.in, of: g.of, thin: thinCosts(g, r.map.totals.blocksize) })),
  };
}

const COLORS: Record<MemEntry["kind"], string> = { code: "#4e79a7", data: "#f28e2b", builtin: "#bab0ac", internal: "#79706e" };
const CSS =
  "body{font:14px system-ui,sans-serif;margin:24px;max-width:980px}table{border-collapse:collapse}td,th{padding:2px 8px;text-align:right}" +
  "td:first-child,th:first-child{text-align:left}.mono,code{font-family:ui-monospace,monospace}svg text{font-size:11px}.note{color:#555}";

/** The HTML page: totals, a bar chart per kind of global and one of what each group would cost. */
export function renderMemHtml(r: MemReport, boards: readonly BoardProfile[]): string {
  const t = r.map.totals;
  // Built-ins only when they are most of what there is (the virtual board's pins are not the program).
  const top = r.map.globals.filter((g) => g.kind !== "builtin").slice(0, GLOBALS_SHOWN);
  const kinds = Object.fromEntries((Object.keys(COLORS) as Array<MemEntry["kind"]>).map((k) => [k, { label: KIND_LABEL[k], color: COLORS[k] }]));
  const globalsSvg = kindBarChart(
    top.map((g) => ({ label: g.name, value: g.jsvars, kind: g.kind })),
    kinds,
    `class="mem-globals"`,
    "JsVars per global",
    "JsVars (E.getSizeOf: each global with all it references)",
  );
  const groups = r.map.groups.slice(0, 10);
  const groupSvg = groups.length === 0 ? "" : barChart({
    attrs: `class="mem-groups"`,
    title: "JsVars of each group, as written and in each thin style",
    categories: groups.map((g) => `${g.in}: ${g.of}`),
    series: [
      { label: "as written", run: "mem", key: "as-written", color: "#e15759", values: groups.map((g) => g.perItem * g.count) },
      ...THIN_STYLES.map((s, i) => ({
        label: s, run: "mem", key: s, color: ["#76b7b2", "#59a14f", "#edc948", "#b07aa1"][i],
        values: groups.map((g) => { const c = thinCosts(g, t.blocksize)[s]; return c === null ? null : c * g.count; }),
      })),
    ],
    axisLabel: "JsVars for all the group's items (lower is better)",
    format: grouped,
  });
  const run = groupCapacityRun(r);
  const capacity = run && r.engine === "espruino" ? `<h2>Room for more, per board</h2><figure>${capacityChart(run, boards)}</figure>` : "";
  const lines = summaryLines(r).map((l) => `<p>${escapeXml(l)}</p>`).join("");
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>thincall mem: ${escapeXml(r.file)}</title><style>${CSS}</style></head>\n<body>` +
    `<h1>Where the RAM went</h1>${lines}<p class="note mono">${escapeXml(r.command)}</p>` +
    `<h2>Globals</h2><figure>${globalsSvg}</figure>` +
    (groupSvg ? `<h2>Many items of one kind</h2><figure>${groupSvg}</figure><p class="note">${escapeXml(THIN_SOURCE)}</p>` : "") +
    capacity +
    `</body></html>\n`
  );
}
