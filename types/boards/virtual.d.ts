/// <reference path="../espruino.d.ts" />
/**
 * The globals of thincall's virtual board (QuickJS)'s firmware, for `--board virtual` (see types/espruino.d.ts for what
 * every board has). A name missing here is missing on the board: the build reports it at its line.
 * Not Espruino: it runs the bench; it has no pins or peripherals.
 */
