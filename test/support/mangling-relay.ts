/**
 * A TCP relay between the host and a board's TCP console that changes one line of what the board
 * prints, once: a fault in transit, for tests of what the host does with it. What the host sends
 * passes unchanged; the board's bytes pass line by line (an unfinished line after 20 ms of quiet,
 * so prompts still arrive).
 */
import { connect, createServer, type Socket } from "node:net";

/** A running relay: its port, the lines it changed (before, after), and how to stop it. */
export interface ManglingRelay {
  port: number;
  changed: Array<{ before: string; after: string }>;
  close(): Promise<void>;
}

/**
 * Listens on an ephemeral loopback port and relays to 127.0.0.1:`target`; `mangle` sees each whole
 * line the board prints (with its CR LF) until it first returns a different one.
 */
export async function startManglingRelay(target: number, mangle: (line: string) => string): Promise<ManglingRelay> {
  const changed: ManglingRelay["changed"] = [];
  const sockets: Socket[] = [];
  const server = createServer((host) => {
    const board = connect(target, "127.0.0.1");
    sockets.push(host, board);
    let pending = "";
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const send = (text: string) => host.write(Buffer.from(text, "latin1"));
    host.on("data", (d) => board.write(d));
    board.on("data", (d: Buffer) => {
      pending += d.toString("latin1");
      for (let nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
        let line = pending.slice(0, nl + 1);
        pending = pending.slice(nl + 1);
        if (changed.length === 0) {
          const after = mangle(line);
          if (after !== line) changed.push({ before: line.trim(), after: (line = after).trim() });
        }
        send(line);
      }
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        if (pending) send(pending);
        pending = "";
      }, 20);
    });
    host.on("close", () => board.destroy());
    board.on("close", () => host.destroy());
    host.on("error", () => undefined);
    board.on("error", () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    changed,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
