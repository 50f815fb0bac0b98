import type { BoardProfile } from "../../boards/profile.ts";

/** How the page reaches a board: USB through Web Serial, or Bluetooth LE through Web Bluetooth. */
export type LinkKind = "serial" | "bluetooth";

/** Name of the browser API and of `@espruino-tools/uart`'s endpoint for each link. */
export const LINK_NAMES: Record<LinkKind, string> = { serial: "Web Serial", bluetooth: "Web Bluetooth" };

/**
 * The link a board is reached by: Bluetooth for profiles whose console is Bluetooth LE (Puck.js,
 * Pixl.js, Bangle.js, MDBT42Q), USB serial for the rest. The console kind is read loosely, so
 * the Bluetooth profiles the board-profiles work adds are picked up whatever they call it.
 */
export function defaultLink(board: Pick<BoardProfile, "console">): LinkKind {
  return /ble|bluetooth/i.test(String(board.console.kind)) ? "bluetooth" : "serial";
}
