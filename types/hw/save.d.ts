/**
 * `save()`, on boards that keep the interpreter's state in flash (not Bangle.js, whose apps live in
 * Storage: the emulator has no `save`).
 */

/** Saves the whole interpreter state to flash (prefer `thincall flash --save`, which stores the code). */
declare function save(): void;
