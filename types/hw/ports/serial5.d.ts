/// <reference path="./serial4.d.ts" />
/** Hardware Serial ports Serial1 to Serial5. */
declare const Serial5: Serial;
