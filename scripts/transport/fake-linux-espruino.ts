import { syncAnswer, syncRequestNumber } from "../console/sync-token.ts";
import { FakeTransport } from "./fake.ts";

/** How the fake reads its console while code runs. */
export type FakeConsoleKind = "pty" | "telnet";

/**
 * A model of Ctrl-C on Espruino 2v29 built for Linux, as measured (see docs in
 * scripts/console/stop-board.ts), for tests:
 * - at the prompt, Ctrl-C prints "Press Ctrl-C again to exit"; a second within 5 s ends it;
 * - behind a pty, Ctrl-C on busy code enters the debugger (`debug>`), where lines are debugger
 *   commands (`print x` answers `=x`), and Ctrl-C there breaks execution and arms the exit;
 * - behind telnet, nothing is read while code runs.
 * A line `while(1){}` makes it busy; `reset();` prints the banner. Time comes from `now`.
 */
export class FakeLinuxEspruino {
  readonly transport: FakeTransport;
  busy = false;
  inDebugger = false;
  exited = false;
  /** Ctrl-C bytes received. */
  ctrlCs = 0;
  private armedUntil = -Infinity;
  private pending = "";
  private queued = "";

  constructor(
    private readonly kind: FakeConsoleKind = "pty",
    private readonly now: () => number = Date.now,
  ) {
    this.transport = new FakeTransport((data) => this.receive(data));
  }

  /** Makes it busy, as code that never returns. */
  runForever(): void {
    this.busy = true;
  }

  private receive(data: string): void {
    if (this.exited) return;
    if (this.busy && !this.inDebugger) {
      // A pty still sees Ctrl-C (a signal-like interrupt); telnet reads nothing while busy.
      this.queued += data;
      if (this.kind === "pty" && data.includes("\x03")) {
        this.ctrlCs++;
        this.inDebugger = true;
        this.transport.feed(":1:1\r\n       ^\r\ndebug>");
        const queued = this.queued.replace(/\x03/, "");
        this.queued = "";
        this.input(queued);
      }
      return;
    }
    this.input(data);
  }

  private input(data: string): void {
    for (const ch of data) {
      if (this.exited) return;
      if (ch === "\x03") this.ctrlC();
      else if (ch === "\n") {
        const line = this.pending.replace(/^\x10/, "");
        this.pending = "";
        this.line(line);
      } else this.pending += ch;
    }
  }

  private ctrlC(): void {
    this.ctrlCs++;
    // Ctrl-C clears the line being typed.
    this.pending = "";
    if (this.inDebugger) {
      this.inDebugger = false;
      this.busy = false;
      this.armedUntil = this.now() + 5000;
      this.transport.feed("\r\x1b[J\x08\x08\x08\x08\x08Execution Interrupted\r\nPress Ctrl-C again to exit\r\n>");
    } else if (this.now() < this.armedUntil) {
      this.exited = true;
      this.transport.lose("the interpreter exited");
    } else {
      this.armedUntil = this.now() + 5000;
      this.transport.feed("\r\x1b[JPress Ctrl-C again to exit\r\n>");
    }
  }

  private line(line: string): void {
    const sync = syncRequestNumber(line);
    if (this.inDebugger) {
      this.transport.feed(sync !== null ? `="${syncAnswer(sync)}"\r\ndebug>` : "debug>");
      return;
    }
    if (this.busy) return;
    if (sync !== null) this.transport.feed(`${syncAnswer(sync)}\r\n>`);
    else if (line === "reset();") this.transport.feed(" ____                 _ \r\n 2v29 (c) 2026 G.Williams\r\n\r\n>");
    else if (line === "while(1){}") this.busy = true;
    else this.transport.feed(">");
  }
}
