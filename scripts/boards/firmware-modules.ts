/**
 * Which of Espruino's built-in modules (`require("net")`) a build has, from its board file's
 * `libraries` (each one becomes `USE_<LIB>=1`, scripts/get_makefile_decls.py) and `SAVE_ON_FLASH`.
 * Read from Espruino's Makefile and the `"type": "library"` wrappers it compiles; the Linux build's
 * own `process.env.MODULES` lists the same for its board file.
 */

/** What puts one module in a build. */
interface ModuleRule {
  /** The module name `require` takes. */
  module: string;
  /** Libraries that must all be in the board file's list. @default none (every build) */
  needs?: string[];
  /** Only in builds for these chip families (the board file's `chip.family`). @default every family */
  families?: string[];
  /** Left out of SAVE_ON_FLASH builds. @default false */
  notOnSaveOnFlash?: boolean;
  /** Where Espruino says so. */
  source: string;
}

/** The rules, in the order Espruino's Makefile adds the wrappers. */
export const MODULE_RULES: readonly ModuleRule[] = [
  { module: "timer", notOnSaveOnFlash: true, source: "src/jswrap_timer.c: library \"timer\", ifndef SAVE_ON_FLASH (2v29+)" },
  { module: "Flash", notOnSaveOnFlash: true, source: "src/jswrap_flash.c: library \"Flash\", ifndef SAVE_ON_FLASH" },
  { module: "Storage", source: "src/jswrap_storage.c: library \"Storage\" (every board build)" },
  { module: "heatshrink", notOnSaveOnFlash: true, source: "Makefile: libs/compression/jswrap_heatshrink.c unless SAVE_ON_FLASH" },
  { module: "fs", needs: ["FILESYSTEM"], source: "Makefile: ifeq ($(USE_FILESYSTEM),1) adds libs/filesystem/jswrap_fs.c" },
  { module: "net", needs: ["NET"], source: "Makefile: ifeq ($(USE_NET),1) adds libs/network/jswrap_net.c" },
  { module: "dgram", needs: ["NET"], source: "libs/network/jswrap_net.c: library \"dgram\" (USE_NET)" },
  { module: "tls", needs: ["NET", "TLS"], source: "libs/network/jswrap_net.c: library \"tls\", ifdef USE_TLS" },
  { module: "http", needs: ["NET"], source: "Makefile: ifeq ($(USE_NET),1) adds libs/network/http/jswrap_http.c" },
  { module: "NetworkJS", needs: ["NET"], source: "Makefile: USE_NET adds libs/network/js/jswrap_jsnetwork.c unless USE_NETWORK_JS=0" },
  { module: "Wifi", needs: ["NET"], families: ["ESP32", "ESP32_IDF4", "ESP8266"], source: "Makefile: USE_NET on FAMILY ESP32, ESP32_IDF4 or ESP8266 sets USE_ESP32 / USE_ESP8266, which add libs/network/jswrap_wifi.c" },
  { module: "ESP8266", needs: ["NET"], families: ["ESP8266"], source: "Makefile: USE_ESP8266 adds libs/network/esp8266/jswrap_esp8266_network.c: library \"ESP8266\"" },
  { module: "TelnetServer", needs: ["NET", "TELNET"], source: "Makefile: USE_TELNET (inside USE_NET) adds libs/network/telnet/jswrap_telnet.c" },
  { module: "crypto", needs: ["CRYPTO"], source: "libs/crypto/jswrap_crypto.c: library \"crypto\", ifdef USE_CRYPTO" },
  { module: "tensorflow", needs: ["TENSORFLOW"], source: "Makefile: USE_TENSORFLOW includes make/misc/tensorflow.make" },
  { module: "tv", needs: ["TV"], source: "Makefile: ifeq ($(USE_TV),1) adds libs/tv/jswrap_tv.c" },
  { module: "neopixel", needs: ["NEOPIXEL"], source: "Makefile: ifeq ($(USE_NEOPIXEL),1) adds libs/neopixel/jswrap_neopixel.c" },
];

/** Every built-in module thincall knows, whichever board has it. */
export const BUILTIN_MODULES: readonly string[] = MODULE_RULES.map((r) => r.module);

/**
 * Names people `require` that are global classes, not modules, on the boards that have them:
 * `require("ESP32")` fails with "Module ESP32 not found" everywhere.
 */
export const CLASSES_NOT_MODULES: Readonly<Record<string, string>> = {
  ESP32: "targets/esp32/jswrap_esp32.c: \"type\": \"class\", \"class\": \"ESP32\"",
  NRF: "libs/bluetooth/jswrap_bluetooth.c: \"type\": \"object\", \"name\": \"NRF\"",
  E: "src/jswrap_espruino.c: \"type\": \"class\", \"class\": \"E\"",
  Bangle: "libs/banglejs/jswrap_bangle.c: \"type\": \"class\", \"class\": \"Bangle\"",
  Puck: "libs/puckjs/jswrap_puck.c: \"type\": \"class\", \"class\": \"Puck\"",
  Graphics: "libs/graphics/jswrap_graphics.c: \"type\": \"class\", \"class\": \"Graphics\"",
};

/** What puts one board-specific global class (`Bangle`, `ESP32`) in a build. */
interface GlobalRule {
  global: string;
  /** Libraries that must all be in the board file's list. @default none */
  needs?: string[];
  /** Only for these chip families. @default every family */
  families?: string[];
  /** A wrapper the board file's makefile lines add (`WRAPPERSOURCES += …`). @default none */
  wrapper?: string;
  source: string;
}

/** Global classes that only some builds have: code using one elsewhere fails with ReferenceError. */
export const GLOBAL_RULES: readonly GlobalRule[] = [
  { global: "ESP32", needs: ["NET"], families: ["ESP32", "ESP32_IDF4"], source: "Makefile: USE_ESP32 (USE_NET on the ESP32 families) adds targets/esp32/jswrap_esp32.c: class \"ESP32\"" },
  { global: "NRF", needs: ["BLUETOOTH"], source: "Makefile: ifeq ($(USE_BLUETOOTH),1) adds libs/bluetooth/jswrap_bluetooth.c: class \"NRF\"" },
  { global: "NRF", wrapper: "libs/misc/jswrap_emulated.c", source: "the emulator's board file adds libs/misc/jswrap_emulated.c: a stand-in class \"NRF\"" },
  { global: "Graphics", needs: ["GRAPHICS"], source: "Makefile: ifeq ($(USE_GRAPHICS),1) adds libs/graphics/jswrap_graphics.c: class \"Graphics\"" },
  { global: "Bangle", wrapper: "libs/banglejs/jswrap_bangle.c", source: "the board file adds libs/banglejs/jswrap_bangle.c: class \"Bangle\"" },
  { global: "Puck", wrapper: "libs/puckjs/jswrap_puck.c", source: "the board file adds libs/puckjs/jswrap_puck.c: class \"Puck\"" },
  { global: "Pixl", wrapper: "libs/pixljs/jswrap_pixljs.c", source: "the board file adds libs/pixljs/jswrap_pixljs.c: class \"Pixl\"" },
  { global: "Jolt", wrapper: "libs/joltjs/jswrap_jolt.c", source: "the board file adds libs/joltjs/jswrap_jolt.c: class \"Jolt\"" },
  { global: "Microbit", wrapper: "libs/microbit/jswrap_microbit.c", source: "the board file adds libs/microbit/jswrap_microbit.c: class \"Microbit\"" },
];

/** Every board-specific global class thincall knows. */
export const BOARD_GLOBALS: readonly string[] = [...new Set(GLOBAL_RULES.map((r) => r.global))];

/** The board-specific global classes of a build, from its libraries, family and makefile lines. */
export function globalsFor(libraries: readonly string[], family: string, makefile: readonly string[]): string[] {
  const wrappers = makefile.filter((l) => /WRAPPERSOURCES/.test(l)).join(" ");
  return GLOBAL_RULES.filter((r) => (r.needs ?? []).every((l) => libraries.includes(l)) && (!r.families || r.families.includes(family))
    && (!r.wrapper || wrappers.includes(r.wrapper))).map((r) => r.global).filter((g, i, all) => all.indexOf(g) === i);
}

/** The modules of a build with these board-file libraries, for a chip family (`chip.family`). */
export function modulesFor(libraries: readonly string[], saveOnFlash: readonly string[], family: string): string[] {
  const has = (lib: string) => libraries.includes(lib);
  const small = saveOnFlash.includes("SAVE_ON_FLASH");
  return MODULE_RULES.filter((r) => (r.needs ?? []).every(has) && (!r.families || r.families.includes(family)) && !(small && r.notOnSaveOnFlash))
    .map((r) => r.module);
}
