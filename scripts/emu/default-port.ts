import { findEmulator } from "./locate.ts";

/** Says how to get board-true figures when the bench falls back to QuickJS. */
export const EMU_HINT =
  "no board and no Espruino emulator: running on the virtual board (QuickJS), whose figures are not Espruino's; " +
  "`thincall emu install` gets real Espruino, emulated (RAM as on a board)";

/**
 * The port `thincall bench` uses when the user named neither a port nor a board (nor
 * `$ESPRUINO_PORT`/`$ESPRUINO_BOARD`): the emulator when it is there, else the virtual board,
 * with {@link EMU_HINT} written to `warn`. Returns `port` unchanged in every other case.
 */
export function benchPort(
  port: string | undefined,
  board: string | undefined,
  warn: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (port !== undefined || board !== undefined || env.ESPRUINO_PORT || env.ESPRUINO_BOARD) return port;
  if (findEmulator(env)) return "emu";
  warn(EMU_HINT);
  return "virtual";
}
