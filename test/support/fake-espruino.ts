import { parse } from "acorn";
import { syncAnswer, syncRequestNumber } from "../../scripts/protocol/sync-token.ts";
import { protocolLine } from "../../scripts/protocol/line-hash.ts";
import { FakeTransport } from "./fake-transport.ts";

/**
 * Which Espruino the fake is, for Ctrl-C: a microcontroller board, or the Linux build read through
 * a pty or telnet (see {@link FakeEspruino}).
 */
export type FakeEspruinoKind = "board" | "linux-pty" | "linux-telnet";

/** Options of {@link FakeEspruino}. */
export interface FakeEspruinoOptions {
  /** @default "board" */
  kind?: FakeEspruinoKind;
  /** The clock (ms) for the Linux build's 5 s Ctrl-C window and {@link FakeEspruino.startedAt}. @default Date.now */
  now?: () => number;
  /** Called once, when the uploaded program starts (see {@link FakeEspruino.started}). */
  onProgramStart?: (board: FakeEspruino) => void;
}

/**
 * An Espruino console for tests, on an in-memory {@link FakeTransport} (test/fake-espruino-server.ts
 * serves it over TCP for the CLI). It reads lines (leading control bytes such as DLE dropped),
 * answers the host's sync `print("TC"+"SYNC<n>")` with `TCSYNC<n>` and a prompt, prints the banner
 * on `reset();` and keeps every other line as the program's code.
 *
 * Ctrl-C, as measured on Espruino 2v29 (see scripts/console/stop-board.ts):
 * - on a board, it interrupts busy code ("Execution Interrupted") or clears the line being typed;
 * - on the Linux build, at the prompt it prints "Press Ctrl-C again to exit", and a second within
 *   5 s ends the interpreter; behind a pty, Ctrl-C on busy code enters the debugger (`debug>`),
 *   where lines are debugger commands (`print x` answers `=x`), and Ctrl-C there breaks execution
 *   and arms the exit; behind telnet, nothing is read while code runs.
 * A line `while(1){}` (or {@link runForever}) makes it busy.
 *
 * When does an uploaded program start? On a board the program runs statement by statement as it
 * arrives, and the bench's last top-level statement is `setTimeout(start, 0)`. The host sends code
 * in complete statements and syncs after each piece, so at each sync the code received so far
 * parses; the program starts at the first sync where the last top-level statement received is a
 * call to `setTimeout` (after minification too: terser may fold it into a sequence
 * `a(),setTimeout(…)`, but keeps the global call). Earlier `setTimeout` calls in the bench sit
 * inside functions, so they never match. Unlike a byte count or a sync count, this does not depend
 * on the bundle's size or on how it is cut into pieces; unlike a quiet period, it needs no timer.
 * Like a real board, the program then prints at once: if the host still synced after that
 * statement, a board lost right then fails the upload.
 */
export class FakeEspruino {
  readonly transport: FakeTransport;
  busy = false;
  inDebugger = false;
  exited = false;
  /** Ctrl-C bytes received. */
  ctrlCs = 0;
  /** Syncs answered. */
  syncs = 0;
  /** Bytes of code lines received (`reset();` included). */
  codeBytes = 0;
  /** Every line received, control bytes dropped, in order (code, syncs, `reset();`). */
  readonly received: string[] = [];
  /** Whether the uploaded program has started, and when (`now()`). */
  started = false;
  startedAt = 0;
  /** The program's code lines since the last `reset();`. */
  private code: string[] = [];
  private readonly kind: FakeEspruinoKind;
  private readonly now: () => number;
  private armedUntil = -Infinity;
  private pending = "";
  private queued = "";

  constructor(private readonly options: FakeEspruinoOptions = {}) {
    this.kind = options.kind ?? "board";
    this.now = options.now ?? Date.now;
    this.transport = new FakeTransport((data) => this.receive(data));
  }

  /** Makes it busy, as code that never returns. */
  runForever(): void {
    this.busy = true;
  }

  /** Prints console output. */
  print(text: string): void {
    this.transport.feed(text);
  }

  /**
   * Prints one protocol record (`@tc2 {...} <hash>`) as the bench's timer output does: with the run
   * id the host put in the program's first line, its hash, and split over two writes.
   */
  printRecord(record: object): void {
    const settings = this.code.find((l) => l.startsWith("var THINCALL_RUN="));
    const id = settings ? (JSON.parse(settings.slice("var THINCALL_RUN=".length).replace(/;$/, "")) as { r: string }).r : "";
    const text = `\r\x1b[J${protocolLine(JSON.stringify({ ...record, r: id }))}\r\n>`;
    const cut = text.length >> 1;
    this.print(text.slice(0, cut));
    this.print(text.slice(cut));
  }

  private receive(data: string): void {
    if (this.exited) return;
    if (this.busy && !this.inDebugger) {
      // A board and a pty still see Ctrl-C (an interrupt); telnet reads nothing while busy.
      this.queued += data;
      if (this.kind === "linux-telnet" || !data.includes("\x03")) return;
      this.ctrlCs++;
      if (this.kind === "linux-pty") {
        this.inDebugger = true;
        this.print(":1:1\r\n       ^\r\ndebug>");
      } else {
        this.busy = false;
        this.print("\r\nExecution Interrupted\r\n>");
      }
      const queued = this.queued.replace(/\x03/, "");
      this.queued = "";
      this.input(queued);
      return;
    }
    this.input(data);
  }

  private input(data: string): void {
    for (const ch of data) {
      if (this.exited) return;
      if (ch === "\x03") this.ctrlC();
      else if (ch === "\n") {
        const line = this.pending.replace(/\r$/, "").replace(/^[\x00-\x1f]+/, "");
        this.pending = "";
        this.line(line);
      } else this.pending += ch;
    }
  }

  private ctrlC(): void {
    this.ctrlCs++;
    // Ctrl-C clears the line being typed.
    this.pending = "";
    if (this.kind === "board") return;
    if (this.inDebugger) {
      this.inDebugger = false;
      this.busy = false;
      this.armedUntil = this.now() + 5000;
      this.print("\r\x1b[J\x08\x08\x08\x08\x08Execution Interrupted\r\nPress Ctrl-C again to exit\r\n>");
    } else if (this.now() < this.armedUntil) {
      this.exited = true;
      this.transport.lose("the interpreter exited");
    } else {
      this.armedUntil = this.now() + 5000;
      this.print("\r\x1b[JPress Ctrl-C again to exit\r\n>");
    }
  }

  private line(line: string): void {
    this.received.push(line);
    const sync = syncRequestNumber(line);
    if (this.inDebugger) {
      this.print(sync !== null ? `="${syncAnswer(sync)}"\r\ndebug>` : "debug>");
      return;
    }
    if (this.busy) return;
    if (sync !== null) {
      this.syncs++;
      this.print(`${syncAnswer(sync)}\r\n>`);
      if (!this.started && this.programStarted()) {
        this.started = true;
        this.startedAt = this.now();
        this.options.onProgramStart?.(this);
      }
      return;
    }
    this.codeBytes += line.length + 1;
    if (line === "reset();") {
      this.code = [];
      this.print(" ____                 _ \r\n 2v29 (c) 2026 G.Williams\r\n\r\n>");
    } else if (line === "while(1){}") this.busy = true;
    else {
      this.code.push(line);
      this.print(">");
    }
  }

  /** Whether the last top-level statement received so far calls `setTimeout` (see the class doc). */
  private programStarted(): boolean {
    let program;
    try {
      program = parse(this.code.join("\n"), { ecmaVersion: "latest" });
    } catch {
      return false;
    }
    const last = program.body.at(-1);
    if (!last || last.type !== "ExpressionStatement") return false;
    let expr = last.expression;
    if (expr.type === "SequenceExpression") expr = expr.expressions.at(-1)!;
    return expr.type === "CallExpression" && expr.callee.type === "Identifier" && expr.callee.name === "setTimeout";
  }
}
