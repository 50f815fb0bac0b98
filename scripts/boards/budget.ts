import { UserError } from "../errors.ts";
import { loadBoard, resolveBoard, type BoardProfile } from "./profile.ts";

/** What runs a command, and whose memory budget it runs on. */
export interface RunTarget {
  /** The profile of what runs the program (the emulator when a budget is emulated). */
  board: BoardProfile;
  /** A board whose free JsVars after boot the emulator reserves down to, when `--port emu --board <id>`. */
  budget?: BoardProfile;
}

/**
 * Resolves `--board` and `--port`. With the emulator's port and a hardware board's id, the
 * emulator runs with that board's budget: after boot it reserves JsVars until the program sees the
 * board's free JsVars after boot. A board with more free JsVars than the emulator has cannot be
 * emulated, and neither can a build without a fixed pool (Linux, the virtual board).
 */
export function resolveRunTarget(board: string | undefined, port: string | undefined, env = process.env): RunTarget {
  const id = board ?? env.ESPRUINO_BOARD;
  if ((port ?? env.ESPRUINO_PORT) !== "emu" || id === undefined || id === "emu") return { board: resolveBoard(board, port, env) };
  const budget = loadBoard(id);
  const emu = loadBoard("emu");
  if (budget.variables === null) throw new UserError(`${id} has no fixed JsVar pool to emulate; use --port emu alone, or --board with a hardware board`);
  if (budget.freeAtBoot.jsvars > emu.freeAtBoot.jsvars) {
    throw new UserError(
      `${id}'s budget (${budget.freeAtBoot.jsvars} free JsVars after boot) cannot be emulated: the emulator holds ` +
        `${emu.jsvars.toLocaleString("en-US")} JsVars of ${emu.bytesPerVar} bytes (${emu.freeAtBoot.jsvars} free after boot)`,
    );
  }
  return { board: emu, budget };
}

/** Whether the emulator can run with `board`'s budget (a fixed pool, no more free JsVars than the emulator's). */
export function canEmulate(board: BoardProfile, emu: BoardProfile = loadBoard("emu")): boolean {
  return board.variables !== null && board.id !== "emu" && board.freeAtBoot.jsvars <= emu.freeAtBoot.jsvars;
}

/** One line for the user: which budget the emulator runs with, and how far it is a board's. */
export function budgetNote(emu: BoardProfile, budget: BoardProfile): string {
  const sizes = budget.bytesPerVar === emu.bytesPerVar ? ""
    : `; ${budget.id}'s JsVars are ${budget.bytesPerVar} bytes, the emulator's ${emu.bytesPerVar}: strings and typed arrays take ${budget.bytesPerVar < emu.bytesPerVar ? "more" : "fewer"} JsVars on ${budget.id}`;
  return `emulating ${budget.id}'s memory: JsVars reserved after boot so the program sees ${budget.freeAtBoot.jsvars} free (${budget.freeAtBoot.how}, boards/${budget.id}.json)${sizes}`;
}
