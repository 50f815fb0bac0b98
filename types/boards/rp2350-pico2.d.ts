/// <reference path="./rp2040-pico.d.ts" />
/** The Raspberry Pi Pico 2 (RP2350), for `--board rp2350-pico2`: the Pico's pinout and ports, as on the RP2040 Pico. */
