/**
 * A RAM map of a user's program, from the lines the probe (probe.ts) printed. Pure: no I/O.
 */
import { BASELINE_KEY, MEM_PREFIX, RESERVATION_KEY } from "./probe.ts";

/** What a global is: the program's functions and classes (code), its data, or the interpreter's own. */
export type GlobalKind = "code" | "data" | "builtin" | "internal";

/** One global (or, drilled, one member), as `E.getSizeOf(global, depth)` lists it. */
export interface MemEntry {
  name: string;
  /** JsVars, as Espruino counts them: the name and everything reachable (shared parts in each). */
  jsvars: number;
  kind: GlobalKind;
  /** typeof, or "array", "typed" (a typed array). */
  type: string;
  /** Members, with `--depth` 2 or more. */
  more?: MemEntry[];
}

/** Many items of one class, prototype or object shape in one array or object. */
export interface MemGroup {
  /** The container, as a path from global (`boxes`, `cfg.pts`). */
  in: string;
  /** `new Box`, `{x,y}` (a plain object's keys), or `function` (closures). */
  of: string;
  count: number;
  /** JsVars per item, its slot in the container included, shared parts (the class) not. */
  perItem: number;
  fields: string[];
  methods: string[];
  /** How many fields hold numbers (what a packed store would keep in typed-array columns). */
  numbers: number;
  /** JsVars per item in each thin style, built on the board from the group's first items. */
  thin: Record<string, number>;
}

/** Memory totals, all in JsVars. */
export interface MemTotals {
  /** `process.memory().usage` before the probe was sent. Like every figure here, without {@link reserved}. */
  usage: number;
  free: number;
  total: number;
  blocksize: number;
  /** Usage on the reset board, before the program (with any budget reservation), or null when not recorded. */
  atStart: number | null;
  /** JsVars held by an emulated budget's reservation, left out of every other figure. */
  reserved: number;
  /** `process.memory().history`: the REPL's own history. */
  history: number;
  /** `E.getSizeOf(global)`: everything reachable from the globals, each shared part once. */
  reachable: number;
  /** The probe's own peak cost, not counted in {@link usage}. */
  probe: number;
}

/** The map. */
export interface MemMap {
  totals: MemTotals;
  globals: MemEntry[];
  groups: MemGroup[];
}

/** The parts of a probe's output, gathered line by line. */
export interface ProbeLines {
  pre?: Record<string, number>;
  mem?: Record<string, number>;
  globals: Array<Record<string, unknown>>;
  groups: Array<Record<string, unknown>>;
  end?: Record<string, number>;
}

/** An empty gatherer for {@link addProbeLine}. */
export function newProbeLines(): ProbeLines {
  return { globals: [], groups: [] };
}

/** Takes one cleaned console line; returns whether it was the probe's (and so not the program's output). */
export function addProbeLine(into: ProbeLines, line: string): boolean {
  if (!line.startsWith(MEM_PREFIX)) return false;
  const m = /^(\w+) (.*)$/.exec(line.slice(MEM_PREFIX.length));
  if (!m) return true;
  let value: unknown;
  try {
    value = JSON.parse(m[2]);
  } catch {
    return true;
  }
  if (value === null || typeof value !== "object") return true;
  const v = value as Record<string, never>;
  if (m[1] === "pre") into.pre = v;
  else if (m[1] === "mem") into.mem = v;
  else if (m[1] === "g") into.globals.push(v);
  else if (m[1] === "grp") into.groups.push(v);
  else if (m[1] === "end") into.end = v;
  return true;
}

const num = (v: unknown, fallback = 0) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

function kindOf(probeKind: string): { kind: GlobalKind; type: string } {
  if (probeKind === "internal" || probeKind === "builtin") return { kind: probeKind, type: "object" };
  if (probeKind === "code") return { kind: "code", type: "function" };
  return { kind: "data", type: probeKind };
}

/** Espruino's hidden names start with \xFF: its root (timers, watches, history) and a function's code and scope. */
function shownName(name: string): string {
  return name === "\xFF" ? "(Espruino's hidden root)" : name.replace(/^\xFF/, "#");
}

function entryOf(raw: Record<string, unknown>, kind: { kind: GlobalKind; type: string }): MemEntry {
  const more = Array.isArray(raw.more) ? (raw.more as Array<Record<string, unknown>>).map((c) => entryOf(c, { kind: kind.kind, type: "member" })) : undefined;
  return { name: shownName(String(raw.name)), jsvars: num(raw.size), ...kind, ...(more && more.length ? { more: more.sort((a, b) => b.jsvars - a.jsvars) } : {}) };
}

/** What the prelude and a budget keep on the hidden root: thincall's, not the program's. */
const PROBE_KEYS = ["thb", BASELINE_KEY, RESERVATION_KEY];

/** The map from a complete probe output, or a reason it is not complete. */
export function memMapOf(lines: ProbeLines): MemMap | string {
  if (!lines.pre || !lines.mem) return "the probe printed no totals";
  if (!lines.end) return `the probe stopped after ${lines.globals.length} global(s) and ${lines.groups.length} group(s)`;
  const pre = lines.pre;
  const mem = lines.mem;
  // An emulated budget's reservation is the emulator's, not the board's, and the baseline the
  // prelude keeps on the hidden root is the probe's: every figure leaves both out.
  const reserved = num(mem.rsv);
  const own = num(mem.own);
  const totals: MemTotals = {
    usage: num(pre.usage) - reserved - own,
    free: num(pre.free),
    total: num(pre.total) - reserved,
    blocksize: num(pre.blocksize),
    atStart: typeof mem.base === "number" ? mem.base - reserved - own : null,
    reserved,
    history: num(pre.history),
    reachable: num(mem.reach) - reserved - own,
    probe: Math.max(num(mem.usage), num(lines.end.usage)) - num(pre.usage) + own,
  };
  const globals = lines.globals
    .map((g) => entryOf(g, kindOf(String(g.kind))))
    .map((e) => (e.kind === "internal" ? { ...e, jsvars: e.jsvars - reserved - own, ...(e.more ? { more: e.more.filter((m) => !PROBE_KEYS.includes(m.name)) } : {}) } : e))
    .sort((a, b) => b.jsvars - a.jsvars);
  const groups = lines.groups.map((g): MemGroup => ({
    in: String(g.in),
    of: String(g.of),
    count: num(g.count),
    perItem: num(g.per),
    fields: Array.isArray(g.fields) ? g.fields.map(String) : [],
    methods: Array.isArray(g.methods) ? g.methods.map(String) : [],
    numbers: num(g.numbers),
    thin: Object.fromEntries(Object.entries((g.thin ?? {}) as Record<string, unknown>).map(([k, v]) => [k, num(v)])),
  })).sort((a, b) => b.count * b.perItem - a.count * a.perItem);
  return { totals, globals, groups };
}

/** JsVars the user's program holds: usage less the board's own at start, or null when that was not recorded. */
export function programJsVars(t: MemTotals): number | null {
  return t.atStart === null ? null : Math.max(0, t.usage - t.atStart);
}

/** Sum of the JsVars of the globals of one kind. */
export function kindJsVars(map: MemMap, kind: GlobalKind): number {
  return map.globals.filter((g) => g.kind === kind).reduce((s, g) => s + g.jsvars, 0);
}
