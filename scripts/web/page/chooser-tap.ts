import type { LinkKind } from "./link-kind.ts";

/**
 * `@espruino-tools/uart` swallows a cancelled chooser and a port that fails to open: it logs the
 * error and never calls back, so a page would wait forever. While the library opens the link, the
 * page taps the browser's chooser (`navigator.serial.requestPort`,
 * `navigator.bluetooth.requestDevice`) and what it returns (`port.open`, `device.gatt.connect`),
 * so it hears of each failure, and keeps the port or device to watch it for an unplug.
 */
export interface ChooserTap {
  /** Resolves with the chosen port or device once it is open; rejects on cancel or failure. */
  readonly chosen: Promise<EventTarget>;
  /** Puts the browser's API back as it was. */
  restore(): void;
}

type Target = Record<string, unknown>;

/** Replaces `obj[name]` with a function calling the original and tapping its promise. */
function wrap(obj: Target, name: string, tap: (result: Promise<unknown>) => void): () => void {
  const own = Object.prototype.hasOwnProperty.call(obj, name);
  const original = obj[name] as (...args: unknown[]) => Promise<unknown>;
  obj[name] = function (this: unknown, ...args: unknown[]) {
    const result = original.apply(this, args);
    tap(result);
    return result;
  };
  return () => {
    if (own) obj[name] = original;
    else delete obj[name];
  };
}

/** Taps the chooser of `link` until {@link ChooserTap.restore}. */
export function tapChooser(link: LinkKind): ChooserTap {
  const nav = navigator as unknown as Record<string, Target>;
  const undo: Array<() => void> = [];
  let settle!: { resolve: (t: EventTarget) => void; reject: (e: unknown) => void };
  const chosen = new Promise<EventTarget>((resolve, reject) => (settle = { resolve, reject }));
  chosen.catch(() => undefined);
  if (link === "serial") {
    undo.push(
      wrap(nav.serial, "requestPort", (picked) =>
        picked.then((port) => {
          undo.push(wrap(port as Target, "open", (opened) => opened.then(() => settle.resolve(port as EventTarget), settle.reject)));
        }, settle.reject),
      ),
    );
  } else {
    undo.push(
      wrap(nav.bluetooth, "requestDevice", (picked) =>
        picked.then((device) => {
          const gatt = (device as { gatt: Target }).gatt;
          undo.push(wrap(gatt, "connect", (connected) => connected.then(() => settle.resolve(device as EventTarget), settle.reject)));
        }, settle.reject),
      ),
    );
  }
  return {
    chosen,
    restore() {
      for (const u of undo.splice(0).reverse()) u();
    },
  };
}
