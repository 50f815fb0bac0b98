/** GPIO pins D0 to D13. */
declare const D0: Pin, D1: Pin, D2: Pin, D3: Pin, D4: Pin, D5: Pin, D6: Pin, D7: Pin, D8: Pin, D9: Pin, D10: Pin;
declare const D11: Pin, D12: Pin, D13: Pin;
