/// <reference path="../espruino.d.ts" />
/// <reference path="../hw/save.d.ts" />
/// <reference path="../hw/pin-names/d16.d.ts" />
/// <reference path="../hw/ports/i2c1.d.ts" />
/// <reference path="../hw/ports/spi1.d.ts" />
/// <reference path="../hw/ports/serial2.d.ts" />
/// <reference path="../hw/ports/loopback.d.ts" />
/**
 * The globals of ESP8266's firmware, for `--board esp8266`: what every board has (types/espruino.d.ts)
 * and the files above. A name missing here is missing on the board: the build reports it at its line.
 */
