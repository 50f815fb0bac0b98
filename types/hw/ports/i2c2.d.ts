/// <reference path="./i2c1.d.ts" />
/** Hardware I2C ports I2C1 to I2C2. */
declare const I2C2: I2C;
