/**
 * "What to pick on <board>": the style to write for three common cases, computed from a run's
 * figures (time in the fast loop and bytes per object, both against js.class), per board.
 */
import { BASELINE_ID, CLASS_ID, type BenchSummary, type StyleSummary } from "../bench/schema.ts";
import { runLabels } from "./format.ts";
import { escapeXml } from "./svg.ts";

/** One case users choose for, and the styles that can serve it. */
interface Case {
  name: string;
  /** Styles that can serve the case. */
  candidates: (s: StyleSummary) => boolean;
  /** Lower is better; only styles using no more RAM than js.class compete, unless none does. */
  score: (s: StyleSummary) => number | null;
}

const dispatch = (s: StyleSummary) => s.id !== BASELINE_ID && s.id !== "floor.local-call";
const SINGLE = ["js.class", "js.prototype", "js.literal-closures", "js.literal-shared", "js.closure", "js.bind", "thin.func"];

const CASES: Case[] = [
  {
    name: "many small records",
    candidates: dispatch,
    // RAM first; time only breaks ties.
    score: (s) => (s.bytesPerObject === null ? null : s.bytesPerObject * 1e3 + (s.vsClass.forOf ?? 1e3)),
  },
  {
    name: "single-method callbacks",
    candidates: (s) => SINGLE.includes(s.id),
    score: (s) => s.vsClass.forOf,
  },
  {
    name: "multi-method interfaces",
    candidates: (s) => dispatch(s) && s.growUs !== null,
    score: (s) => (s.vsClass.forOf === null || s.vsClass.grow === null ? null : s.vsClass.forOf + s.vsClass.grow),
  },
];

/** The pick for one case on one board. */
export interface Pick {
  case: string;
  /** The style, or null when no style has the figures. */
  id: string | null;
  /** Its time in its fast loop over js.class's. */
  time: number | null;
  /** Its bytes per object over js.class's. */
  ram: number | null;
}

/** The first of the lowest scores: what a stable sort would put first, in one pass instead of a sort of every style. */
function lowest<T extends { score: number }>(scored: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const x of scored) if (!best || x.score < best.score) best = x;
  return best;
}

/** The three picks for one run, each computed from its figures. */
export function picksFor(summary: BenchSummary): Pick[] {
  const cls = summary.styles.find((s) => s.id === CLASS_ID);
  const classBytes = cls?.bytesPerObject ?? null;
  return CASES.map((c) => {
    const scored = summary.styles
      .filter((s) => s.error === null && c.candidates(s))
      .map((s) => ({ s, score: c.score(s) }))
      .filter((x): x is { s: StyleSummary; score: number } => x.score !== null);
    const lean = scored.filter((x) => classBytes === null || (x.s.bytesPerObject ?? Infinity) <= classBytes);
    const best = lowest(lean.length ? lean : scored)?.s;
    if (!best) return { case: c.name, id: null, time: null, ram: null };
    const ram = best.bytesPerObject !== null && classBytes ? best.bytesPerObject / classBytes : null;
    return { case: c.name, id: best.id, time: best.vsClass.forOf, ram };
  });
}

/** "1.52× the time", "0.11× the RAM (9.1× less)". */
function against(value: number | null, what: string): string {
  if (value === null) return `${what} not measured`;
  const less = value > 0 && value < 1 ? ` (${(1 / value).toFixed(1)}× ${what === "time" ? "faster" : "less"})` : "";
  return `${value.toFixed(2)}× js.class's ${what}${less}`;
}

/** One line per pick: the style and its time and RAM against js.class. */
export function pickLines(summary: BenchSummary): string[] {
  return picksFor(summary).map((p) =>
    p.id === null ? `${p.case}: no style has the figures` : `${p.case}: ${p.id}, ${against(p.time, "time")}, ${against(p.ram, "RAM")}`,
  );
}

/** Heading of one board's picks. */
const heading = (s: BenchSummary) => `What to pick on ${s.board} (${s.engine} ${s.version}, ${s.mode})`;

/** The picks of every run, as terminal text. */
export function renderPicks(summaries: BenchSummary[]): string {
  return summaries.map((s) => [heading(s), ...pickLines(s).map((l) => `  - ${l}`)].join("\n")).join("\n\n");
}

/** The picks of every run, as an HTML section (id `picks`). */
export function picksHtml(summaries: BenchSummary[]): string {
  const labels = runLabels(summaries);
  const boards = summaries.map(
    (s, i) =>
      `<h3>${escapeXml(heading(s))}</h3><ul class="picks" data-run="${escapeXml(labels[i])}">` +
      pickLines(s).map((l) => `<li>${escapeXml(l)}</li>`).join("") +
      "</ul>",
  );
  return `<section id="picks"><h2>What to pick</h2>${boards.join("")}</section>`;
}
