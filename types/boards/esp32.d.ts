/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/esp32.d.ts" />
/// <reference path="../hw/pin-names/d39.d.ts" />
/// <reference path="../hw/ports/i2c2.d.ts" />
/// <reference path="../hw/ports/spi2.d.ts" />
/// <reference path="../hw/ports/serial3.d.ts" />
/// <reference path="../hw/ports/loopback.d.ts" />
/// <reference path="../hw/ports/telnet.d.ts" />
/**
 * The globals of ESP32's firmware, for `--board esp32`: what every board has (types/espruino.d.ts)
 * and the files above. A name missing here is missing on the board: the build reports it at its line.
 */

/** The board's LEDs and buttons. */
declare const LED1: Pin, BTN1: Pin;
