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
  /** The case's time against js.class; lower is better. */
  time: (s: StyleSummary) => number | null;
  /** RAM decides, time breaks ties (JsVar counts are exact: no noise to allow for). */
  ramFirst?: boolean;
}

/**
 * Times within this fraction of the fastest are level: run-to-run noise, not a difference to
 * choose by, so among level styles the one with less RAM is picked. Three fresh full runs on the
 * Linux build agreed on every `vsClass` within 4% (quiet) to 8% (loaded).
 * @default 0.05
 */
export const LEVEL_WITHIN = 0.05;

const dispatch = (s: StyleSummary) => s.id !== BASELINE_ID && s.id !== "floor.local-call";
const SINGLE = ["js.class", "js.prototype", "js.literal-closures", "js.literal-shared", "js.closure", "js.bind", "thin.func"];

const CASES: Case[] = [
  { name: "many small records", candidates: dispatch, time: (s) => s.vsClass.forOf, ramFirst: true },
  { name: "single-method callbacks", candidates: (s) => SINGLE.includes(s.id), time: (s) => s.vsClass.forOf },
  {
    name: "multi-method interfaces",
    candidates: (s) => dispatch(s) && s.growUs !== null,
    time: (s) => (s.vsClass.forOf === null || s.vsClass.grow === null ? null : s.vsClass.forOf + s.vsClass.grow),
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
  /** Other candidates whose time is level with the pick's (within LEVEL_WITHIN of the fastest), which lost on RAM or by a hair. */
  level: string[];
}

interface Scored {
  s: StyleSummary;
  time: number;
  bytes: number;
}

/** The first of the lowest by `key`: what a stable sort would put first, in one pass instead of a sort of every style. */
function lowest<T>(xs: readonly T[], key: (x: T) => number): T | undefined {
  let best: T | undefined;
  for (const x of xs) if (!best || key(x) < key(best)) best = x;
  return best;
}

/** Less RAM first, then less time (times are ratios, far below 1e3). */
const ramThenTime = (x: Scored) => x.bytes * 1e3 + x.time;

/** The pick among `pool` and the styles level with it: RAM decides among the level ones (all of them when RAM comes first). */
function choose(pool: Scored[], ramFirst: boolean | undefined): { best?: Scored; level: Scored[] } {
  const fastest = lowest(pool, (x) => x.time);
  const level = ramFirst || !fastest ? pool : pool.filter((x) => x.time <= fastest.time * (1 + LEVEL_WITHIN));
  const best = lowest(level, ramThenTime);
  return { best, level: ramFirst ? [] : level.filter((x) => x !== best) };
}

/** The three picks for one run, each computed from its figures. */
export function picksFor(summary: BenchSummary): Pick[] {
  const cls = summary.styles.find((s) => s.id === CLASS_ID);
  const classBytes = cls?.bytesPerObject ?? null;
  return CASES.map((c) => {
    const scored: Scored[] = [];
    for (const s of summary.styles) {
      const time = s.error === null && c.candidates(s) ? c.time(s) : null;
      if (time !== null) scored.push({ s, time, bytes: s.bytesPerObject ?? Infinity });
    }
    // Only styles using no more RAM than js.class compete, unless none does.
    const lean = scored.filter((x) => classBytes === null || x.bytes <= classBytes);
    const { best, level } = choose(lean.length ? lean : scored, c.ramFirst);
    if (!best) return { case: c.name, id: null, time: null, ram: null, level: [] };
    const ram = best.s.bytesPerObject !== null && classBytes ? best.s.bytesPerObject / classBytes : null;
    return { case: c.name, id: best.s.id, time: best.s.vsClass.forOf, ram, level: level.map((x) => x.s.id) };
  });
}

/** "1.52× the time", "0.11× the RAM (9.1× less)". */
function against(value: number | null, what: string): string {
  if (value === null) return `${what} not measured`;
  const less = value > 0 && value < 1 ? ` (${(1 / value).toFixed(1)}× ${what === "time" ? "faster" : "less"})` : "";
  return `${value.toFixed(2)}× js.class's ${what}${less}`;
}

/** "; level in time (within 5%, the less RAM wins): a, b": the styles a reader might expect, and why they lost. */
function levelNote(p: Pick): string {
  if (!p.level.length) return "";
  const names = p.level.length > 3 ? [...p.level.slice(0, 3), `${p.level.length - 3} more`] : p.level;
  return `; level in time (within ${Math.round(LEVEL_WITHIN * 100)}%, the less RAM wins): ${names.join(", ")}`;
}

/** One line per pick: the style and its time and RAM against js.class. */
export function pickLines(summary: BenchSummary): string[] {
  return picksFor(summary).map((p) =>
    p.id === null ? `${p.case}: no style has the figures` : `${p.case}: ${p.id}, ${against(p.time, "time")}, ${against(p.ram, "RAM")}${levelNote(p)}`,
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
