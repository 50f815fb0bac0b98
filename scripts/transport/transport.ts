/**
 * What a transport tells its owner. Chunks are byte strings (latin1), split anywhere.
 */
export interface TransportEvents {
  /** Bytes arrived from the board. */
  data(chunk: string): void;
  /** The link closed; `reason` is set when it was lost rather than closed by us. */
  close(reason?: Error): void;
}

/**
 * A link to a board's console, in the style of node-serialport: open, write, close.
 * Implementations: serial, tcp, virtual (QuickJS) and an in-memory fake for tests.
 */
export interface Transport {
  /** Human description of the port, for messages (e.g. `tcp://127.0.0.1:2323`). */
  readonly description: string;
  /** Opens the link. Rejects with a {@link UserError} when the port is missing or refused. */
  open(events: TransportEvents): Promise<void>;
  /** Writes bytes (latin1 string); resolves once they are handed to the link. */
  write(data: string): Promise<void>;
  /** Closes the link; safe to call twice. */
  close(): Promise<void>;
}
