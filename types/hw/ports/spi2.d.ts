/// <reference path="./spi1.d.ts" />
/** Hardware SPI ports SPI1 to SPI2. */
declare const SPI2: SPI;
