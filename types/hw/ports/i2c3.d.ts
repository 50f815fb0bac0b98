/// <reference path="./i2c2.d.ts" />
/** Hardware I2C ports I2C1 to I2C3. */
declare const I2C3: I2C;
