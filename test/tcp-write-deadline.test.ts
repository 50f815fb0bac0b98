/**
 * The TCP transport's write deadline: a peer that stops reading fills the socket's buffers, and a
 * write then never completes. It must end at the deadline with one clear line, and the link must be
 * reported lost, never wait forever. Real loopback sockets; the deadline runs on fake timers.
 */
import assert from "node:assert/strict";
import { createServer, type Server, type Socket } from "node:net";
import { test } from "node:test";
import { UserError } from "../scripts/errors.ts";
import { TcpTransport } from "../scripts/transport/tcp.ts";
import { settledSoon } from "./support/settled.ts";

/** Whether `p` settles within a few turns of the event loop (no timer involved). */

/** A peer that accepts and never reads a byte. */
async function deafPeer(): Promise<{ server: Server; port: number; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((s) => {
    s.pause();
    sockets.push(s);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, port: (server.address() as { port: number }).port, sockets };
}

/**
 * More than the kernel buffers on both sides can hold while the peer does not read (here the send
 * buffer grows to 4 MB, the receive buffer starts at 128 kB and grows only as the peer reads; 64 MB
 * leaves room for a receive buffer at its 32 MB maximum too).
 */
const FLOOD = "x".repeat(64 << 20);

test("a write to a peer that stopped reading ends at the deadline with one clear line, and the link is lost", async (t) => {
  const peer = await deafPeer();
  const transport = new TcpTransport("127.0.0.1", peer.port, 5000, 5000);
  const closes: (Error | undefined)[] = [];
  let write: Promise<void> | undefined;
  try {
    await transport.open({ data() {}, close: (reason) => closes.push(reason) });
    t.mock.timers.enable({ apis: ["setTimeout"] });
    write = transport.write(FLOOD);
    assert.equal(await settledSoon(write, 20), false, "the peer holds the write");
    t.mock.timers.tick(4999);
    assert.equal(await settledSoon(write, 20), false, "still waiting just before the deadline");
    t.mock.timers.tick(1);
    assert.equal(await settledSoon(write, 20), true, "the deadline ended the write");
    await assert.rejects(write, (e: unknown) => e instanceof UserError && e.message === `tcp://127.0.0.1:${peer.port}: the board did not take a write within 5 s`);
    // The socket is given up: its owner hears of the loss once, with the same reason.
    for (let i = 0; i < 50 && closes.length === 0; i++) await new Promise((r) => setImmediate(r));
    assert.equal(closes.length, 1);
    assert.match(closes[0]?.message ?? "", /did not take a write within 5 s/);
    await assert.rejects(transport.write("1\n"), /is not open/);
  } finally {
    t.mock.timers.reset();
    // Without the deadline the write would still hang here: let it go, so the test ends and fails.
    for (const s of peer.sockets) s.destroy();
    write?.catch(() => {});
    await transport.close();
    await new Promise((r) => peer.server.close(r));
  }
});

test("a write the kernel takes resolves at once, and the link outlives the deadline", async (t) => {
  const peer = await deafPeer();
  const transport = new TcpTransport("127.0.0.1", peer.port, 5000, 5000);
  try {
    await transport.open({ data() {}, close() {} });
    t.mock.timers.enable({ apis: ["setTimeout"] });
    // The kernel takes a short write although the peer reads nothing: no time passes, no stall.
    await transport.write("print(1)\n");
    t.mock.timers.tick(10_000);
    await transport.write("print(2)\n");
  } finally {
    t.mock.timers.reset();
    for (const s of peer.sockets) s.destroy();
    await transport.close();
    await new Promise((r) => peer.server.close(r));
  }
});
