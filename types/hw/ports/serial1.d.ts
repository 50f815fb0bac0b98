/** Hardware Serial port Serial1. */
declare const Serial1: Serial;
