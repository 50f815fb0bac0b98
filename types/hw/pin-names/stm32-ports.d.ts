/** STM32 pins, named by port: A0 to A15, B0 to B15, C13 to C15 (the Espruino Pico). */
declare const A0: Pin, A1: Pin, A2: Pin, A3: Pin, A4: Pin, A5: Pin, A6: Pin, A7: Pin, A8: Pin, A9: Pin, A10: Pin;
declare const A11: Pin, A12: Pin, A13: Pin, A14: Pin, A15: Pin, B0: Pin, B1: Pin, B2: Pin, B3: Pin, B4: Pin;
declare const B5: Pin, B6: Pin, B7: Pin, B8: Pin, B9: Pin, B10: Pin, B11: Pin, B12: Pin, B13: Pin, B14: Pin;
declare const B15: Pin, C13: Pin, C14: Pin, C15: Pin;
