import { RESERVATION_KEY } from "../mem/probe.ts";

/**
 * Device code that shrinks the free JsVars to `free`: typed arrays (then single array slots for
 * the last few) held on Espruino's hidden root (`global["\xFF"].rsv`), out of the program's globals.
 * Each step takes under what is left, so it never overshoots; it reads `process.memory()` (a
 * garbage collection) between steps. Run it on a freshly reset board, before the program.
 */
export function reserveFreeJsVars(free: number): string {
  return `(function(t){var r=global["\\xFF"].${RESERVATION_KEY}=[],f;while((f=process.memory().free-t)>0)r.push(f>24?new Uint8Array((f-6)*8):0)})(${Math.max(0, Math.floor(free))});`;
}
