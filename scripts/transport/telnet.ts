/**
 * Telnet framing removed from a byte stream, one byte at a time, so a command split across TCP
 * chunks is removed just as well as a whole one. What is dropped: `IAC cmd` (2 bytes),
 * `IAC WILL|WONT|DO|DONT opt` (3 bytes) and a whole sub-negotiation `IAC SB … IAC SE`, payload
 * included. `IAC IAC` is one literal 0xff byte, in data (kept) and in a sub-negotiation (dropped).
 */
const IAC = 0xff;
const SB = 0xfa;
const SE = 0xf0;
/** WILL, WONT, DO, DONT: each takes one option byte. */
const FIRST_OPTION_COMMAND = 0xfb;

type State = "data" | "command" | "option" | "sub" | "subCommand";

/** A telnet filter that keeps its state between chunks. */
export class TelnetFilter {
  private state: State = "data";

  /** Returns the data bytes of `chunk`, without telnet framing. */
  push(chunk: Uint8Array): Buffer {
    const out = Buffer.allocUnsafe(chunk.length);
    let n = 0;
    for (const byte of chunk) {
      switch (this.state) {
        case "data":
          if (byte === IAC) this.state = "command";
          else out[n++] = byte;
          break;
        case "command":
          if (byte === IAC) {
            out[n++] = IAC;
            this.state = "data";
          } else if (byte === SB) this.state = "sub";
          else if (byte >= FIRST_OPTION_COMMAND) this.state = "option";
          else this.state = "data";
          break;
        case "option":
          this.state = "data";
          break;
        case "sub":
          if (byte === IAC) this.state = "subCommand";
          break;
        case "subCommand":
          // IAC SE ends it; IAC IAC is payload; anything else is malformed and stays inside.
          this.state = byte === SE ? "data" : "sub";
          break;
      }
    }
    return out.subarray(0, n);
  }
}
