import type { BoardProfile } from "./profile.ts";

/** An Espruino version, e.g. "2v29.74" (release 2v29, 74 commits on) or "2v30". */
interface EspruinoVersion {
  major: number;
  minor: number;
  build: number;
}

/** Parses "2v29", "2v29.74" (and ignores a suffix such as "-virtual-qjs"); undefined if it is none. */
export function parseEspruinoVersion(text: string): EspruinoVersion | undefined {
  const m = /^(\d+)v(\d+)(?:\.(\d+))?/.exec(text.trim());
  return m ? { major: Number(m[1]), minor: Number(m[2]), build: Number(m[3] ?? 0) } : undefined;
}

/** True when version text `a` is an older build than `b` ("2v29.74" < "2v29.215" < "2v30"); false when either does not parse. */
export function isOlderVersion(a: string, b: string): boolean {
  const x = parseEspruinoVersion(a);
  const y = parseEspruinoVersion(b);
  return !!x && !!y && older(x, y);
}

function older(a: EspruinoVersion, b: EspruinoVersion): boolean {
  if (a.major !== b.major) return a.major < b.major;
  if (a.minor !== b.minor) return a.minor < b.minor;
  return a.build < b.build;
}

/**
 * A one-line warning when the board's Espruino (`process.version`, from the bench's hello) is
 * older than the profile's minimum, else undefined (also when either version is unknown).
 */
export function versionWarning(profile: BoardProfile, helloVersion: string): string | undefined {
  if (profile.minVersion === null) return undefined;
  const have = parseEspruinoVersion(helloVersion);
  const need = parseEspruinoVersion(profile.minVersion);
  if (!have || !need || !older(have, need)) return undefined;
  return `warning: the board runs Espruino ${helloVersion}, older than ${profile.minVersion}, the minimum for ${profile.id} (${profile.name}); update its firmware, or expect failures and figures that differ`;
}
