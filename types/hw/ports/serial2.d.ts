/// <reference path="./serial1.d.ts" />
/** Hardware Serial ports Serial1 to Serial2. */
declare const Serial2: Serial;
