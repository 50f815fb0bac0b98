/** The Arduino header's analog pins A0 to A5. */
declare const A0: Pin, A1: Pin, A2: Pin, A3: Pin, A4: Pin, A5: Pin;
