/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/nrf.d.ts" />
/**
 * The globals of Pixl.js's firmware, for `--board pixljs` (see types/espruino.d.ts for what
 * every board has). A name missing here is missing on the board: the build reports it at its line.
 */

// Pins.
declare const D0: Pin, D1: Pin, D2: Pin, D3: Pin, D4: Pin, D5: Pin, D6: Pin, D7: Pin, D8: Pin, D9: Pin, D10: Pin;
declare const D11: Pin, D12: Pin, D13: Pin, A0: Pin, A1: Pin, A2: Pin, A3: Pin, A4: Pin, A5: Pin, LED: Pin;
declare const LED1: Pin, BTN: Pin, BTN1: Pin, BTN2: Pin, BTN3: Pin, BTN4: Pin;

// Peripherals.
declare const I2C1: I2C;
declare const SPI1: SPI;
declare const Serial1: Serial;
declare const LoopbackA: Serial;
declare const LoopbackB: Serial;
/** The on-screen console. */
declare const Terminal: Serial;

/** The display. */
declare const g: Graphics;
