/// <reference path="./serial5.d.ts" />
/** Hardware Serial ports Serial1 to Serial6. */
declare const Serial6: Serial;
