/**
 * Espruino's built-in modules, as `require("Name")` returns them. Which exist depends on the
 * board's build: `thincall build --board <id>` flags a module the board lacks (see the board
 * profile's `modules`). Signatures follow Espruino's reference (espruino.com/Reference).
 */

/** Files in the flash memory's Storage area. */
interface EspruinoStorage {
  write(name: string, data: string | ArrayBuffer | Uint8Array, offset?: number, size?: number): boolean;
  read(name: string, offset?: number, length?: number): string | undefined;
  readArrayBuffer(name: string): ArrayBuffer | undefined;
  readJSON(name: string, noExceptions?: boolean): unknown;
  writeJSON(name: string, data: unknown): boolean;
  erase(name: string): void;
  eraseAll(): void;
  list(regex?: RegExp, filter?: { sf?: boolean }): string[];
  getFree(checkInternalFlash?: boolean): number;
  getStats(): { totalBytes: number; freeBytes: number; fileBytes: number; fileCount: number; trashBytes: number; trashCount: number };
  compact(showMessage?: boolean): void;
  hash(regex?: RegExp): number;
  open(name: string, mode: "r" | "w" | "a"): EspruinoStorageFile;
}
interface EspruinoStorageFile {
  read(len: number): string | undefined;
  readLine(): string | undefined;
  write(data: string): void;
  erase(): void;
  getLength(): number;
}

/** Raw access to the flash memory's pages. */
interface EspruinoFlash {
  getPage(addr: number): { addr: number; length: number } | undefined;
  getFree(): { addr: number; length: number }[];
  erasePage(addr: number | Pin): void;
  write(data: string | ArrayBuffer | Uint8Array | number[], addr: number): void;
  read(length: number, addr: number): Uint8Array;
}

/** Files on an SD card or a FAT file system (and the host's files on the Linux build). */
interface EspruinoFs {
  readFile(path: string): string | undefined;
  readFileSync(path: string): string | undefined;
  writeFile(path: string, data: string | ArrayBuffer): boolean;
  writeFileSync(path: string, data: string | ArrayBuffer): boolean;
  appendFile(path: string, data: string | ArrayBuffer): boolean;
  appendFileSync(path: string, data: string | ArrayBuffer): boolean;
  readdir(path?: string): string[] | undefined;
  readdirSync(path?: string): string[] | undefined;
  unlink(path: string): boolean;
  unlinkSync(path: string): boolean;
  mkdir(path: string): boolean;
  mkdirSync(path: string): boolean;
  statSync(path: string): { size: number; dir: boolean; mtime: Date } | undefined;
  getFree(path?: string): { totalSectors: number; freeSectors: number };
  pipe(source: unknown, destination: unknown, options?: { chunkSize?: number; end?: boolean; complete?: () => void }): void;
}

/** A TCP connection. */
interface EspruinoSocket {
  write(data: string | ArrayBuffer): boolean;
  end(data?: string | ArrayBuffer): void;
  available(): number;
  read(chars?: number): string;
  pipe(destination: unknown, options?: { chunkSize?: number; end?: boolean; complete?: () => void }): void;
  on(event: "data", fn: (data: string) => void): void;
  on(event: "close" | "end" | "drain", fn: () => void): void;
  on(event: "error", fn: (e: { code: number; message: string }) => void): void;
}
interface EspruinoServer {
  listen(port: number): EspruinoServer;
  close(): void;
}
interface EspruinoNet {
  connect(options: string | { host: string; port?: number }, callback?: (socket: EspruinoSocket) => void): EspruinoSocket;
  createServer(callback: (socket: EspruinoSocket) => void): EspruinoServer;
}
interface EspruinoTls {
  connect(options: string | { host: string; port?: number; key?: string; cert?: string; ca?: string }, callback?: (socket: EspruinoSocket) => void): EspruinoSocket;
}

/** HTTP: a request received by a server, and the response to it. */
interface EspruinoHttpServerRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  available(): number;
  read(chars?: number): string;
  on(event: "data", fn: (data: string) => void): void;
  on(event: "close" | "end", fn: () => void): void;
}
interface EspruinoHttpServerResponse {
  writeHead(statusCode: number, headers?: Record<string, string>): void;
  setHeader(name: string, value: string): void;
  write(data: string | ArrayBuffer): boolean;
  end(data?: string | ArrayBuffer): void;
  on(event: "close" | "drain", fn: () => void): void;
}
/** HTTP: a request made by the board, and the response it gets. */
interface EspruinoHttpClientRequest {
  write(data: string | ArrayBuffer): boolean;
  end(data?: string | ArrayBuffer): void;
  on(event: "error", fn: (e: { code: number; message: string }) => void): void;
  on(event: "timeout" | "close", fn: () => void): void;
}
interface EspruinoHttpClientResponse {
  statusCode: string;
  statusMessage: string;
  headers: Record<string, string>;
  httpVersion: string;
  available(): number;
  read(chars?: number): string;
  on(event: "data", fn: (data: string) => void): void;
  on(event: "close" | "end", fn: () => void): void;
  on(event: "error", fn: (e: { code: number; message: string }) => void): void;
}
type EspruinoHttpOptions =
  | string
  | { host: string; port?: number; path?: string; method?: string; protocol?: "http:" | "https:"; headers?: Record<string, string> };
interface EspruinoHttp {
  createServer(callback: (req: EspruinoHttpServerRequest, res: EspruinoHttpServerResponse) => void): EspruinoServer;
  get(options: EspruinoHttpOptions, callback?: (res: EspruinoHttpClientResponse) => void): EspruinoHttpClientRequest;
  request(options: EspruinoHttpOptions, callback?: (res: EspruinoHttpClientResponse) => void): EspruinoHttpClientRequest;
}

/** WiFi on ESP32 and ESP8266 boards (and the Espruino WiFi). */
interface EspruinoWifiIp {
  ip: string;
  netmask: string;
  gw: string;
  mac: string;
}
type EspruinoWifiCallback = (err: string | null) => void;
interface EspruinoWifi {
  connect(ssid: string, options?: { password?: string; dnsServers?: string[]; channel?: number; bssid?: string }, callback?: EspruinoWifiCallback): void;
  disconnect(callback?: () => void): void;
  scan(callback: (aps: { ssid: string; mac: string; authMode: string; channel: number; rssi: number }[]) => void): void;
  startAP(ssid: string, options?: { password?: string; authMode?: "open" | "wpa" | "wpa2" | "wpa_wpa2"; channel?: number; hidden?: boolean }, callback?: EspruinoWifiCallback): void;
  stopAP(callback?: () => void): void;
  getIP(callback?: (err: string | null, ip: EspruinoWifiIp) => void): EspruinoWifiIp;
  getAPIP(callback?: (err: string | null, ip: EspruinoWifiIp) => void): EspruinoWifiIp;
  getStatus(callback?: (status: Record<string, unknown>) => void): Record<string, unknown>;
  getDetails(callback?: (details: Record<string, unknown>) => void): Record<string, unknown>;
  setHostname(hostname: string, callback?: () => void): void;
  getHostname(callback?: (hostname: string) => void): string;
  setDHCPHostname(hostname: string): void;
  save(what?: "clear" | "noboot"): void;
  restore(): void;
  ping(host: string, callback: (result: { totalCount: number; totalBytes: number; respTime: number }) => void): void;
  on(event: "connected" | "disconnected" | "associated" | "auth_change" | "probe_recv" | "sta_joined" | "sta_left", fn: (details: Record<string, unknown>) => void): void;
}

/** ESP32-only functions: the global class `ESP32` on ESP32 boards, not a module (`require("ESP32")` fails). */
interface EspruinoEsp32 {
  setAtten(pin: Pin, atten: 0 | 1 | 2 | 3): void;
  reboot(): void;
  deepSleep(us: number): void;
  getState(): { sdkVersion: string; freeHeap: number; BLE: boolean; Wifi: boolean; minHeap: number };
  setBLE_Debug(level: number): void;
  enableBLE(enable: boolean): void;
  enableWifi(enable: boolean): void;
  setOTAValid(valid: boolean): void;
}

interface EspruinoCrypto {
  SHA1(data: string | ArrayBuffer): ArrayBuffer;
  SHA224(data: string | ArrayBuffer): ArrayBuffer;
  SHA256(data: string | ArrayBuffer): ArrayBuffer;
  SHA384(data: string | ArrayBuffer): ArrayBuffer;
  SHA512(data: string | ArrayBuffer): ArrayBuffer;
  PBKDF2(passphrase: string | ArrayBuffer, salt: string | ArrayBuffer, options?: { keySize?: number; iterations?: number; hasher?: string }): ArrayBuffer;
  AES: {
    encrypt(data: string | ArrayBuffer, key: string | ArrayBuffer, options?: { iv?: ArrayBuffer; mode?: string }): ArrayBuffer;
    decrypt(data: string | ArrayBuffer, key: string | ArrayBuffer, options?: { iv?: ArrayBuffer; mode?: string }): ArrayBuffer;
  };
}

interface EspruinoHeatshrink {
  compress(data: string | ArrayBuffer): ArrayBuffer;
  decompress(data: string | ArrayBuffer): ArrayBuffer;
}

interface EspruinoNeopixel {
  write(pin: Pin, data: number[] | Uint8Array | string): void;
}

interface EspruinoDgramSocket {
  send(buffer: string, offset: number, length: number, port: number, host: string): void;
  bind(port: number, callback?: (socket: EspruinoDgramSocket) => void): EspruinoDgramSocket;
  close(): void;
  addMembership(group: string, ip: string): void;
  on(event: "message", fn: (msg: string, info: { address: string; port: number; size: number }) => void): void;
  on(event: "close", fn: () => void): void;
}
interface EspruinoDgram {
  createSocket(type: "udp4" | { type: "udp4"; reuseAddr?: boolean }, callback?: (msg: string, info: { address: string; port: number; size: number }) => void): EspruinoDgramSocket;
}

interface EspruinoTelnetServer {
  setOptions(options: { mode?: "on" | "off"; password?: string }): void;
}

/** Built-in module name → what `require` returns. */
interface EspruinoModules {
  Storage: EspruinoStorage;
  Flash: EspruinoFlash;
  fs: EspruinoFs;
  net: EspruinoNet;
  tls: EspruinoTls;
  http: EspruinoHttp;
  Wifi: EspruinoWifi;
  crypto: EspruinoCrypto;
  heatshrink: EspruinoHeatshrink;
  neopixel: EspruinoNeopixel;
  dgram: EspruinoDgram;
  TelnetServer: EspruinoTelnetServer;
}

/** One of Espruino's built-in modules. */
declare function require<K extends keyof EspruinoModules>(module: K): EspruinoModules[K];
/**
 * Any other module: one from Espruino's module library (`require("DS18B20")`, loaded by the Web IDE
 * or the `espruino` CLI from espruino.com/modules) or one the program ships itself. Its type is
 * `any`: thincall has no typings for the module library. Give it a type where you use it:
 * `const sensor: { getTemp(cb: (t: number) => void): void } = require("DS18B20").connect(ow);`
 */
declare function require(module: string): any;
