import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { resolveRunTarget } from "./boards/budget.ts";
import { loadBoard } from "./boards/profile.ts";
import { commandUsage, COMMANDS, mainUsage } from "./cli/help.ts";
import { didYouMean } from "./cli/suggest.ts";
import { UserError } from "./errors.ts";
import { endQuietlyOnClosedPipe } from "./terminal/closed-pipe.ts";
import { terminalLines, terminalText } from "./terminal/text.ts";

function mode(value: string | undefined): "ram" | "flash" | undefined {
  if (value === undefined || value === "ram" || value === "flash") return value;
  throw new UserError(`--to takes ram or flash, not "${value}"`);
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new UserError(`--timeout takes a number of seconds, not "${value}"`);
  return n;
}

function whole(value: string | undefined, flag: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UserError(`${flag} takes a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/** `--n 257` or `--n 100,257,1000`: one size, or several run one after another (each once). */
function sizes(value: string | undefined): number | number[] | undefined {
  if (value === undefined) return undefined;
  const ns = value.split(",").map((part) => whole(part.trim(), "--n", 8, 100000)!);
  if (new Set(ns).size !== ns.length) throw new UserError(`--n lists a size twice: "${value}"`);
  return ns.length === 1 ? ns[0] : ns;
}

/** `--baud`: reaches the serial transport through $THINCALL_BAUD, like the environment does. */
function baud(value: string | undefined): void {
  if (value === undefined) return;
  if (!/^\d+$/.test(value) || Number(value) <= 0) throw new UserError(`--baud takes a positive whole number, not "${value}"`);
  process.env.THINCALL_BAUD = value;
}

/** The package version, for `--version`. */
function version(): string {
  return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
}

/** The options every command that talks to a board takes, with the `espruino` CLI's short forms. */
const BOARD_LINK = {
  board: { type: "string" },
  port: { type: "string", short: "p" },
  baud: { type: "string", short: "b" },
} as const;

/** Options that mean `thincall console` when they come first, as `espruino -p /dev/ttyUSB0 -e "…"` does. */
const CONSOLE_FIRST = /^(-p|-b|-e|--port|--baud|--board)(=|$)/;

/** Checks a command's board, port and output file before any slow work. */
async function preflight(board: string | undefined, port: string | undefined, out?: string): Promise<void> {
  // An emulated budget that cannot be emulated fails here, before the build.
  const profile = resolveRunTarget(board, port).board;
  const { checkPortExists, parsePort } = await import("./transport/open-port.ts");
  checkPortExists(parsePort(port, profile));
  if (out !== undefined) (await import("./report/results-file.ts")).checkOutputPath(out);
}

// Commands are imported when run, so `thincall boards` does not load rollup or QuickJS.
/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  if (argv[0] !== undefined && CONSOLE_FIRST.test(argv[0])) argv = ["console", ...argv];
  const [command, ...rest] = argv;
  if (command === "--version" || command === "-v" || command === "version") {
    process.stdout.write(`thincall ${version()}\n`);
    return 0;
  }
  if (command && command in COMMANDS && (rest.includes("--help") || rest.includes("-h"))) {
    process.stdout.write(commandUsage(command) + "\n");
    return 0;
  }
  const parse = (options: ParseArgsConfig["options"]) => {
    try {
      const parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
      return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
    } catch (e) {
      const unknown = /Unknown option '(-{1,2}[^']+)'/.exec((e as Error).message);
      if (unknown) {
        const flags = Object.entries(options ?? {}).flatMap(([o, c]) => [`--${o}`, ...(c.short ? [`-${c.short}`] : [])]);
        // A one-letter typo is one edit from every other letter: list the short options instead.
        const shorts = flags.filter((f) => /^-\w$/.test(f));
        const hint = /^-\w$/.test(unknown[1])
          ? shorts.length > 0 ? `; short options: ${shorts.join(", ")}` : ""
          : didYouMean(unknown[1], [...flags, "--help"]);
        throw new UserError(`${command}: unknown option ${unknown[1]}${hint} (see thincall ${command} --help)`);
      }
      throw new UserError(`${command}: ${(e as Error).message.split("\n")[0]} (see thincall ${command} --help)`);
    }
  };
  switch (command) {
    case "bench": {
      const { values } = parse({
        ...BOARD_LINK,
        to: { type: "string" },
        out: { type: "string", short: "o" },
        json: { type: "boolean" },
        quick: { type: "boolean" },
        runs: { type: "string" },
        n: { type: "string" },
        styles: { type: "string" },
        workload: { type: "string" },
        show: { type: "string" },
      });
      // Bad arguments, a missing serial port or an unwritable --out fail before the build pipeline is even loaded.
      const to = mode(values.to as string | undefined);
      baud(values.baud as string | undefined);
      // --show prints code and touches no board.
      if (values.show === undefined) await preflight(values.board as string | undefined, values.port as string | undefined, values.out as string | undefined);
      const { runBench } = await import("./commands/bench.ts");
      await runBench({
        board: values.board as string | undefined,
        port: values.port as string | undefined,
        to,
        out: values.out as string | undefined,
        json: values.json as boolean | undefined,
        quick: values.quick as boolean | undefined,
        runs: whole(values.runs as string | undefined, "--runs", 1, 100),
        n: sizes(values.n as string | undefined),
        styles: values.styles === undefined ? undefined : (values.styles as string).split(",").filter(Boolean),
        workload: values.workload as string | undefined,
        show: values.show as string | undefined,
      });
      return 0;
    }
    case "report": {
      const { values, positionals } = parse({ html: { type: "string" }, all: { type: "boolean" }, program: { type: "string" } });
      const { runReport } = await import("./report/command.ts");
      await runReport(positionals, {
        html: values.html as string | undefined,
        all: values.all as boolean | undefined,
        programJsVars: whole(values.program as string | undefined, "--program", 0, 2 ** 24),
      });
      return 0;
    }
    case "flash": {
      const { values, positionals } = parse({
        ...BOARD_LINK,
        to: { type: "string" },
        save: { type: "boolean" },
        timeout: { type: "string" },
        out: { type: "string", short: "o" },
        watch: { type: "boolean" },
        "no-minify": { type: "boolean" },
      });
      if (positionals.length !== 1) throw new UserError("flash takes one file: thincall flash <entry.ts|bundle.js>");
      const to = mode(values.to as string | undefined);
      baud(values.baud as string | undefined);
      const timeoutS = seconds(values.timeout as string | undefined);
      if (values.watch && timeoutS !== undefined) throw new UserError("--watch re-uploads on every change until you leave; leave out --timeout");
      if (values.watch && values.save) throw new UserError("--watch uploads every change, --save keeps one program across resets: use one, then the other");
      await preflight(values.board as string | undefined, values.port as string | undefined);
      const { runFlash } = await import("./commands/flash.ts");
      await runFlash({
        file: positionals[0],
        board: values.board as string | undefined,
        port: values.port as string | undefined,
        to,
        save: values.save as boolean | undefined,
        timeoutS,
        bundleOut: values.out as string | undefined,
        watch: values.watch as boolean | undefined,
        minify: values["no-minify"] ? false : undefined,
      });
      return 0;
    }
    case "console": {
      const { values, positionals } = parse({ ...BOARD_LINK, eval: { type: "string", short: "e" } });
      if (positionals.length > 0) throw new UserError(`console takes no files (to upload one: thincall flash ${positionals[0]})`);
      baud(values.baud as string | undefined);
      await preflight(values.board as string | undefined, values.port as string | undefined);
      const { runConsole } = await import("./commands/console.ts");
      await runConsole({ board: values.board as string | undefined, port: values.port as string | undefined, expr: values.eval as string | undefined });
      return 0;
    }
    case "mem": {
      const { values, positionals } = parse({
        ...BOARD_LINK,
        to: { type: "string" },
        after: { type: "string" },
        depth: { type: "string" },
        min: { type: "string" },
        json: { type: "boolean" },
        html: { type: "string" },
        all: { type: "boolean" },
      });
      if (positionals.length !== 1) throw new UserError("mem takes one file: thincall mem <entry.ts|bundle.js>");
      const to = mode(values.to as string | undefined);
      baud(values.baud as string | undefined);
      const after = values.after === undefined ? undefined : Number(values.after);
      if (after !== undefined && !(after >= 0 && after <= 3600)) throw new UserError(`--after takes seconds from 0 to 3600, not "${values.after}"`);
      await preflight(values.board as string | undefined, values.port as string | undefined);
      const { runMem } = await import("./commands/mem.ts");
      await runMem({
        file: positionals[0],
        board: values.board as string | undefined,
        port: values.port as string | undefined,
        to,
        afterS: after,
        depth: whole(values.depth as string | undefined, "--depth", 1, 8),
        minCount: whole(values.min as string | undefined, "--min", 2, 100000),
        json: values.json as boolean | undefined,
        html: values.html as string | undefined,
        all: values.all as boolean | undefined,
      });
      return 0;
    }
    case "build": {
      const { values, positionals } = parse({
        board: { type: "string" },
        all: { type: "boolean" },
        out: { type: "string", short: "o" },
        watch: { type: "boolean" },
        "no-minify": { type: "boolean" },
        checked: { type: "boolean" },
      });
      if (values.board) loadBoard(values.board as string);
      if (values.out !== undefined && (positionals.length !== 1 || !values.board)) {
        throw new UserError("-o writes one bundle: give one entry and --board (thincall build app.ts --board esp32 -o app.js)");
      }
      const { runBuild } = await import("./commands/build.ts");
      await runBuild({
        board: values.board as string | undefined,
        entries: positionals,
        allErrors: values.all as boolean | undefined,
        bundleOut: values.out as string | undefined,
        watch: values.watch as boolean | undefined,
        minify: values["no-minify"] ? false : undefined,
        checked: values.checked as boolean | undefined,
      });
      return 0;
    }
    case "check": {
      const { values, positionals } = parse({ board: { type: "string" }, espruino: { type: "string" } });
      if (positionals.length === 0) throw new UserError("check takes files: thincall check [--board id] <file.js…>");
      const tsFile = positionals.find((f) => /\.(m|c)?tsx?$/.test(f));
      if (tsFile) throw new UserError(`check reads JavaScript; ${tsFile} is TypeScript: use thincall build ${tsFile} (it type-checks, bundles and checks)`);
      const espruino = values.espruino as string | undefined;
      if (espruino !== undefined && !/^\d+v\d+(\.\d+)?$/.test(espruino)) throw new UserError(`--espruino takes an Espruino version such as 2v29 or 2v29.215, not "${espruino}"`);
      const boardId = (values.board as string | undefined) ?? process.env.ESPRUINO_BOARD;
      const board = boardId ? loadBoard(boardId) : undefined;
      const { runCheck } = await import("./check/cli.ts");
      return (await runCheck(positionals, { board, espruino })) > 0 ? 1 : 0;
    }
    case "web": {
      const { values } = parse({ listen: { type: "string" } });
      const listen = values.listen === undefined ? undefined : Number(values.listen);
      if (listen !== undefined && !(Number.isInteger(listen) && listen >= 0 && listen < 65536)) {
        throw new UserError(`--listen takes a port number, not "${values.listen}"`);
      }
      const { runWeb } = await import("./commands/web.ts");
      await runWeb({ listen });
      return 0;
    }
    case "boards":
      parse({});
      (await import("./commands/boards.ts")).runBoards();
      return 0;
    case "ports":
      parse({});
      await (await import("./commands/ports.ts")).runPorts();
      return 0;
    case "init": {
      const { values, positionals } = parse({ force: { type: "boolean" }, board: { type: "string" } });
      if (positionals.length > 1) throw new UserError("init takes at most one folder: thincall init [dir]");
      (await import("./commands/init.ts")).runInit({ dir: positionals[0] ?? ".", force: values.force as boolean | undefined, board: values.board as string | undefined });
      return 0;
    }
    case "results": {
      const { values } = parse({ quick: { type: "boolean" }, dir: { type: "string" }, readme: { type: "string" }, "from-files": { type: "boolean" } });
      const { runResults } = await import("./commands/results.ts");
      const written = await runResults({
        quick: values.quick as boolean | undefined,
        dir: values.dir as string | undefined,
        readme: values.readme as string | undefined,
        fromFiles: values["from-files"] as boolean | undefined,
      });
      process.stdout.write(written.map((f) => `wrote ${f}\n`).join(""));
      return 0;
    }
    case "probe":
      parse({});
      await (await import("./check/probe.ts")).runProbeCommand();
      return 0;
    case "emu": {
      const { values, positionals } = parse({ from: { type: "string" }, "allow-unknown": { type: "boolean" } });
      const { runEmu } = await import("./commands/emu.ts");
      await runEmu(positionals[0], { from: values.from as string | undefined, allowUnknown: values["allow-unknown"] === true });
      return 0;
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(mainUsage() + "\n");
      return command === undefined ? 1 : 0;
    default: {
      const names = Object.keys(COMMANDS);
      throw new UserError(`unknown command "${command}"${didYouMean(command, [...names, "--help", "--version"])} (commands: ${names.join(", ")})`);
    }
  }
}

/** Entry point: one-line errors, never a stack trace (unless THINCALL_DEBUG is set). */
export async function run(argv: string[]): Promise<void> {
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    if (e instanceof UserError) {
      // Messages quote devices and files: shown as text; a list of errors keeps one error a line.
      process.stderr.write(`thincall: ${e.lines ? terminalLines(e.message) : terminalText(e.message)}\n`);
      process.exitCode = e.exitCode;
    } else {
      const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
      process.stderr.write(`thincall: internal error: ${terminalText(msg)}\n`);
      if (process.env.THINCALL_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
      process.exitCode = 2;
    }
  }
  // A board link or a QuickJS instance must not keep a finished command alive.
  setImmediate(() => process.exit(process.exitCode ?? 0)).unref();
}

if (process.argv[1] && /cli\.ts$/.test(process.argv[1])) await run(process.argv.slice(2));
