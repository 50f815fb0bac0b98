import type { Transport, TransportEvents } from "../../scripts/transport/transport.ts";

/**
 * An in-memory transport for tests. `respond` sees each write and may answer with device output;
 * `feed` pushes output at any time; `lose` drops the link as a reset board would.
 */
export class FakeTransport implements Transport {
  readonly description = "fake";
  /** Everything written, in order. */
  readonly written: string[] = [];
  private events?: TransportEvents;
  open_ = false;

  constructor(private readonly respond?: (data: string, fake: FakeTransport) => void) {}

  async open(events: TransportEvents): Promise<void> {
    this.events = events;
    this.open_ = true;
  }

  async write(data: string): Promise<void> {
    if (!this.open_) throw new Error("fake transport is closed");
    this.written.push(data);
    this.respond?.(data, this);
  }

  /** Pushes device output to the owner. */
  feed(chunk: string): void {
    if (this.open_) this.events?.data(chunk);
  }

  /** Drops the link, as an unplugged or reset board does. */
  lose(message = "fake board lost"): void {
    if (!this.open_) return;
    this.open_ = false;
    this.events?.close(new Error(message));
  }

  async close(): Promise<void> {
    if (!this.open_) return;
    this.open_ = false;
    this.events?.close();
  }
}
