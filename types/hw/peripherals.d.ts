/**
 * The I2C, SPI, Serial and OneWire classes, on every Espruino build. The hardware instances
 * (`I2C1`, `SPI1`, `Serial1`, `USB`) depend on the board: `types/boards/<board>.d.ts` declares them;
 * `new I2C()`, `new SPI()` and `new Serial()` make software ones on any pins.
 *
 * No `prototype` of the instance type is declared: on Espruino a built-in class's methods are not
 * properties of its prototype (`I2C.prototype.writeTo` is undefined on 2v29).
 */

type EspruinoData = string | number | ArrayLike<number> | ArrayBuffer | { data: EspruinoData; count: number };

/** Options of I2C.setup. */
interface I2CSetupOptions {
  scl?: Pin;
  sda?: Pin;
  /** Bit rate in Hz. @default 100000 */
  bitrate?: number;
  /** Use the chip's internal pull-ups (software I2C). @default false */
  pullup?: boolean;
}
/** An I2C bus: a hardware one (`I2C1`) or `new I2C()` in software. */
interface I2C {
  setup(options?: I2CSetupOptions): void;
  /** Writes to the device at `address`; `{ address, stop: false }` keeps the bus for a read. */
  writeTo(address: number | { address: number; stop?: boolean }, ...data: EspruinoData[]): void;
  /** Reads `quantity` bytes from the device at `address`. */
  readFrom(address: number | { address: number; stop?: boolean }, quantity: number): Uint8Array;
  /** Writes register `reg` then reads `quantity` bytes (one transaction). */
  readReg(address: number, reg: number, quantity: number): Uint8Array;
}
declare const I2C: { new (): I2C; find(pin: Pin): I2C | undefined };

/** Options of SPI.setup. */
interface SPISetupOptions {
  sck?: Pin;
  miso?: Pin;
  mosi?: Pin;
  /** Baud rate in Hz. @default 100000 */
  baud?: number;
  /** SPI mode 0 to 3. @default 0 */
  mode?: 0 | 1 | 2 | 3;
  order?: "msb" | "lsb";
  bits?: number;
}
/** An SPI bus: a hardware one (`SPI1`) or `new SPI()` in software. */
interface SPI {
  setup(options?: SPISetupOptions): void;
  /** Sends `data` (with `nss` low when given) and returns what came back, of the same kind. */
  send(data: EspruinoData, nss?: Pin): string | number | Uint8Array | undefined;
  /** Sends `data` and discards what comes back. */
  write(...data: Array<EspruinoData | Pin>): void;
  /** Sends each bit of `data` as 4 (or 8) bits, `bit0` or `bit1` (for WS2811-style LEDs). */
  send4bit(data: EspruinoData, bit0: number, bit1: number, nss?: Pin): void;
  send8bit(data: EspruinoData, bit0: number, bit1: number, nss?: Pin): void;
}
declare const SPI: { new (): SPI; find(pin: Pin): SPI | undefined };

/** Options of Serial.setup. */
interface SerialSetupOptions {
  rx?: Pin;
  tx?: Pin;
  ck?: Pin;
  cts?: Pin;
  bytesize?: 7 | 8 | 9;
  parity?: "none" | "o" | "odd" | "e" | "even" | null;
  stopbits?: 1 | 2;
  flow?: "none" | "xon" | null;
  path?: string;
  errors?: boolean;
}
/** A serial port (UART): `Serial1`, `USB`, or `new Serial()` in software. */
interface Serial {
  setup(baudrate?: number, options?: SerialSetupOptions): void;
  unsetup(): void;
  print(value: unknown): void;
  println(value: unknown): void;
  write(...data: EspruinoData[]): void;
  /** Characters waiting to be read (only without a `data` handler). */
  available(): number;
  read(chars?: number): string;
  /** Sends the console to this port. */
  setConsole(force?: boolean): void;
  inject(...data: EspruinoData[]): void;
  pipe(destination: unknown, options?: { chunkSize?: number; end?: boolean; complete?: () => void }): void;
  on(event: "data", fn: (data: string) => void): void;
  on(event: "framing" | "parity", fn: () => void): void;
  removeAllListeners(event?: string): void;
}
declare const Serial: { new (): Serial; find(pin: Pin): Serial | undefined };

/** A 1-Wire bus on one pin (`new OneWire(D2)`), as DS18B20 sensors use. */
interface OneWire {
  /** Resets the bus; true when a device answered. */
  reset(): boolean;
  /** Selects a device by its ROM id (a hex string from search()). */
  select(rom: string): void;
  /** Skips ROM selection (one device on the bus). */
  skip(): void;
  write(data: number | number[] | string, power?: boolean): void;
  read(count?: number): number | Uint8Array;
  /** The ROM ids of the devices on the bus, optionally answering `command`. */
  search(command?: number): string[];
}
declare const OneWire: { new (pin: Pin): OneWire };
