/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/esp32.d.ts" />
/// <reference path="../hw/pin-names/d21.d.ts" />
/// <reference path="../hw/ports/i2c1.d.ts" />
/// <reference path="../hw/ports/spi1.d.ts" />
/// <reference path="../hw/ports/serial2.d.ts" />
/// <reference path="../hw/ports/loopback.d.ts" />
/**
 * The globals of ESP32-C3's firmware, for `--board esp32c3`: what every board has (types/espruino.d.ts)
 * and the files above. A name missing here is missing on the board: the build reports it at its line.
 */

/** The board's LEDs and buttons. */
declare const LED1: Pin, BTN1: Pin;
