/// <reference path="./d21.d.ts" />
/** GPIO pins D0 to D29 (D22 to D29 here, the rest in d21.d.ts). */
declare const D22: Pin, D23: Pin, D24: Pin, D25: Pin, D26: Pin, D27: Pin, D28: Pin, D29: Pin;
