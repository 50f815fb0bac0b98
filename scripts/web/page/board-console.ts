import { ConsoleSession } from "../../console/session.ts";
import { cleanLine } from "../../console/lines.ts";
import { isSyncAnswer } from "../../protocol/sync-token.ts";
import { terminalText } from "../../terminal/text.ts";
import type { Transport } from "../../transport/transport.ts";

/**
 * The console pane's link to the board, as the Web IDE's left pane: opened by Connect (or by
 * Send to board), kept until Disconnect, a lost link, or a bench run (which opens its own). What
 * the board prints goes to `show` line by line, without the uploader's sync answers.
 */
export class PageConsole {
  private session?: ConsoleSession;

  constructor(
    private readonly show: (line: string) => void,
    /** Told when the link opens (with its name) or ends. */
    private readonly changed: (description: string | undefined) => void,
  ) {}

  get connected(): boolean {
    return this.session !== undefined;
  }

  /** The open session, or a new one over `transport()`; the link opens before anything is awaited, so a click may call this. */
  async open(transport: () => Transport): Promise<ConsoleSession> {
    if (this.session) return this.session;
    const link = transport();
    const session = new ConsoleSession(link);
    await session.open();
    this.session = session;
    session.onLine((line) => {
      if (!isSyncAnswer(cleanLine(line))) this.show(terminalText(line));
    });
    session.onClose(() => {
      if (this.session !== session) return;
      this.session = undefined;
      this.changed(undefined);
    });
    this.changed(link.description);
    return session;
  }

  /** Sends text as typed (a line with its `\n`, or a Ctrl-C). */
  async send(text: string): Promise<void> {
    if (!this.session) throw new Error("not connected: press Connect first");
    await this.session.send(text);
  }

  /** Closes the link, if open. */
  async close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (!session) return;
    await session.close().catch(() => undefined);
    this.changed(undefined);
  }
}
