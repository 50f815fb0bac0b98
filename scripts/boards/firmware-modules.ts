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

/** The modules of a build with these board-file libraries, for a chip family (`chip.family`). */
export function modulesFor(libraries: readonly string[], saveOnFlash: readonly string[], family: string): string[] {
  const has = (lib: string) => libraries.includes(lib);
  const small = saveOnFlash.includes("SAVE_ON_FLASH");
  return MODULE_RULES.filter((r) => (r.needs ?? []).every(has) && (!r.families || r.families.includes(family)) && !(small && r.notOnSaveOnFlash))
    .map((r) => r.module);
}
