import { parseArgs, type ParseArgsConfig } from "node:util";
import { loadBoard, resolveBoard } from "./boards/profile.ts";
import { UserError } from "./errors.ts";
import { terminalText } from "./report/terminal-text.ts";

const USAGE = `thincall: fast, small dispatch for Espruino boards

usage:
  thincall bench  [--board id] [--port P] [--to ram|flash] [--out results.jsonl] [--json] [--quick]
  thincall report <results.jsonl…> [--html report.html]
  thincall flash  <entry.ts|bundle.js> [--board id] [--port P] [--to ram|flash] [--timeout s]
  thincall build  [--board id] [entry.ts…]
  thincall check  <file.js…>
  thincall boards

ports: a serial device (/dev/ttyUSB0), tcp://host[:port], or virtual (QuickJS).
Without --port: $ESPRUINO_PORT, else the virtual board.`;

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
  const parse = (options: ParseArgsConfig["options"]) => {
    try {
      const parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
      return { values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals };
    } catch (e) {
      throw new UserError(`${(e as Error).message.split("\n")[0]} (see thincall --help)`);
    }
  };
  switch (command) {
    case "bench": {
      const { values } = parse({
        board: { type: "string" },
        port: { type: "string" },
        to: { type: "string" },
        out: { type: "string" },
        json: { type: "boolean" },
        quick: { type: "boolean" },
      });
      // Bad arguments, a missing serial port or an unwritable --out fail before the build pipeline is even loaded.
      const to = mode(values.to as string | undefined);
      await preflight(values.board as string | undefined, values.port as string | undefined, values.out as string | undefined);
      const { runBench } = await import("./commands/bench.ts");
      await runBench({
        board: values.board as string | undefined,
        port: values.port as string | undefined,
        to,
        out: values.out as string | undefined,
        json: values.json as boolean | undefined,
        quick: values.quick as boolean | undefined,
      });
      return 0;
    }
    case "report": {
      const { values, positionals } = parse({ html: { type: "string" } });
      const { runReport } = await import("./report/command.ts");
      await runReport(positionals, { html: values.html as string | undefined });
      return 0;
    }
    case "flash": {
      const { values, positionals } = parse({
        board: { type: "string" },
        port: { type: "string" },
        to: { type: "string" },
        timeout: { type: "string" },
      });
      if (positionals.length !== 1) throw new UserError("flash takes one file: thincall flash <entry.ts|bundle.js>");
      const to = mode(values.to as string | undefined);
      const timeoutS = seconds(values.timeout as string | undefined);
      await preflight(values.board as string | undefined, values.port as string | undefined);
      const { runFlash } = await import("./commands/flash.ts");
      await runFlash({
        file: positionals[0],
        board: values.board as string | undefined,
        port: values.port as string | undefined,
        to,
        timeoutS,
      });
      return 0;
    }
    case "build": {
      const { values, positionals } = parse({ board: { type: "string" } });
      if (values.board) loadBoard(values.board as string);
      const { runBuild } = await import("./commands/build.ts");
      await runBuild({ board: values.board as string | undefined, entries: positionals });
      return 0;
    }
    case "check": {
      const { positionals } = parse({});
      if (positionals.length === 0) throw new UserError("check takes files: thincall check <file.js…>");
      const { runCheck } = await import("./check/cli.ts");
      return (await runCheck(positionals)) > 0 ? 1 : 0;
    }
    case "boards":
      parse({});
      (await import("./commands/boards.ts")).runBoards();
      return 0;
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(USAGE + "\n");
      return command === undefined ? 1 : 0;
    default:
      throw new UserError(`unknown command "${command}"; commands: bench, report, flash, build, check, boards`);
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
