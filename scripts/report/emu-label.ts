import type { BenchSummary } from "../bench/schema.ts";

/** Board id of runs on the Espruino emulator (boards/emu.json). */
export const EMU_BOARD = "emu";

/**
 * What an emulator run's figures mean, for every place a run is named, or undefined for other
 * runs: RAM is a board's, times are not.
 */
export function emuLabel(summary: Pick<BenchSummary, "board" | "engine" | "version">): string | undefined {
  if (summary.board !== EMU_BOARD || summary.engine !== "espruino") return undefined;
  return `Espruino ${summary.version}, emulated (32-bit, 14-byte JsVars): RAM as on a board; times are the emulator's, not a board's`;
}
