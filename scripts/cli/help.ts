/** Usage text of every command, for `thincall --help` and `thincall <command> --help`. */

/** One command's help: its usage line, a one-line summary and its options. */
export interface CommandHelp {
  usage: string;
  summary: string;
  /** Option lines: flag and what it does. */
  options?: [flag: string, text: string][];
  /** Extra lines after the options. */
  notes?: string[];
}

const BOARD: [string, string] = ["--board <id>", "board profile (see thincall boards); default $ESPRUINO_BOARD"];
const PORT: [string, string] = ["--port <port>", "serial device (/dev/ttyUSB0), tcp://host[:port], emu or virtual; default $ESPRUINO_PORT, else emu when installed, else virtual"];
const BAUD: [string, string] = ["--baud <n>", "serial baud rate; default the board's (115200); also $THINCALL_BAUD"];

/** Help of every command, in the order `thincall --help` lists them. */
export const COMMANDS: Record<string, CommandHelp> = {
  init: {
    usage: "thincall init [dir] [--force]",
    summary: "write a tsconfig.json and an example firmware/main.ts that the editor and the build agree on",
    options: [["--force", "overwrite existing files"]],
  },
  build: {
    usage: "thincall build [entry.ts…] [--board id] [--all]",
    summary: "compile, minify and check firmware for boards (every board and firmware entry by default)",
    options: [BOARD, ["--all", "list every error, not the first ones"]],
  },
  check: {
    usage: "thincall check <file.js…>",
    summary: "report JavaScript that Espruino cannot run (for .ts files use thincall build)",
    notes: ["Allow your own method named like a missing built-in: `// thincall-allow` on the line, or `/* thincall-allow: name */` in the file."],
  },
  flash: {
    usage: "thincall flash <entry.ts|bundle.js> [--board id] [--port P] [--to ram|flash] [--save] [--timeout s]",
    summary: "upload a program and stream the board's output (Ctrl-C stops)",
    options: [
      BOARD, PORT, BAUD,
      ["--to ram|flash", "run from RAM (the REPL), or write a Storage file and load() it; default the board's"],
      ["--save", "also run the program at every start, as Espruino's save does: writes it to Storage as .bootcde"],
      ["--timeout <s>", "stop streaming after s seconds; default until Ctrl-C"],
    ],
  },
  bench: {
    usage: "thincall bench [--board id] [--port P] [--to ram|flash] [--out results.jsonl] [--json] [--quick] [--runs k] [--n objects] [--styles a,b] [--workload file.ts] [--show style]",
    summary: "run the dispatch benchmark on a board and summarize it",
    options: [
      BOARD, PORT, BAUD,
      ["--to ram|flash", "where the bench runs from; default the board's"],
      ["--out <file>", "results file (JSON lines); default results/<board>-<time>.jsonl"],
      ["--json", "print the summary as JSON"],
      ["--quick", "fewer timing rounds, one run"],
      ["--runs <k>", "fresh repetitions of the whole measurement; figures are medians; default 3 (1 with --quick)"],
      ["--n <objects>", "objects per container; default from free memory (at most 257, never a power of two)"],
      ["--styles <a,b,…>", "run only these style ids"],
      ["--workload <file.ts>", "measure your own types: every style generated from the workload file (docs/workloads.md); default the built-in rects and triangles"],
      ["--show <style>", "print that style's generated code for the workload (to copy into your firmware) and run nothing"],
    ],
  },
  report: {
    usage: "thincall report <results.jsonl…> [--html report.html] [--all]",
    summary: "tables (and an HTML page) from bench results",
    options: [
      ["--html <file>", "also write an HTML report"],
      ["--all", "list every style in the tables (default: the first 100, then how many more)"],
    ],
  },
  boards: { usage: "thincall boards", summary: "list the board profiles" },
  emu: {
    usage: "thincall emu install [--from <url|file>] | thincall emu where",
    summary: "get real Espruino, emulated (the Web IDE's emulator), for board-true RAM figures without a board (--port emu)",
    options: [["--from <url|file>", "where to download the emulator files from; default the Espruino Web IDE repository"]],
  },
  web: {
    usage: "thincall web [--listen N]",
    summary: "serve a page at http://localhost:N/ that runs the bench over Web Serial or Web Bluetooth",
    options: [["--listen <N>", "port on the loopback interface; default 8090 (0 picks a free one)"]],
  },
  ports: { usage: "thincall ports", summary: "list serial ports with their USB ids, naming likely Espruino boards" },
  probe: {
    usage: "thincall probe",
    summary: "probe the Espruino interpreter at $ESPRUINO_BIN; rewrites the check's rules, the typings and docs/compat.md",
  },
};

const GLOBAL_NOTES = [
  "ports: a serial device (/dev/ttyUSB0), tcp://host[:port], or virtual (QuickJS).",
  "Without --port: $ESPRUINO_PORT, else the virtual board.",
  "thincall <command> --help shows a command's options; thincall --version its version.",
];

/** `thincall --help`. */
export function mainUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return ["thincall: fast, small dispatch for Espruino boards", "", "commands:", ...lines, "", ...GLOBAL_NOTES].join("\n");
}

/** `thincall <command> --help`. */
export function commandUsage(name: string): string {
  const c = COMMANDS[name];
  const width = Math.max(0, ...(c.options ?? []).map(([f]) => f.length));
  const options = (c.options ?? []).map(([f, t]) => `  ${f.padEnd(width)}  ${t}`);
  return [
    `usage: ${c.usage}`, "", c.summary,
    ...(options.length ? ["", "options:", ...options] : []),
    ...(c.notes?.length ? ["", ...c.notes] : []),
  ].join("\n");
}
