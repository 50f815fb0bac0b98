/// <reference path="../espruino.d.ts" />
/**
 * The globals of thincall's virtual board (QuickJS)'s firmware, for `--board virtual`: what every board has (types/espruino.d.ts)
 * and the files above. A name missing here is missing on the board: the build reports it at its line.
 * Not Espruino: it runs the bench; it has no pins or peripherals.
 */
