/// <reference path="./serial2.d.ts" />
/** Hardware Serial ports Serial1 to Serial3. */
declare const Serial3: Serial;
