/** Hardware I2C port I2C1. */
declare const I2C1: I2C;
