/// <reference path="./spi2.d.ts" />
/** Hardware SPI ports SPI1 to SPI3. */
declare const SPI3: SPI;
