/**
 * Telnet framing removed from a byte stream, one byte at a time, so a command split across TCP
 * chunks is removed just as well as a whole one (RFC 854, sub-negotiation as RFC 855). What is
 * dropped: `IAC cmd` (2 bytes), `IAC WILL|WONT|DO|DONT opt` (3 bytes) and a whole sub-negotiation
 * `IAC SB opt … IAC SE`, payload included. `IAC IAC` is one literal 0xff byte, in data (kept) and
 * in a sub-negotiation (dropped).
 *
 * Espruino's telnet console does not escape 0xff in what a program prints, so `IAC SB` can be
 * plain output that never ends. A sub-negotiation is therefore bounded: one that meets a line
 * break, or grows past {@link SUB_NEGOTIATION_LIMIT} bytes, was not one, and its bytes are given
 * back as data, so no later byte (a sync answer) is swallowed. `IAC` followed by another command
 * inside one ends it (RFC 855 allows nothing but `SE` or `IAC` there), and that command is read.
 * `IAC` followed by a byte that is no command at all (below `SE`, 0xf0) is no telnet: it is a
 * program's own 0xff, kept as data with the byte after it (and any would-be sub-negotiation before).
 */
const IAC = 0xff;
const SB = 0xfa;
const SE = 0xf0;
const CR = 0x0d;
const LF = 0x0a;
/** WILL, WONT, DO, DONT: each takes one option byte. */
const FIRST_OPTION_COMMAND = 0xfb;

/**
 * Longest sub-negotiation, `IAC SB` to `IAC SE` included: real ones (terminal type, window size)
 * are under 40 bytes. @default 64
 */
export const SUB_NEGOTIATION_LIMIT = 64;

type State = "data" | "command" | "option" | "sub" | "subCommand";

/** A telnet filter that keeps its state between chunks. */
export class TelnetFilter {
  private state: State = "data";
  /** The bytes of the sub-negotiation under way, from its `IAC SB`: given back if it was none. */
  private sub: number[] = [];

  /** Returns the data bytes of `chunk`, without telnet framing. */
  push(chunk: Uint8Array): Buffer {
    const out: number[] = [];
    for (const byte of chunk) this.step(byte, out);
    return Buffer.from(out);
  }

  private step(byte: number, out: number[]): void {
    switch (this.state) {
      case "data":
        if (byte === IAC) this.state = "command";
        else out.push(byte);
        return;
      case "command":
        if (byte === IAC) {
          out.push(IAC);
          this.state = "data";
        } else if (byte < SE) {
          out.push(IAC, byte);
          this.state = "data";
        } else if (byte === SB) {
          this.sub = [IAC, SB];
          this.state = "sub";
        } else this.state = byte >= FIRST_OPTION_COMMAND ? "option" : "data";
        return;
      case "option":
        this.state = "data";
        return;
      case "sub":
        if (byte === CR || byte === LF) return this.notASubNegotiation(byte, out);
        this.sub.push(byte);
        if (byte === IAC) this.state = "subCommand";
        else if (this.sub.length > SUB_NEGOTIATION_LIMIT) this.notASubNegotiation(undefined, out);
        return;
      case "subCommand":
        this.sub.push(byte);
        if (byte === SE) {
          this.sub = [];
          this.state = "data";
        } else if (byte === IAC) {
          this.state = this.sub.length > SUB_NEGOTIATION_LIMIT ? (this.notASubNegotiation(undefined, out), "data") : "sub";
        } else if (byte < SE) {
          this.sub.pop();
          this.notASubNegotiation(byte, out);
        } else {
          // Malformed: the sub-negotiation ends here, and IAC <byte> is a command of its own.
          this.sub = [];
          this.state = "command";
          this.step(byte, out);
        }
        return;
    }
  }

  /** Gives a would-be sub-negotiation back as the data it was, then `byte` (if any). */
  private notASubNegotiation(byte: number | undefined, out: number[]): void {
    out.push(...this.sub);
    if (byte !== undefined) out.push(byte);
    this.sub = [];
    this.state = "data";
  }
}
