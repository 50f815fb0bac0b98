/**
 * Whether the bench program fits in a board's free RAM, before it is sent. Code sent to the REPL
 * lives in RAM as strings (about bytes per JsVar less 2 bytes of each block's header per JsVar),
 * and the bench needs about as much again to run its styles. Measured on the emulator with the
 * 9.9 KB bench: it loaded with Puck.js's budget (2565 free) and ran out of memory loading with the
 * ESP8266's (1535), which ran from Storage. Pure: no I/O.
 */

/** JsVars the code of `bytes` takes as strings in RAM, for a block size. */
export function codeJsVars(bytes: number, bytesPerVar: number): number {
  return Math.ceil(bytes / Math.max(1, bytesPerVar - 2));
}

/** Whether a program of `bytes` has room to load and run from RAM in `free` JsVars. */
export function fitsInRam(bytes: number, free: number, bytesPerVar: number): boolean {
  return free >= 2 * codeJsVars(bytes, bytesPerVar);
}

/** The line that says the bench runs from Storage instead, and why. */
export function storageNote(board: string, bytes: number, free: number, bytesPerVar: number): string {
  return (
    `the bench program (${bytes.toLocaleString("en-US")} bytes, about ${codeJsVars(bytes, bytesPerVar).toLocaleString("en-US")} JsVars as code in RAM) ` +
    `leaves too little of ${board}'s ${free.toLocaleString("en-US")} free JsVars to run: it runs from Storage (--to flash), where its code stays in flash; --to ram forces RAM`
  );
}
