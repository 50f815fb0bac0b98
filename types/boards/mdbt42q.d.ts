/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/nrf.d.ts" />
/**
 * The globals of MDBT42Q breakout's firmware, for `--board mdbt42q` (see types/espruino.d.ts for what
 * every board has). A name missing here is missing on the board: the build reports it at its line.
 */

// Pins.
declare const D0: Pin, D1: Pin, D2: Pin, D3: Pin, D4: Pin, D5: Pin, D6: Pin, D7: Pin, D8: Pin, D9: Pin, D10: Pin;
declare const D11: Pin, D12: Pin, D13: Pin, D14: Pin, D15: Pin, D16: Pin, D17: Pin, D18: Pin, D19: Pin, D20: Pin;
declare const D21: Pin, D22: Pin, D23: Pin, D24: Pin, D25: Pin, D26: Pin, D27: Pin, D28: Pin, D29: Pin, D30: Pin;
declare const D31: Pin, LED: Pin, LED1: Pin, LED2: Pin, BTN: Pin, BTN1: Pin;

// Peripherals.
declare const I2C1: I2C;
declare const SPI1: SPI;
declare const Serial1: Serial;
declare const LoopbackA: Serial;
declare const LoopbackB: Serial;
