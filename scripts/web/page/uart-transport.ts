import { uart } from "@espruino-tools/uart";
import { UserError } from "../../errors.ts";
import type { Transport, TransportEvents } from "../../transport/transport.ts";
import { tapChooser } from "./chooser-tap.ts";
import { tapEvents, type EmittingConnection } from "./event-tap.ts";
import { FlowWriter } from "./flow-writer.ts";
import { LINK_NAMES, type LinkKind } from "./link-kind.ts";
import { browserFacts, unsupportedReason } from "./support.ts";

/** The library's connection object, as far as the page uses it. */
interface UartConnection extends EmittingConnection {
  isOpen: boolean;
  write(data: string, done?: () => void): void;
  close(): void;
}

/** Largest write per link: a BLE packet carries 20 bytes; a USB serial board takes more. */
const CHUNK_BYTES: Record<LinkKind, number> = { serial: 64, bluetooth: 20 };

/** How long the library may take to start the link once the port or device is open. */
const OPEN_DEADLINE_MS = 10000;

/** The chooser was cancelled, or the browser lacks the API: a user's choice, not a fault. */
export class ChooserError extends UserError {}

/**
 * A {@link Transport} over `@espruino-tools/uart`: the page's board console goes through the
 * library's own Web Serial and Web Bluetooth code, with the workarounds of docs/web.md:
 * - the library's DOM chooser is opened and the endpoint for `link` is picked at once, inside the
 *   user's click (the browser's own port chooser still shows);
 * - received data reaches the page through {@link tapEvents}, so the library keeps its handlers;
 * - writes go through a {@link FlowWriter} (chunks, XON/XOFF);
 * - a cancelled chooser, a port that fails to open and an unplug are heard ({@link tapChooser},
 *   the port's `disconnect` event), where the library stays silent;
 * - nothing pulses `LED2` (the library's `DeviceController.connect` does; ESP32 and RP2040 boards
 *   have no such pin), and nothing else is sent but what the uploader sends.
 */
export class UartTransport implements Transport {
  readonly description: string;
  private connection?: UartConnection;
  private writer?: FlowWriter;
  private closing = false;
  private cleanups: Array<() => void> = [];

  constructor(readonly link: LinkKind) {
    this.description = LINK_NAMES[link];
  }

  open(events: TransportEvents): Promise<void> {
    const reason = unsupportedReason(this.link, browserFacts());
    if (reason) return Promise.reject(new ChooserError(reason));
    this.closing = false;
    const tap = tapChooser(this.link);
    return new Promise<void>((resolve, reject) => {
      /** Whether open() has resolved or rejected. */
      let settled = false;
      let openTimer: ReturnType<typeof setTimeout> | undefined;
      /** Whether the link has ended (lost or closed). */
      let ended = false;
      const lost = (why: string) => {
        if (ended) return;
        ended = true;
        this.cleanup();
        this.writer?.fail(new UserError(`lost the board: ${why}`));
        events.close(this.closing ? undefined : new Error(why));
      };
      const fail = (e: unknown) => {
        if (settled) return;
        settled = true;
        tap.restore();
        reject(chooserFailure(this.link, e));
      };
      tap.chosen.then((target) => {
        // Past this point the library's steps are quick (start reading; find the Nordic UART
        // service); it reports none of their failures, so a deadline does.
        if (!settled) {
          openTimer = setTimeout(() => {
            if (settled) return;
            settled = true;
            tap.restore();
            reject(new UserError(`the ${this.description} ${this.link === "serial" ? "port opened" : "device connected"} but the link did not start within ${OPEN_DEADLINE_MS / 1000} s${this.link === "bluetooth" ? " (no Nordic UART service?)" : ""}`));
          }, OPEN_DEADLINE_MS);
        }
        // Web Serial fires `disconnect` on the port when it is unplugged; the library misses it.
        const onDisconnect = () => lost(`${this.description} device was disconnected (unplugged?)`);
        target.addEventListener(this.link === "serial" ? "disconnect" : "gattserverdisconnected", onDisconnect);
        this.cleanups.push(() => target.removeEventListener(this.link === "serial" ? "disconnect" : "gattserverdisconnected", onDisconnect));
      }, fail);
      const connection = uart.connect((conn: UartConnection | null) => {
        clearTimeout(openTimer);
        tap.restore();
        if (settled) return conn?.close();
        settled = true;
        if (!conn) return reject(new ChooserError(`no ${this.description} device chosen`));
        this.connection = conn;
        const writer = new FlowWriter((data, done) => conn.write(data, done), CHUNK_BYTES[this.link]);
        this.writer = writer;
        this.cleanups.push(
          tapEvents(conn, (evt, data) => {
            if (evt === "data" && typeof data === "string") {
              writer.received(data);
              events.data(data);
            } else if (evt === "close") lost(`${this.description} link closed`);
          }),
        );
        resolve();
      }) as UartConnection;
      if (!pickEndpoint(LINK_NAMES[this.link])) {
        settled = true;
        tap.restore();
        connection.close?.();
        reject(new UserError(`@espruino-tools/uart offered no ${this.description} endpoint`));
      }
    });
  }

  write(data: string): Promise<void> {
    if (!this.writer || !this.connection?.isOpen) return Promise.reject(new UserError(`${this.description} is not open`));
    return this.writer.write(data);
  }

  async close(): Promise<void> {
    this.closing = true;
    const connection = this.connection;
    this.connection = undefined;
    if (connection?.isOpen) connection.close();
    this.cleanup();
  }

  private cleanup(): void {
    for (const c of this.cleanups.splice(0)) c();
  }
}

/**
 * Clicks the library's chooser entry named `name` (its modal lists "Web Bluetooth" and "Web
 * Serial"); the click removes the modal in the same task, so it never paints. Returns whether
 * the entry was there.
 */
function pickEndpoint(name: string): boolean {
  const entries = Array.from(document.querySelectorAll<HTMLElement>(".esp-tools-name"));
  const entry = entries.reverse().find((e) => e.textContent === name);
  const item = entry?.parentElement;
  if (!item) return false;
  item.click();
  return true;
}

/** A chooser's rejection as a message for the user. */
function chooserFailure(link: LinkKind, e: unknown): UserError {
  const name = e instanceof Error ? e.name : "";
  const what = link === "serial" ? "port" : "device";
  if (name === "NotFoundError" || name === "AbortError") {
    return new ChooserError(`no ${what} chosen: the ${LINK_NAMES[link]} chooser was cancelled. Press Connect to try again.`);
  }
  if (name === "SecurityError" || name === "NotAllowedError") {
    return new ChooserError(`the browser refused ${LINK_NAMES[link]} here (${e instanceof Error ? e.message : String(e)}); press the Connect button itself, on http://localhost or https`);
  }
  const text = e instanceof Error ? e.message : String(e);
  return new UserError(`could not open the ${LINK_NAMES[link]} ${what}: ${text}${link === "serial" ? " (is another program, such as the Web IDE, using the port?)" : ""}`);
}
