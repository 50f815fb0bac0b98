/** Hardware SPI port SPI1. */
declare const SPI1: SPI;
