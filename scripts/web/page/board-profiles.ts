/**
 * The page's stand-in for scripts/boards/profile.ts, which reads `boards/*.json` from disk: the
 * page build aliases that module to this one (scripts/web/page-build.ts), so shared code that
 * lists the profiles (the report's capacity projection) gets the ones the server sent
 * (`/boards.json`).
 */
import type { BoardProfile } from "../../boards/profile.ts";

export type { BoardProfile };

let profiles: BoardProfile[] = [];

/** Sets the profiles the server sent. */
export function setBoardProfiles(list: BoardProfile[]): void {
  profiles = list;
}

/** Every profile, as `loadAllBoards()` gives them on the server. */
export function loadAllBoards(): BoardProfile[] {
  return profiles;
}
