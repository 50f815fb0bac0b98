import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The per-user folder `thincall emu install` writes to: `$XDG_CACHE_HOME/thincall/emu`, else
 * `~/.cache/thincall/emu`.
 */
export function emuCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.length > 0 ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  return join(base, "thincall", "emu");
}
