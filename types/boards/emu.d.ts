/// <reference path="./banglejs2.d.ts" />
/** The Web IDE's emulator (`--board emu`) is Bangle.js 2's firmware: the same globals. */
