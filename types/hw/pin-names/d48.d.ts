/// <reference path="./d47.d.ts" />
/** GPIO pins D0 to D48 (D48 to D48 here, the rest in d47.d.ts). */
declare const D48: Pin;
