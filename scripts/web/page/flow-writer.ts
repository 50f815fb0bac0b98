/**
 * Chunked writes with flow control, over a `write(data, done)` that sends everything it is given
 * at once (`@espruino-tools/uart`'s Web Serial path is one `writer.write` per call, with no
 * chunking and no XON/XOFF). Data goes out in chunks of at most `chunkBytes`, one at a time, each
 * sent only after the previous one was handed to the link, and never while the board has said
 * XOFF (Ctrl-S, 0x13) and not yet XON (Ctrl-Q, 0x11): Espruino sends those when its input buffer
 * fills.
 */

const XON = "\x11";
const XOFF = "\x13";

/** The low-level write: `done` is called once the data has been handed to the link. */
export type RawWrite = (data: string, done: () => void) => void;

export class FlowWriter {
  private paused = false;
  private resume: Array<() => void> = [];
  private queue: Promise<void> = Promise.resolve();
  private failure?: Error;
  private pending: Array<(e: Error) => void> = [];

  /** @param chunkBytes largest single write. @default 64 */
  constructor(private readonly raw: RawWrite, readonly chunkBytes = 64) {}

  /** Feeds received bytes, to watch for XON/XOFF. */
  received(data: string): void {
    const on = data.lastIndexOf(XON);
    const off = data.lastIndexOf(XOFF);
    if (off > on) this.paused = true;
    else if (on > off) {
      this.paused = false;
      for (const go of this.resume.splice(0)) go();
    }
  }

  /** Whether the board has asked us to wait. */
  get isPaused(): boolean {
    return this.paused;
  }

  /** Sends `data` in order after every earlier write; resolves when its last chunk is out. */
  write(data: string): Promise<void> {
    const next = this.queue.then(() => this.send(data));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Fails every pending and future write (the link is gone). */
  fail(error: Error): void {
    this.failure = error;
    for (const reject of this.pending.splice(0)) reject(error);
  }

  private async send(data: string): Promise<void> {
    for (let at = 0; at < data.length; at += this.chunkBytes) {
      if (this.paused) await this.wait((go) => this.resume.push(go));
      await this.wait((done) => this.raw(data.slice(at, at + this.chunkBytes), done));
    }
  }

  /** Runs `start(done)` and waits for `done`, or for the link to fail. */
  private wait(start: (done: () => void) => void): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const fail = (e: Error) => reject(e);
      this.pending.push(fail);
      start(() => {
        this.pending = this.pending.filter((f) => f !== fail);
        resolve();
      });
    });
  }
}
