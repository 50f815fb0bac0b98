/** ESP32-family boards: the `ESP32` object (the same as `require("ESP32")`). */
declare const ESP32: EspruinoEsp32;
