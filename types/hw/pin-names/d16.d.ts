/// <reference path="./d13.d.ts" />
/** GPIO pins D0 to D16 (D14 to D16 here, the rest in d13.d.ts). */
declare const D14: Pin, D15: Pin, D16: Pin;
