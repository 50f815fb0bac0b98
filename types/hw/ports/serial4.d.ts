/// <reference path="./serial3.d.ts" />
/** Hardware Serial ports Serial1 to Serial4. */
declare const Serial4: Serial;
