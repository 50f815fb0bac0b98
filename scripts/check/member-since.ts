/**
 * The first Espruino build known to have a member, feature or module, where Espruino's ChangeLog
 * (and `git describe` of the commit that made the change) or the probe of an older build says so.
 * The check warns when code uses one that is newer than the board's minimum version.
 *
 * A build number counts commits after a release, as `git describe` and `process.env.VERSION` do:
 * 2v29.215 is 215 commits after the 2v29 release. Changes listed at the top of the ChangeLog, above
 * the newest release, are in no release yet.
 */

/** When something arrived, and how that is known. */
export interface Since {
  /** First build that has it ("2v22", "2v29.215"). */
  version: string;
  /** Where that comes from: the ChangeLog line, the commit, or a probe. */
  source: string;
  /** A define that leaves it out of a build even after that version (`SAVE_ON_FLASH`). @default none */
  ifndef?: string;
}

const GET_UTC: Since = {
  version: "2v29.215",
  source: "ChangeLog, after 2v29: \"Add Date.getUTC* methods (on all but the most flash-constrained devices - adds 300b)\"; "
    + "commit 3b296128c is RELEASE_2V29-215; src/jswrap_date.c: \"ifndef\" : \"SAVE_ON_FLASH\"; the emulator (2v29.74) lacks them",
  ifndef: "SAVE_ON_FLASH",
};

const TYPED_SOME_EVERY: Since = { version: "2v27", source: "ChangeLog 2v27: \"Add .some and .every to ArrayBuffers\"" };
const TYPED_ARRAYS = ["Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array", "Float32Array", "Float64Array"];

/** Built-in members by probe id (`Date.prototype.getUTCHours`, `globalThis`). */
export const MEMBER_SINCE: Readonly<Record<string, Since>> = {
  ...Object.fromEntries(["FullYear", "Month", "Date", "Day", "Hours", "Minutes", "Seconds", "Milliseconds"].map((n) => [`Date.prototype.getUTC${n}`, GET_UTC])),
  "String.prototype.replaceAll": { version: "2v22", source: "ChangeLog 2v22: \"Add String.replaceAll to allow all occurrances of a string to be replaced\"" },
  globalThis: { version: "2v22", source: "ChangeLog 2v22: \"Added 'globalThis' var as it's the ECMAScript version of Node.js's 'global'\"" },
  ...Object.fromEntries(TYPED_ARRAYS.flatMap((g) => [[`${g}.prototype.some`, TYPED_SOME_EVERY], [`${g}.prototype.every`, TYPED_SOME_EVERY]])),
};

/** Syntax features by the check's rule-free feature ids. */
export const SYNTAX_SINCE: Readonly<Record<string, Since>> = {
  "class-fields": { version: "2v22", source: "ChangeLog 2v22: \"Add support for static+nonstatic fields in Classes\"" },
  "optional-catch-binding": { version: "2v20", source: "ChangeLog 2v20: \"Add ES9 optional catch binding (`try {} catch {}`)\"" },
};

/** Built-in modules by name. */
export const MODULE_SINCE: Readonly<Record<string, Since>> = {
  timer: { version: "2v29", source: "ChangeLog 2v29: \"Added `require(\"timer\")` to access timers\"" },
};
