/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/nrf.d.ts" />
/// <reference path="../hw/pin-names/d31.d.ts" />
/// <reference path="../hw/ports/i2c1.d.ts" />
/// <reference path="../hw/ports/spi1.d.ts" />
/// <reference path="../hw/ports/serial1.d.ts" />
/// <reference path="../hw/ports/loopback.d.ts" />
/**
 * The globals of the MDBT42Q breakout's firmware, for `--board mdbt42q`: what every board has (types/espruino.d.ts)
 * and the files above. A name missing here is missing on the board: the build reports it at its line.
 */

/** The board's LEDs and buttons. */
declare const LED: Pin, LED1: Pin, LED2: Pin, BTN: Pin, BTN1: Pin;
