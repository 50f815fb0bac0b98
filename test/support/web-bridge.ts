/**
 * Bridges the fake `navigator.serial` / `navigator.bluetooth` of test/fixtures/web/ to a board
 * on the Node side: the page's writes reach the board's {@link Transport}, and the board's output
 * is fed back into the page in order.
 */
import type { Page } from "playwright-core";
import type { Transport } from "../../scripts/transport/transport.ts";

/** Options of {@link bridgeBoard}. */
export interface BridgeOptions {
  /** A board that never answers: the link opens, but writes go nowhere. @default false */
  silent?: boolean;
}

/** What the bridge saw. */
export interface BoardBridge {
  /** Bytes the page sent. */
  readonly sent: string[];
  /** Closes the board if open. */
  close(): Promise<void>;
}

/** Exposes `__tcBoard(op, data)` to the page; `open` makes a fresh transport each time. */
export async function bridgeBoard(page: Page, open: () => Promise<Transport>, options: BridgeOptions = {}): Promise<BoardBridge> {
  let transport: Transport | undefined;
  let feed: Promise<unknown> = Promise.resolve();
  const sent: string[] = [];
  const push = (chunk: string) => {
    feed = feed.then(() => page.evaluate((c) => (window as unknown as { __tcFakeReceive(c: string): void }).__tcFakeReceive(c), chunk)).catch(() => undefined);
  };
  const close = async () => {
    const t = transport;
    transport = undefined;
    await t?.close();
  };
  await page.exposeBinding("__tcBoard", async (_source, op: string, data?: string) => {
    if (op === "open") {
      await close();
      transport = await open();
      await transport.open({ data: push, close: () => undefined });
    } else if (op === "write") {
      sent.push(data ?? "");
      if (!options.silent) await transport?.write(data ?? "");
    } else if (op === "close") await close();
  });
  return { sent, close };
}
