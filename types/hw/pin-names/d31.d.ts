/// <reference path="./d29.d.ts" />
/** GPIO pins D0 to D31 (D30 to D31 here, the rest in d29.d.ts). */
declare const D30: Pin, D31: Pin;
