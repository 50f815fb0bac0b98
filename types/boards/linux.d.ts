/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/pin-names/d31.d.ts" />
/// <reference path="../hw/ports/i2c3.d.ts" />
/// <reference path="../hw/ports/spi3.d.ts" />
/// <reference path="../hw/ports/serial6.d.ts" />
/// <reference path="../hw/ports/usb.d.ts" />
/// <reference path="../hw/ports/loopback.d.ts" />
/// <reference path="../hw/ports/telnet.d.ts" />
/**
 * The globals of Espruino built for Linux's firmware, for `--board linux`: what every board has (types/espruino.d.ts)
 * and the files above. A name missing here is missing on the board: the build reports it at its line.
 * No LEDs or buttons: `LED1` and `BTN1` do not exist here.
 */
