import { canEmulate } from "../boards/budget.ts";
import { boardIdFor, loadBoard } from "../boards/profile.ts";
import { findEmulator } from "./locate.ts";

/** Says how to get real Espruino when a command falls back to QuickJS. */
export const EMU_HINT =
  "no port and no Espruino emulator: running on the virtual board (QuickJS), which is not Espruino (its figures are not Espruino's); " +
  "`thincall emu install` gets real Espruino, emulated (RAM as on a board)";

/**
 * The one rule for which port a command that talks to a board uses (bench, flash, console, -e…):
 * `--port`, else `$ESPRUINO_PORT`, else the emulator when it is installed, else the virtual board,
 * with {@link EMU_HINT} written to `warn`. A board named without a port (`--board` or
 * `$ESPRUINO_BOARD`) runs on the emulator with that board's free memory reserved when the emulator
 * is installed and can hold it (said through `warn`), else on the virtual board sized as that board.
 */
export function defaultPort(
  port: string | undefined,
  board: string | undefined,
  warn: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (port !== undefined) return port;
  if (env.ESPRUINO_PORT) return env.ESPRUINO_PORT;
  const named = board ?? (env.ESPRUINO_BOARD || undefined);
  if (named !== undefined) {
    const id = boardIdFor(named);
    if (id === "emu") return "emu";
    // An unknown name fails later, with the list of boards.
    if (id === undefined || id === "virtual" || !findEmulator(env) || !canEmulate(loadBoard(id))) return "virtual";
    warn(`no --port: running on the Espruino emulator with ${id}'s free memory (--port emu --board ${id}); --port <device> runs on the board itself`);
    return "emu";
  }
  if (findEmulator(env)) return "emu";
  warn(EMU_HINT);
  return "virtual";
}
