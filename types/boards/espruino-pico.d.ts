/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/pin-names/stm32-ports.d.ts" />
/// <reference path="../hw/ports/i2c3.d.ts" />
/// <reference path="../hw/ports/spi3.d.ts" />
/// <reference path="../hw/ports/serial6.d.ts" />
/// <reference path="../hw/ports/usb.d.ts" />
/// <reference path="../hw/ports/loopback.d.ts" />
/**
 * The globals of the Espruino Pico's firmware, for `--board espruino-pico`: what every board has (types/espruino.d.ts)
 * and the files above. A name missing here is missing on the board: the build reports it at its line.
 * STM32 pins are named by port (`A0`, `B3`): there is no `D0`.
 */

/** The board's LEDs and buttons. */
declare const LED1: Pin, LED2: Pin, BTN: Pin, BTN1: Pin;
