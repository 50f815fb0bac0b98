/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/nrf.d.ts" />
/// <reference path="../hw/pin-names/d13.d.ts" />
/// <reference path="../hw/pin-names/a5.d.ts" />
/// <reference path="../hw/ports/i2c1.d.ts" />
/// <reference path="../hw/ports/spi1.d.ts" />
/// <reference path="../hw/ports/serial1.d.ts" />
/// <reference path="../hw/ports/loopback.d.ts" />
/// <reference path="../hw/ports/terminal.d.ts" />
/**
 * The globals of Pixl.js's firmware, for `--board pixljs`: what every board has (types/espruino.d.ts)
 * and the files above. A name missing here is missing on the board: the build reports it at its line.
 */

/** The board's LEDs and buttons. */
declare const LED: Pin, LED1: Pin, BTN: Pin, BTN1: Pin, BTN2: Pin, BTN3: Pin, BTN4: Pin;

/** The display. */
declare const g: Graphics;
