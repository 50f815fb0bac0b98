/**
 * Renders `docs/compat.md` from the rule table and the committed probe results, so the document
 * cannot drift from what the checker enforces.
 *
 *   npx tsx scripts/check/compat-doc.ts
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { BOARD_GLOBALS, BUILTIN_MODULES, CLASSES_NOT_MODULES } from "../boards/firmware-modules.ts";
import { loadAllBoards } from "../boards/profile.ts";
import { FEATURES } from "./features.ts";
import { MEMBER_SINCE, MODULE_SINCE, SYNTAX_SINCE, type Since } from "./member-since.ts";
import { EMU_RESULTS_FILE, type EmuProbeFile } from "./probe-emu.ts";
import type { ProbeBuild } from "./probe-file.ts";
import { memberExists, PROBE_FILE, PROBE_RESULTS, RULES, UNCHECKED, UNREACHABLE_PROTOTYPE_MEMBERS, type Rule } from "./rules.ts";

/** Path of the generated document. */
export const DOC_FILE = new URL("../../docs/compat.md", import.meta.url);

/** Escapes a table cell: pipes everywhere, `*` outside code spans (so `**` is not bold). */
const cell = (s: string) =>
  s.split("`").map((part, i) => (i % 2 ? part : part.replace(/\*/g, "\\*"))).join("`").replace(/\|/g, "\\|");
const code = (s: string) => (s.includes("`") ? "`` " + s + " ``" : "`" + s.replace(/\|/g, "\\|") + "`");

function evidence(rule: Rule): string {
  return rule.probes
    .map((p) => {
      const r = PROBE_RESULTS[p];
      if (!r) return `${code(p)}: typeof is ${PROBE_FILE.members[p]?.typeof ?? "unknown"}`;
      return `${code(p)}: ${r.runs ? "runs" : cell(r.error ?? "fails")}`;
    })
    .join("<br>");
}

/** Member ids grouped by their global, as `Global: a, b, c` lines. */
function grouped(ids: string[], strip: (id: string) => string): string[] {
  const by = new Map<string, string[]>();
  for (const id of ids) by.set(id.split(".")[0], [...(by.get(id.split(".")[0]) ?? []), strip(id)]);
  return [...by].map(([g, names]) => `- **${g}**: ${names.map(code).join(", ")}`);
}

/** The section on the probe of every built-in member and the rules derived from it. */
function memberSection(): string[] {
  const ids = Object.keys(PROBE_FILE.members);
  const missing = ids.filter((id) => !memberExists(id));
  const globals = missing.filter((id) => !id.includes("."));
  const statics = missing.filter((id) => id.split(".").length === 2 && memberExists(id.split(".")[0]));
  const methodRules = RULES.filter((r) => r.id.startsWith("method-"));
  const flagged = new Set(methodRules.flatMap((r) => r.probes));
  const typingsOnly = missing.filter((id) => id.includes(".prototype.") && memberExists(id.split(".")[0]) && !flagged.has(id));
  return [
    "## Built-in rules",
    "",
    `Every member of every standard built-in that TypeScript's lib declarations list (ES5 to ES2023: ${ids.length}`,
    `members) was probed with \`typeof\` on the interpreter; ${ids.length - missing.length} exist. The same result`,
    "writes `types/espruino-lib.d.ts`, the typings that declare only what exists, so TypeScript flags every",
    "missing member below at its line. In JavaScript the check flags:",
    "",
    "- reads of a missing global (rule `builtin-<Global>`) or of a missing static (rule `builtin-<Global>.<name>`);",
    "- calls of a method that no built-in has, whatever the receiver (rule `method-<name>`). A program that",
    "  defines a member of that name itself is trusted; otherwise `// thincall-allow` on the line, or",
    "  `/* thincall-allow: name */` anywhere in the file, lets your own method of that name pass.",
    "",
    `### Missing globals (${globals.length})`,
    "",
    globals.map(code).join(", "),
    "",
    `### Missing statics of present globals (${statics.length})`,
    "",
    ...grouped(statics, (id) => id.split(".")[1]),
    "",
    `### Method names no built-in has (${methodRules.length}): flagged on any call`,
    "",
    methodRules.map((r) => code(r.feature)).join(", "),
    "",
    `### Prototype members missing where another built-in has the name (${typingsOnly.length}): flagged by the typings only`,
    "",
    ...grouped(typingsOnly, (id) => id.split(".")[2]),
  ];
}

/** One line naming a probed build: version, commit, board. */
const buildText = (b: ProbeBuild) => [code(b.version), b.commit && `commit ${code(b.commit)}`, b.board && `board ${code(b.board)}`, b.date && `built ${b.date}`].filter(Boolean).join(", ");

/** The emulator's member probe, when it has been run (`scripts/check/probe-emu.ts`). */
function emuProbe(): EmuProbeFile | undefined {
  return existsSync(EMU_RESULTS_FILE) ? (JSON.parse(readFileSync(EMU_RESULTS_FILE, "utf8")) as EmuProbeFile) : undefined;
}

/** The boards × features table, from each profile's `firmware` block (Espruino's board files). */
function boardSection(): string[] {
  const boards = loadAllBoards().filter((b) => b.firmware !== null);
  const yes = (v: boolean) => (v ? "yes" : "—");
  const optional = BUILTIN_MODULES.filter((m) => !boards.every((b) => b.modules!.includes(m)));
  const everywhere = BUILTIN_MODULES.filter((m) => !optional.includes(m));
  return [
    "## Boards",
    "",
    "`thincall check --board <id>` (and `thincall build`, which checks for its board) also checks what that board's",
    "Espruino build lacks, read from its board file (`boards/<NAME>.py` in Espruino's source; each profile's",
    "`firmware.sources` quotes the lines):",
    "",
    "- `require` of a built-in module the build lacks is an error (rule `board-module`); `require(\"ESP32\")` fails on",
    `  every board, as ${Object.keys(CLASSES_NOT_MODULES).map(code).join(", ")} are classes, not modules (rule \`require-class\`);`,
    "- a string with non-ASCII text warns on a build without `ESPR_UNICODE_SUPPORT`, where strings are bytes (rule `board-unicode`);",
    "- a `Date` before the year 1500 (a literal year or ISO date) is an error with `ESPR_LIMIT_DATE_RANGE` (rule `board-date-range`);",
    "- a `\"jit\"` directive warns on a build without the JIT, where it is ignored (rule `board-no-jit`);",
    `- a read of a board's own class (${BOARD_GLOBALS.map(code).join(", ")}) on a build without it is an error, unless the code`,
    "  tests `typeof X` first (rule `board-global`);",
    "- a member, syntax or module newer than the board's minimum Espruino warns, naming the version it needs",
    "  (rule `newer-than-board`; `--espruino 2v29.215` says which build the board runs).",
    "",
    "Unicode: strings hold characters (else bytes). Dates: from 1500 only (else ±1250000 years). SAVE_ON_FLASH_MATH:",
    "smaller, less exact `Math.sin` and `Math.atan`, and so `cos`, `tan` and `atan2` (src/jswrap_math.c); not flagged.",
    "JIT: the `\"jit\"` directive compiles.",
    "",
    "| board | board file | min Espruino | Unicode | dates | SAVE_ON_FLASH | JIT | classes | modules |",
    "|---|---|---|---|---|---|---|---|---|",
    ...boards.map((b) => {
      const f = b.firmware!;
      const mods = optional.filter((m) => b.modules!.includes(m));
      return `| ${code(b.id)} ${cell(b.name)} | ${code(f.boardFile)} | ${b.minVersion ?? "—"} | ${yes(f.unicode)} | ${f.limitDateRange ? "from 1500" : "full"} | ${f.saveOnFlash.join(", ") || "—"} | ${yes(b.jit)} | ${f.globals.map(code).join(" ") || "—"} | ${mods.map(code).join(" ") || "—"} |`;
    }),
    "",
    `Every board above also has ${everywhere.map(code).join(", ")}. The virtual board (QuickJS) is not Espruino: it has none of these limits.`,
    "",
    "A new board's facts come from its board file: `npx tsx scripts/boards/board-file.ts /path/to/Espruino <BOARD_NAME>` prints",
    "them (it loads the file with python3, as Espruino's build does), and `test/board-sources.test.ts` keeps every profile equal to them.",
  ];
}

/** When members, syntax and modules arrived, grouped by the change that brought them. */
function versionSection(): string[] {
  const groups = new Map<Since, string[]>();
  const add = (s: Since, what: string) => groups.set(s, [...(groups.get(s) ?? []), what]);
  for (const [id, s] of Object.entries(MEMBER_SINCE)) add(s, id);
  for (const [id, s] of Object.entries(SYNTAX_SINCE)) add(s, id.replace(/-/g, " "));
  for (const [m, s] of Object.entries(MODULE_SINCE)) add(s, `require("${m}")`);
  const emu = emuProbe();
  const newer = emu ? Object.keys(PROBE_FILE.members).filter((id) => memberExists(id) && !["function", "object", "number", "string", "boolean"].includes(emu.members[id]?.typeof ?? "undefined")) : [];
  return [
    "## Which Espruino version each feature needs",
    "",
    "The rules above hold for every 2v2x build. Some members arrived between releases: a build from Espruino's main",
    "branch reports its release and the commits after it (`process.env.VERSION` \"2v29.277\" is 277 commits after 2v29).",
    "The check warns when code uses one of these on a board whose minimum version is older (rule `newer-than-board`);",
    "a member left out by a define (`ifndef`) is an error on a board whose build sets it (rule `not-in-build`).",
    "",
    "| needs | what | source |",
    "|---|---|---|",
    ...[...groups].sort(([a], [b]) => a.version.localeCompare(b.version, "en", { numeric: true })).map(([s, what]) =>
      `| ${s.version}${s.ifndef ? ` (not with ${s.ifndef})` : ""} | ${what.map(code).join(", ")} | ${cell(s.source)} |`),
    "",
    ...(emu
      ? [
        `Probed builds: the Linux build ${buildText(PROBE_FILE.build)}; the emulator ${buildText(emu.build)}`,
        `(\`scripts/check/probe-emu.ts\`). Members the Linux build has and the emulator lacks: ${newer.map(code).join(", ") || "none"}.`,
      ]
      : [`Probed build: ${buildText(PROBE_FILE.build)}.`]),
  ];
}

/** Reads through a built-in's `prototype`, probed member by member. */
function prototypeSection(): string[] {
  const globals = [...new Set(UNREACHABLE_PROTOTYPE_MEMBERS.map((id) => id.split(".")[0]))];
  const emu = emuProbe();
  const agree = emu && UNREACHABLE_PROTOTYPE_MEMBERS.every((id) => ["undefined", "throws"].includes(emu.members[id]?.viaPrototype ?? ""));
  return [
    "## Reads through a built-in's prototype",
    "",
    "On Espruino a built-in's `prototype` object answers only `Object.prototype`'s members: `Array.prototype.slice`,",
    "`String.prototype.trim` and `Function.prototype.call` are `undefined`, so `Array.prototype.slice.call(arguments, 1)`",
    "throws \"Can't read property 'call' of undefined\". Read the method from an instance instead:",
    "`[].slice.call(arguments, 1)`, `\"\".trim.call(s)`, or write a loop. `Object.prototype.hasOwnProperty.call(o, k)` works.",
    "Assigning to a built-in's prototype (a polyfill) works. The check flags every such read (rule `prototype-read`),",
    "and the typings declare no `prototype` on those constructors.",
    "",
    `The member probe reads each prototype member both from an instance and through \`X.prototype\`:`,
    `${UNREACHABLE_PROTOTYPE_MEMBERS.length} members of ${globals.length} built-ins (${globals.map(code).join(", ")}) answer only on instances`
      + (emu ? `, on the Linux build and ${agree ? "likewise" : "NOT likewise"} on the emulator.` : "."),
  ];
}

/** The whole Markdown document. */
export function renderCompatDoc(): string {
  const version = PROBE_FILE.espruinoVersion;
  const table = (kind: Rule["kind"]) => [
    "| rule | feature | matches | probe evidence |",
    "|---|---|---|---|",
    ...RULES.filter((r) => r.kind === kind && (kind !== "builtin" || r.probes.some((p) => p in PROBE_RESULTS))).map((r) => `| ${code(r.id)} | ${cell(r.feature)} | ${cell(r.matches)} | ${evidence(r)} |`),
  ];
  const runs = FEATURES.filter((f) => PROBE_RESULTS[f.id]?.runs).map((f) => code(f.id));
  return [
    "# Espruino compatibility check",
    "",
    "<!-- Generated by scripts/check/compat-doc.ts from scripts/check/probe-results.json. Do not edit by hand. -->",
    "",
    "`thincall check <file.js…>` rejects JavaScript that the Espruino 2v2x interpreter cannot run. Every rule",
    `below comes from a probe run on the real interpreter (here ${code(version)}, the Linux build): one small`,
    "snippet per feature, counted as running only when it parses, runs and prints the right result.",
    "",
    "- Violations are printed as `file:line:column: <feature> is not supported by Espruino 2v2x (rule <id>)`,",
    "  mapped back to the TypeScript source when `<file>.js.map` sits beside the file.",
    "- A rule is active only while one of its probes fails, so re-probing a newer Espruino retires rules by itself.",
    "- `typeof X`, a local declaration or parameter named `X`, and a polyfill assignment (`Object.freeze = …`)",
    "  keep a built-in rule quiet; so do `// thincall-allow` on the line and `/* thincall-allow: name */` in the file.",
    "- A failed build lists every finding (the first ten, and a count that `thincall build --all` lifts).",
    "",
    "## Re-running the probe",
    "",
    "```sh",
    "ESPRUINO_BIN=/path/to/espruino npx thincall probe   # writes probe-results.json, the typings and this file",
    "ESPRUINO_BIN=/path/to/espruino node --import tsx --test test/check.test.ts",
    "ESPRUINO_EMU=/path/to/emu npx tsx scripts/check/probe-emu.ts   # the emulator's member probe (an older build)",
    "ESPRUINO_SRC=/path/to/Espruino node --import tsx --test test/board-sources.test.ts   # profiles against boards/*.py",
    "```",
    "",
    "The member list comes from `scripts/check/lib-members.ts` (TypeScript's lib files), probed by one script",
    "(`scripts/check/probe-members.ts`). The syntax and behaviour snippets live in `scripts/check/features.ts`. Each runs in its own interpreter process with stdin kept",
    "open (Espruino exits at end of input, before timers and promises run), and is stopped with SIGKILL (the",
    "Linux build ignores SIGTERM).",
    "",
    "## Findings worth knowing",
    "",
    "- **Nothing is hoisted.** A function declaration or `var` exists only once its statement has run, at top",
    "  level and inside functions. A call through an earlier function into a later one fails too, so the check",
    "  follows calls (direct calls, `new`, immediately invoked functions). `var x = x || {}` works: the name",
    "  exists before its own initializer runs. Inside a function, assigning before the `var` writes a global",
    "  and the `var` then makes a fresh local. TypeScript's CommonJS output (`exports.f = f;` before",
    "  `function f`) trips this rule.",
    "- **Parsing is lazy.** A syntax error inside a function body that never runs goes unnoticed, so a script",
    "  that loads fine can still fail later. That is why the check is static.",
    "- **Labels are not supported at all**: `outer:` is read as a reference to a variable `outer`.",
    "- **Class fields parse but behave differently**: instance fields are evaluated once, at class definition,",
    "  and stored on the prototype (not own properties; `this` is not the instance; an `[]` initializer is",
    "  shared by all instances). Static field initializers cannot use `this` or the class name.",
    "- **`let`/`const` in a loop head is one binding for all iterations**, so closures see the last value.",
    "  A `let` inside the loop body is fresh per iteration.",
    "- `async` is read as an identifier, so async functions fail with `ReferenceError: \"async\" is not defined`.",
    "- `new TypeError() instanceof Error` is false.",
    "- Reading a missing member of a string through a computed key throws instead of giving `undefined`:",
    "  `'ab'[k]` with `k = 'localeCompare'` raises `Field or method \"localeCompare\" does not already exist, and can't",
    "  create it on String` (the member probe records it as `throws`). `'ab'.localeCompare` is `undefined`.",
    "- Some members exist on one built-in and not on another: strings have `lastIndexOf`, arrays and typed",
    "  arrays do not. JavaScript cannot tell them apart at a call, so only the typings catch those.",
    "- A function's `name`, and a regular expression's `global`, `ignoreCase` and `multiline` read as `undefined`.",
    "",
    "## Syntax rules",
    "",
    ...table("syntax"),
    "",
    "## Scoping rules",
    "",
    ...table("scoping"),
    "",
    ...prototypeSection(),
    "",
    ...memberSection(),
    "",
    "### Rules from behaviour probes",
    "",
    "Built-ins probed by running them (a member can exist and still misbehave). `X.prototype.m` rules match any",
    "call of a method named `m`, since the receiver's type is unknown.",
    "",
    ...table("builtin"),
    "",
    ...boardSection(),
    "",
    ...versionSection(),
    "",
    "## Failures not checked",
    "",
    ...Object.entries(UNCHECKED).map(([id, why]) => `- ${code(id)} (${PROBE_RESULTS[id]?.error ?? "fails"}): ${why}`),
    "",
    "## Features that run",
    "",
    runs.join(", "),
    "",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(DOC_FILE, renderCompatDoc());
  console.log(`wrote ${DOC_FILE.pathname}`);
}
