import { readFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { loadBoard, resolveBoard } from "./boards/profile.ts";
import { commandUsage, COMMANDS, mainUsage } from "./cli/help.ts";
import { didYouMean } from "./cli/suggest.ts";
import { UserError } from "./errors.ts";
import { terminalText } from "./terminal/text.ts";

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

/** Checks a command's board, port and output file before any slow work. */
async function preflight(board: string | undefined, port: string | undefined, out?: string): Promise<void> {
  const profile = resolveBoard(board, port);
  const { checkPortExists, parsePort } = await import("./transport/open-port.ts");
  checkPortExists(parsePort(port, profile));
  if (out !== undefined) (await import("./report/results-file.ts")).checkOutputPath(out);
}

// Commands are imported when run, so `thincall boards` does not load rollup or QuickJS.
/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
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
        const flags = Object.keys(options ?? {}).map((o) => `--${o}`);
        const hint = didYouMean(unknown[1], [...flags, "--help"]);
        throw new UserError(`${command}: unknown option ${unknown[1]}${hint} (see thincall ${command} --help)`);
      }
      throw new UserError(`${command}: ${(e as Error).message.split("\n")[0]} (see thincall ${command} --help)`);
    }
  };
  switch (command) {
    case "bench": {
      const { values } = parse({
        board: { type: "string" },
        port: { type: "string" },
        baud: { type: "string" },
        to: { type: "string" },
        out: { type: "string" },
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
        n: whole(values.n as string | undefined, "--n", 8, 100000),
        styles: values.styles === undefined ? undefined : (values.styles as string).split(",").filter(Boolean),
        workload: values.workload as string | undefined,
        show: values.show as string | undefined,
      });
      return 0;
    }
    case "report": {
      const { values, positionals } = parse({ html: { type: "string" }, all: { type: "boolean" } });
      const { runReport } = await import("./report/command.ts");
      await runReport(positionals, { html: values.html as string | undefined, all: values.all as boolean | undefined });
      return 0;
    }
    case "flash": {
      const { values, positionals } = parse({
        board: { type: "string" },
        port: { type: "string" },
        baud: { type: "string" },
        to: { type: "string" },
        save: { type: "boolean" },
        timeout: { type: "string" },
      });
      if (positionals.length !== 1) throw new UserError("flash takes one file: thincall flash <entry.ts|bundle.js>");
      const to = mode(values.to as string | undefined);
      baud(values.baud as string | undefined);
      const timeoutS = seconds(values.timeout as string | undefined);
      await preflight(values.board as string | undefined, values.port as string | undefined);
      const { runFlash } = await import("./commands/flash.ts");
      await runFlash({
        file: positionals[0],
        board: values.board as string | undefined,
        port: values.port as string | undefined,
        to,
        save: values.save as boolean | undefined,
        timeoutS,
      });
      return 0;
    }
    case "build": {
      const { values, positionals } = parse({ board: { type: "string" }, all: { type: "boolean" } });
      if (values.board) loadBoard(values.board as string);
      const { runBuild } = await import("./commands/build.ts");
      await runBuild({ board: values.board as string | undefined, entries: positionals, allErrors: values.all as boolean | undefined });
      return 0;
    }
    case "check": {
      const { positionals } = parse({});
      if (positionals.length === 0) throw new UserError("check takes files: thincall check <file.js…>");
      const tsFile = positionals.find((f) => /\.(m|c)?tsx?$/.test(f));
      if (tsFile) throw new UserError(`check reads JavaScript; ${tsFile} is TypeScript: use thincall build ${tsFile} (it type-checks, bundles and checks)`);
      const { runCheck } = await import("./check/cli.ts");
      return (await runCheck(positionals)) > 0 ? 1 : 0;
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
      const { values, positionals } = parse({ force: { type: "boolean" } });
      if (positionals.length > 1) throw new UserError("init takes at most one folder: thincall init [dir]");
      (await import("./commands/init.ts")).runInit({ dir: positionals[0] ?? ".", force: values.force as boolean | undefined });
      return 0;
    }
    case "probe":
      parse({});
      await (await import("./check/probe.ts")).runProbeCommand();
      return 0;
    case "emu": {
      const { values, positionals } = parse({ from: { type: "string" } });
      const { runEmu } = await import("./commands/emu.ts");
      await runEmu(positionals[0], { from: values.from as string | undefined });
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
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    if (e instanceof UserError) {
      // Messages quote devices and files: shown as text, one line.
      process.stderr.write(`thincall: ${terminalText(e.message)}\n`);
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
