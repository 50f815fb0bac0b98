/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/pin-names/d29.d.ts" />
/// <reference path="../hw/ports/i2c2.d.ts" />
/// <reference path="../hw/ports/spi2.d.ts" />
/// <reference path="../hw/ports/serial2.d.ts" />
/// <reference path="../hw/ports/usb.d.ts" />
/// <reference path="../hw/ports/loopback.d.ts" />
/**
 * The globals of the Raspberry Pi Pico (RP2040)'s firmware, for `--board rp2040-pico`: what every board has (types/espruino.d.ts)
 * and the files above. A name missing here is missing on the board: the build reports it at its line.
 */

/** The board's LEDs and buttons. */
declare const LED1: Pin;
