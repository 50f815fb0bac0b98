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

const BOARD: [string, string] = ["--board <id>", "board profile, or Espruino's board name (ESP32, BANGLEJS2, PICO_R1_3…; see thincall boards); default $ESPRUINO_BOARD"];
const PORT: [string, string] = ["-p, --port <port>", "serial device (/dev/ttyUSB0), tcp://host[:port], emu or virtual; default $ESPRUINO_PORT, else emu when installed, else virtual"];
const BUDGET_NOTE = "With --port emu and --board <id>: the emulator reserves JsVars after boot so the program sees that board's free JsVars (boards with more than the emulator's cannot be emulated).";
const BAUD: [string, string] = ["-b, --baud <n>", "serial baud rate; default the board's (115200); also $THINCALL_BAUD"];

const BUNDLE_OUT: [string, string] = ["-o, --out <file>", "also write the bundle to this file"];
const NO_MINIFY: [string, string] = ["--no-minify", "keep names and one statement a line, to read what runs (slower on the board: it runs from source text)"];

/** Help of every command, in the order `thincall --help` lists them. */
export const COMMANDS: Record<string, CommandHelp> = {
  init: {
    usage: "thincall init [dir] [--board id] [--force]",
    summary: "write a tsconfig.json and an example firmware/main.ts that the editor and the build agree on",
    options: [["--board <id>", "the board whose globals the editor knows (LED1, I2C1, g…); default: only what every board has"], ["--force", "overwrite existing files"]],
  },
  build: {
    usage: "thincall build [entry.ts…] [--board id] [--all] [-o file] [--watch] [--no-minify] [--checked]",
    summary: "compile, minify and check firmware for boards (every board and firmware entry by default)",
    options: [
      BOARD, ["--all", "list every error, not the first ones"],
      ["-o, --out <file>", "write the bundle to this file too (one entry and --board)"],
      ["--watch", "build again whenever a source changes, until Ctrl-C"],
      NO_MINIFY,
      ["--checked", "keep the core's development checks (missing methods, a second callOnce's message; docs/core.md)"],
    ],
  },
  check: {
    usage: "thincall check [--board id] [--espruino version] <file.js…>",
    summary: "report JavaScript that Espruino cannot run (for .ts files use thincall build)",
    options: [
      ["--board id", "also check that board's build: its modules, Unicode strings, date range, and members newer than its minimum Espruino (default $ESPRUINO_BOARD)"],
      ["--espruino version", "the Espruino build the code will run on (2v29.215): members newer than it warn; default the board's minimum"],
    ],
    notes: [
      "Warnings (`warning:`) do not fail the check; errors do.",
      "Allow your own method named like a missing built-in: `// thincall-allow` on the line, or `/* thincall-allow: name */` in the file.",
    ],
  },
  flash: {
    usage: "thincall flash <entry.ts|bundle.js> [--board id] [-p port] [--to ram|flash] [--save] [--timeout s] [-o file] [--watch] [--no-minify]",
    summary: "upload a program and stream the board's output; what you type goes to its REPL (Ctrl-C twice or Ctrl-D leaves)",
    options: [
      BOARD, PORT, BAUD,
      ["--to ram|flash", "run from RAM (the REPL), or write a Storage file and load() it; default the board's"],
      ["--save", "also run the program at every start, as Espruino's save does: writes it to Storage as .bootcde"],
      ["--timeout <s>", "stop streaming after s seconds (no typing to the board); default until you leave"],
      BUNDLE_OUT,
      ["--watch", "build and upload again whenever a source changes"],
      NO_MINIFY,
    ],
    notes: [BUDGET_NOTE],
  },
  console: {
    usage: "thincall console [--board id] [-p port] [-b baud] [-e expr]",
    summary: "type into the board's REPL, as in the Web IDE's left pane; with -e, print one expression's value",
    options: [
      BOARD, PORT, BAUD,
      ["-e, --eval <expr>", "run expr on the board, print its value and leave (an exception: exit 1)"],
    ],
    notes: [
      "From a terminal, keys go to the board as you type; Ctrl-C goes to the board (it stops running code), a second Ctrl-C within a second, or Ctrl-D, leaves.",
      "From a pipe (echo 'digitalWrite(LED1,1)' | thincall console), lines go to the board and the console leaves when they have run.",
      "thincall -p <port> [-e expr] is thincall console, as in the espruino CLI.",
      BUDGET_NOTE,
    ],
  },
  mem: {
    usage: "thincall mem <entry.ts|bundle.js> [--board id] [--port P] [--to ram|flash] [--after s] [--depth d] [--json] [--html file] [--all]",
    summary: "upload a program, let it run, and map where its RAM went: each global, code and data, and what groups of items would cost in each thin style",
    options: [
      BOARD, PORT, BAUD,
      ["--to ram|flash", "run from RAM (the REPL), or write a Storage file and load() it; default the board's"],
      ["--after <s>", "seconds the program runs before the map; default 2"],
      ["--depth <d>", "E.getSizeOf depth: 1 each global, 2 their members too, …; default 1"],
      ["--min <n>", "fewest items of one class or shape that make a group; default 8"],
      ["--json", "print the map as JSON"],
      ["--html <file>", "also write a page with charts"],
      ["--all", "list every global (default: the first 40)"],
    ],
    notes: [BUDGET_NOTE],
  },
  bench: {
    usage: "thincall bench [--board id] [-p port] [--to ram|flash] [--out results.jsonl] [--json] [--quick] [--runs k] [--n objects[,objects…]] [--styles a,b] [--workload file.ts] [--show style]",
    summary: "run the dispatch benchmark on a board and summarize it",
    options: [
      BOARD, PORT, BAUD,
      ["--to ram|flash", "where the bench runs from; default the board's"],
      ["-o, --out <file>", "results file (JSON lines); default results/<board>-<time>.jsonl"],
      ["--json", "print the summary as JSON"],
      ["--quick", "fewer timing rounds, one run"],
      ["--runs <k>", "fresh repetitions of the whole measurement; figures are medians; default 3 (1 with --quick)"],
      ["--n <objects>", "objects per container; default from free memory (at most 257, never a power of two); several (--n 257,100,1000) run one after another, smallest first (the first listed is the headline), and the table shows how each figure moves with N"],
      ["--styles <a,b,…>", "run only these style ids"],
      ["--workload <file.ts>", "measure your own types: every style generated from the workload file (docs/workloads.md); default the built-in rects and triangles"],
      ["--show <style>", "print that style's generated code for the workload (to copy into your firmware) and run nothing"],
    ],
    notes: [BUDGET_NOTE],
  },
  report: {
    usage: "thincall report <results.jsonl…> [--html report.html] [--all] [--program JsVars]",
    summary: "tables (and an HTML page) from bench results",
    options: [
      ["--html <file>", "also write an HTML report"],
      ["--all", "list every style in the tables (default: the first 100, then how many more)"],
      ["--program <JsVars>", "your program's JsVars (thincall mem's \"your program\"), deducted from each board's free JsVars in the capacity projection; default none (an empty program)"],
    ],
  },
  results: {
    usage: "thincall results [--quick] [--dir docs/results] [--readme README.md] [--from-files]",
    summary: "regenerate the published figures (docs/results/, the README's figures block) from fresh runs on Espruino for Linux ($ESPRUINO_BIN) and the emulator",
    options: [
      ["--quick", "fewer timing rounds, one run per size: to try the command, not to publish"],
      ["--dir <folder>", "where the results files go; default docs/results"],
      ["--readme <file>", "the README whose figures block (between its results markers) is rewritten; default README.md"],
      ["--from-files", "no run: rewrite the pages and the README's block from the results files already in --dir"],
    ],
  },
  boards: { usage: "thincall boards", summary: "list the board profiles" },
  emu: {
    usage: "thincall emu install [--from <https-url|path>] [--allow-unknown] | thincall emu where",
    summary: "get real Espruino, emulated (the Web IDE's emulator), for board-true RAM figures without a board (--port emu)",
    options: [["--from <url|file>", "where to download the emulator files from; default the Espruino Web IDE repository"]],
  },
  web: {
    usage: "thincall web [--listen N]",
    summary: "serve a page at http://localhost:N/ that runs the bench, a console and your own program over Web Serial or Web Bluetooth",
    options: [["--listen <N>", "port on the loopback interface; default 8090 (0 picks a free one)"]],
  },
  ports: { usage: "thincall ports", summary: "list serial ports with their USB ids, naming likely Espruino boards" },
  probe: {
    usage: "thincall probe",
    summary: "probe the Espruino interpreter at $ESPRUINO_BIN; rewrites the check's rules, the typings and docs/compat.md",
  },
};

const GLOBAL_NOTES = [
  "ports: a serial device (/dev/ttyUSB0), tcp://host[:port], emu (thincall emu install) or virtual (QuickJS).",
  "Without --port: $ESPRUINO_PORT, else the emulator when installed (thincall emu install), else the virtual board.",
  "thincall -p <port> [-e expr]: the board's console (thincall console), as in the espruino CLI.",
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
