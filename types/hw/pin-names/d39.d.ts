/// <reference path="./d31.d.ts" />
/** GPIO pins D0 to D39 (D32 to D39 here, the rest in d31.d.ts). */
declare const D32: Pin, D33: Pin, D34: Pin, D35: Pin, D36: Pin, D37: Pin, D38: Pin, D39: Pin;
