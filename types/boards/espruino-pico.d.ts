/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/**
 * The globals of Espruino Pico's firmware, for `--board espruino-pico` (see types/espruino.d.ts for what
 * every board has). A name missing here is missing on the board: the build reports it at its line.
 * STM32 pins are named by port (`A0`, `B3`): there is no `D0`.
 */

// Pins.
declare const A0: Pin, A1: Pin, A2: Pin, A3: Pin, A4: Pin, A5: Pin, A6: Pin, A7: Pin, A8: Pin, A9: Pin, A10: Pin;
declare const A11: Pin, A12: Pin, A13: Pin, A14: Pin, A15: Pin, B0: Pin, B1: Pin, B2: Pin, B3: Pin, B4: Pin;
declare const B5: Pin, B6: Pin, B7: Pin, B8: Pin, B9: Pin, B10: Pin, B11: Pin, B12: Pin, B13: Pin, B14: Pin;
declare const B15: Pin, C13: Pin, C14: Pin, C15: Pin, LED1: Pin, LED2: Pin, BTN: Pin, BTN1: Pin;

// Peripherals.
declare const I2C1: I2C;
declare const I2C2: I2C;
declare const I2C3: I2C;
declare const SPI1: SPI;
declare const SPI2: SPI;
declare const SPI3: SPI;
declare const Serial1: Serial;
declare const Serial2: Serial;
declare const Serial3: Serial;
declare const Serial4: Serial;
declare const Serial5: Serial;
declare const Serial6: Serial;
/** The USB console. */
declare const USB: Serial;
declare const LoopbackA: Serial;
declare const LoopbackB: Serial;
