/**
 * "What to pick on <board>": three questions answered apart, because their styles do not compare
 * (STYLE_KINDS in scripts/bench/schema.ts says which style answers which):
 * - interfaces: one object per item, any method on any item in any order;
 * - containers: many items stored together, each under a constraint the line states;
 * - kernels: work handed to natives, worth it only for one kind of loop ("if your loop is …").
 * Each line prints the figure it was chosen by: for two loops, both ratios and their sum.
 */
import { CLASS_ID, styleKind, type BenchSummary, type StyleSummary } from "../bench/schema.ts";
import { runLabels } from "./format.ts";
import { escapeXml } from "./svg.ts";

/**
 * Times within this fraction of the fastest are level: run-to-run noise, not a difference to
 * choose by, so among level styles the one with less RAM is picked. Three fresh full runs on the
 * Linux build agreed on every `vsClass` within 4% (quiet) to 8% (loaded).
 * @default 0.05
 */
export const LEVEL_WITHIN = 0.05;

/** The question a pick answers. */
export type Question = "interfaces" | "containers" | "kernels";

/** The loops a pick was scored on: for…of alone, or for…of and grow summed. */
export type Loops = "forOf" | "forOf+grow";

/** The pick for one case on one board. */
export interface Pick {
  question: Question;
  /** The case, as the line names it ("interfaces, one method"). */
  case: string;
  /** The style, or null when no style has the figures. */
  id: string | null;
  /** The loops it was scored on. */
  loops: Loops;
  /** Its time in for…of over js.class's. */
  forOf: number | null;
  /** Its time in grow over js.class's (null when scored on for…of alone). */
  grow: number | null;
  /** The figure it was chosen by: `forOf`, or `forOf + grow`; js.class scores 1 per loop. */
  score: number | null;
  /** Its bytes per object over js.class's (fixed costs excluded). */
  ram: number | null;
  /** Its bytes in total at the run's N over js.class's, fixed costs included. */
  ramTotal: number | null;
  /** A container's constraint, or the loop a kernel serves. */
  note?: string;
  /** Other candidates whose time is level with the pick's (within LEVEL_WITHIN of the fastest), which lost on RAM or by a hair. */
  level: string[];
}

/** One case users choose for. */
interface Case {
  question: Question;
  name: string;
  /** Styles that can serve the case (of the question's kind, with the case's loops). */
  candidates: (s: StyleSummary) => boolean;
  loops: Loops;
  /** Only styles using no more RAM than js.class compete, unless none does. */
  lean: boolean;
}

const ofKind = (kind: "interface" | "container") => (s: StyleSummary) => styleKind(s.id, s.batch)?.kind === kind;
const hasGrow = (s: StyleSummary) => s.vsClass.grow !== null;

/** Whether any style of the run has a second loop (grow): a one-loop workload has no two-loop case. */
const twoLoops = (summary: BenchSummary) => summary.styles.some((s) => s.error === null && hasGrow(s));

function casesFor(summary: BenchSummary): Case[] {
  const interfaces = ofKind("interface");
  const containers = ofKind("container");
  const both = twoLoops(summary);
  return [
    { question: "interfaces", name: "interfaces, one method", candidates: interfaces, loops: "forOf", lean: true },
    ...(both
      ? [{ question: "interfaces", name: "interfaces, two methods", candidates: (s: StyleSummary) => interfaces(s) && hasGrow(s), loops: "forOf+grow", lean: true } as Case]
      : []),
    { question: "containers", name: "containers", candidates: (s) => containers(s) && (!both || hasGrow(s)), loops: both ? "forOf+grow" : "forOf", lean: false },
  ];
}

const scoreOf = (s: StyleSummary, loops: Loops): number | null =>
  loops === "forOf" ? s.vsClass.forOf : s.vsClass.forOf === null || s.vsClass.grow === null ? null : s.vsClass.forOf + s.vsClass.grow;

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

/** The pick among `pool` and the styles level with it: RAM decides among the level ones. */
function choose(pool: Scored[]): { best?: Scored; level: Scored[] } {
  const fastest = lowest(pool, (x) => x.time);
  const level = fastest ? pool.filter((x) => x.time <= fastest.time * (1 + LEVEL_WITHIN)) : [];
  const best = lowest(level, ramThenTime);
  return { best, level: level.filter((x) => x !== best) };
}

/** A style's total bytes at N over js.class's, fixed costs included on both sides. */
function totalRatio(s: StyleSummary, cls: StyleSummary | undefined): number | null {
  return s.totalBytes !== null && cls?.totalBytes ? s.totalBytes / cls.totalBytes : null;
}

function pickOf(c: Case, best: StyleSummary, level: string[], cls: StyleSummary | undefined): Pick {
  const kind = styleKind(best.id, best.batch);
  return {
    question: c.question,
    case: c.name,
    id: best.id,
    loops: c.loops,
    forOf: best.vsClass.forOf,
    grow: c.loops === "forOf" ? null : best.vsClass.grow,
    score: scoreOf(best, c.loops),
    ram: best.bytesPerObject !== null && cls?.bytesPerObject ? best.bytesPerObject / cls.bytesPerObject : null,
    ramTotal: totalRatio(best, cls),
    ...(kind?.kind === "container" ? { note: kind.constraint } : {}),
    level,
  };
}

/** The picks for one run: interfaces (one method; two when the run has two loops), containers, then each kernel. */
export function picksFor(summary: BenchSummary): Pick[] {
  const cls = summary.styles.find((s) => s.id === CLASS_ID);
  const classBytes = cls?.bytesPerObject ?? null;
  const ok = summary.styles.filter((s) => s.error === null);
  const picks = casesFor(summary).map((c): Pick => {
    const scored: Scored[] = [];
    for (const s of ok) {
      const time = c.candidates(s) ? scoreOf(s, c.loops) : null;
      if (time !== null) scored.push({ s, time, bytes: s.bytesPerObject ?? Infinity });
    }
    const lean = c.lean ? scored.filter((x) => classBytes === null || x.bytes <= classBytes) : scored;
    const { best, level } = choose(lean.length ? lean : scored);
    if (!best) return { question: c.question, case: c.name, id: null, loops: c.loops, forOf: null, grow: null, score: null, ram: null, ramTotal: null, level: [] };
    return pickOf(c, best.s, level.map((x) => x.s.id), cls);
  });
  // Kernels are not chosen among: each serves its own loop, and is shown for it.
  for (const s of ok) {
    const kind = styleKind(s.id, s.batch);
    if (kind?.kind !== "kernel" || s.vsClass.forOf === null) continue;
    const c: Case = { question: "kernels", name: "kernels", candidates: () => true, loops: "forOf", lean: false };
    picks.push({ ...pickOf(c, s, [], cls), note: kind.loop });
  }
  return picks;
}

const x2 = (v: number) => `${v.toFixed(2)}×`;

/** " (1.5× faster)", " (8.6× less)": what a ratio under 1 means; nothing otherwise. */
const under1 = (v: number, word: string) => (v > 0 && v < 1 ? ` (${(1 / v).toFixed(1)}× ${word})` : "");

/** The figure a pick was chosen by, spelled out: "for…of 1.12× + grow 1.11× = 2.23× js.class's time (js.class: 2×)". */
function scoreText(p: Pick): string {
  if (p.forOf === null) return "time not measured";
  if (p.loops === "forOf" || p.grow === null || p.score === null) return `for…of ${x2(p.forOf)} js.class's time${under1(p.forOf, "faster")}`;
  return `for…of ${x2(p.forOf)} + grow ${x2(p.grow)} = ${x2(p.score)} js.class's time (js.class: 2×)`;
}

/** "RAM 0.12× js.class's per object (8.6× less, fixed costs excluded), 0.16× in total at 150 objects (fixed costs included)". */
function ramText(p: Pick, n: number | null): string {
  if (p.ram === null) return "RAM not measured";
  const per = `RAM ${x2(p.ram)} js.class's per object (${under1(p.ram, "less").slice(2, -1)}${p.ram < 1 ? ", " : ""}fixed costs excluded)`;
  if (p.ramTotal === null || n === null) return per;
  return `${per}, ${x2(p.ramTotal)} in total at ${n} objects (${under1(p.ramTotal, "less").slice(2, -1)}${p.ramTotal < 1 ? ", " : ""}fixed costs included)`;
}

/** "; level in time (within 5%, the less RAM wins): a, b": the styles a reader might expect, and why they lost. */
function levelNote(p: Pick): string {
  if (!p.level.length) return "";
  const names = p.level.length > 3 ? [...p.level.slice(0, 3), `${p.level.length - 3} more`] : p.level;
  return `; level in time (within ${Math.round(LEVEL_WITHIN * 100)}%, the less RAM wins): ${names.join(", ")}`;
}

/** "for…of 0.06× at N=100, 0.04× at N=257": a kernel's speed-up at each N of a sweep, or that it depends on N. */
function byN(summary: BenchSummary, id: string): string {
  const points = summary.sweep.flatMap((p) => {
    const r = p.styles.find((x) => x.id === id && x.error === null)?.vsClass.forOf;
    return r === null || r === undefined ? [] : [`${x2(r)} at N=${p.n}`];
  });
  return points.length > 1 ? `the speed-up depends on N: for…of ${points.join(", ")}` : "the speed-up depends on N (see it with --n 257,100,1000)";
}

/** What each question means, on its lines. */
const MEANING: Record<Question, string> = {
  interfaces: "one object per item, any method in any order",
  containers: "items stored together",
  kernels: "natives do the loop",
};

/** One line per pick: the style, the figure it was chosen by, its RAM against js.class. */
export function pickLines(summary: BenchSummary): string[] {
  return picksFor(summary).map((p) => {
    const what = `${p.case} (${MEANING[p.question]})`;
    if (p.id === null) return `${what}: no style has the figures`;
    if (p.question === "kernels") {
      const at = summary.n === null ? "" : ` at ${summary.n} objects`;
      return `${what}: if your loop is a ${p.note}, ${p.id}: ${scoreText(p)}${at}; ${byN(summary, p.id)}; ${ramText(p, summary.n)}`;
    }
    const constraint = p.note ? ` (${p.note})` : "";
    return `${what}: ${p.id}${constraint}, ${scoreText(p)}; ${ramText(p, summary.n)}${levelNote(p)}`;
  });
}

/** Heading of one board's picks. */
const heading = (s: BenchSummary) => `What to pick on ${s.board} (${s.engine} ${s.version}, ${s.mode})`;

/** The picks of one run, as terminal text; runs' picks are a blank line apart. */
export function renderPicks(summary: BenchSummary): string {
  return [heading(summary), ...pickLines(summary).map((l) => `  - ${l}`)].join("\n");
}

/** The picks of every run, as an HTML section (id `picks`), board by board, each made when asked for. */
export function* picksHtmlParts(summaries: BenchSummary[]): Generator<string> {
  const labels = runLabels(summaries);
  yield `<section id="picks"><h2>What to pick</h2>`;
  for (let i = 0; i < summaries.length; i++) {
    const s = summaries[i];
    yield `<h3>${escapeXml(heading(s))}</h3><ul class="picks" data-run="${escapeXml(labels[i])}">` +
      pickLines(s).map((l) => `<li>${escapeXml(l)}</li>`).join("") +
      "</ul>";
  }
  yield `</section>`;
}
