/// <reference path="./d16.d.ts" />
/** GPIO pins D0 to D21 (D17 to D21 here, the rest in d16.d.ts). */
declare const D17: Pin, D18: Pin, D19: Pin, D20: Pin, D21: Pin;
