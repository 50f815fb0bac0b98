/// <reference path="./d39.d.ts" />
/** GPIO pins D0 to D47 (D40 to D47 here, the rest in d39.d.ts). */
declare const D40: Pin, D41: Pin, D42: Pin, D43: Pin, D44: Pin, D45: Pin, D46: Pin, D47: Pin;
