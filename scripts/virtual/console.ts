import { isComplete } from "./balance.ts";

/** Where the line discipline sends its results. */
export interface ConsoleSink {
  /** Characters to show (echo of typed input). */
  echo(text: string): void;
  /** A complete statement; `echo` tells whether its last line had echo on (so `=value` is shown). */
  execute(source: string, echo: boolean): void;
  /** An empty line was entered. */
  emptyLine(echo: boolean): void;
  /** Ctrl-C arrived in the input. */
  ctrlC(): void;
}

const DLE = "\x10";
const ESC = "\x1b";

/**
 * Espruino's REPL input handling: characters are echoed unless the line started with DLE (0x10);
 * at a line end the input so far runs if its brackets balance, otherwise the next line continues it
 * (echo shows `:` as the continuation prompt). CR, LF and CR LF all end a line.
 */
export class LineDiscipline {
  /** Earlier lines of an unfinished statement, each ending with `\n`. */
  private statement = "";
  /** The line being typed. */
  private line = "";
  private echoOffForLine = false;
  private lastWasCR = false;
  private inEscape = false;

  constructor(private readonly sink: ConsoleSink) {}

  /** The line being typed and whether it is echoed, to redraw it after the prompt. */
  get pendingLine(): { text: string; echo: boolean } {
    return { text: this.line, echo: !this.echoOffForLine };
  }

  /** Drops whatever has been typed (Ctrl-C). */
  clear(): void {
    this.statement = "";
    this.line = "";
    this.echoOffForLine = false;
  }

  /** Feeds input bytes; statements run synchronously as their lines complete. */
  feed(bytes: string): void {
    for (const c of bytes) {
      const afterCR = this.lastWasCR;
      this.lastWasCR = c === "\r";
      if (this.inEscape) {
        // Skip terminal escape sequences (arrow keys): ESC [ params final-letter.
        if (/[A-Za-z~]/.test(c)) this.inEscape = false;
        continue;
      }
      if (c === "\x03") this.sink.ctrlC();
      else if (c === "\r" || (c === "\n" && !afterCR)) this.endLine();
      else if (c === DLE && this.line === "") this.echoOffForLine = true;
      else if (c === "\x08" || c === "\x7f") this.backspace();
      else if (c === ESC) this.inEscape = true;
      else if (c >= " " || c === "\t") {
        this.line += c;
        if (!this.echoOffForLine) this.sink.echo(c);
      }
    }
  }

  private backspace(): void {
    if (this.line === "") return;
    this.line = this.line.slice(0, -1);
    if (!this.echoOffForLine) this.sink.echo("\x08 \x08");
  }

  private endLine(): void {
    const echo = !this.echoOffForLine;
    const source = this.statement + this.line;
    this.line = "";
    this.echoOffForLine = false;
    if (echo) this.sink.echo("\r\n");
    if (source.trim() === "") {
      this.statement = "";
      this.sink.emptyLine(echo);
    } else if (isComplete(source)) {
      this.statement = "";
      this.sink.execute(source, echo);
    } else {
      this.statement = source + "\n";
      if (echo) this.sink.echo(":");
    }
  }
}
