import { LINK_NAMES, type LinkKind } from "./link-kind.ts";

/** Which browsers have each API (MDN, 2026): named when the API is missing. */
export const BROWSERS: Record<LinkKind, string> = {
  serial: "Chrome, Edge or Opera on a desktop (Windows, macOS, Linux, ChromeOS); Firefox and Safari have no Web Serial",
  bluetooth:
    "Chrome, Edge or Opera on a desktop or on Android; Firefox and Safari have no Web Bluetooth (on iOS, the WebBLE app has it)",
};

/** What the page can see of its browser. */
export interface BrowserFacts {
  hasSerial: boolean;
  hasBluetooth: boolean;
  protocol: string;
  hostname: string;
  port: string;
}

/** The browser the page runs in. */
export function browserFacts(): BrowserFacts {
  const nav = navigator as Navigator & { serial?: unknown; bluetooth?: unknown };
  return { hasSerial: !!nav.serial, hasBluetooth: !!nav.bluetooth, protocol: location.protocol, hostname: location.hostname, port: location.port };
}

/**
 * Why a link cannot be used here, or null when it can. `@espruino-tools/uart` refuses plain HTTP
 * on any host name but `localhost` (127.0.0.1 included), and only logs why to the console; the
 * page says it, with the address that works.
 */
export function unsupportedReason(link: LinkKind, facts: BrowserFacts): string | null {
  const has = link === "serial" ? facts.hasSerial : facts.hasBluetooth;
  if (!has) return `This browser has no ${LINK_NAMES[link]}. Open this page in ${BROWSERS[link]}.`;
  if (facts.protocol === "http:" && facts.hostname !== "localhost") {
    const port = facts.port ? `:${facts.port}` : "";
    return `${LINK_NAMES[link]} works over plain HTTP only on the host name localhost: open http://localhost${port}/ instead of ${facts.hostname}.`;
  }
  return null;
}
