/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/graphics.d.ts" />
/// <reference path="../hw/esp32.d.ts" />
/**
 * The globals of ESP32-S3's firmware, for `--board esp32s3` (see types/espruino.d.ts for what
 * every board has). A name missing here is missing on the board: the build reports it at its line.
 */

// Pins.
declare const D0: Pin, D1: Pin, D2: Pin, D3: Pin, D4: Pin, D5: Pin, D6: Pin, D7: Pin, D8: Pin, D9: Pin, D10: Pin;
declare const D11: Pin, D12: Pin, D13: Pin, D14: Pin, D15: Pin, D16: Pin, D17: Pin, D18: Pin, D19: Pin, D20: Pin;
declare const D21: Pin, D22: Pin, D23: Pin, D24: Pin, D25: Pin, D26: Pin, D27: Pin, D28: Pin, D29: Pin, D30: Pin;
declare const D31: Pin, D32: Pin, D33: Pin, D34: Pin, D35: Pin, D36: Pin, D37: Pin, D38: Pin, D39: Pin, D40: Pin;
declare const D41: Pin, D42: Pin, D43: Pin, D44: Pin, D45: Pin, D46: Pin, D47: Pin, D48: Pin, LED1: Pin, BTN1: Pin;

// Peripherals.
declare const I2C1: I2C;
declare const I2C2: I2C;
declare const SPI1: SPI;
declare const SPI2: SPI;
declare const Serial1: Serial;
declare const Serial2: Serial;
declare const Serial3: Serial;
declare const LoopbackA: Serial;
declare const LoopbackB: Serial;
/** The telnet console. */
declare const Telnet: Serial;
