/**
 * Bluetooth LE on nRF52 boards (Puck.js, Pixl.js, MDBT42Q, Bangle.js): the `NRF` object, and
 * `Bluetooth`, the console's serial port over BLE.
 */

/** Advertising data: service UUID → bytes, or raw advertising bytes. */
type NRFAdvertisingData = Record<string, number | string | ArrayLike<number> | ArrayBuffer> | ArrayLike<number> | ArrayBuffer;

interface NRFAdvertisingOptions {
  /** Device name in the advertisement. */
  name?: string;
  /** Whether the device shows as connectable. @default true */
  connectable?: boolean;
  scannable?: boolean;
  /** Advertising interval in ms. @default 375 */
  interval?: number;
  /** Manufacturer id for `manufacturerData`. */
  manufacturer?: number;
  manufacturerData?: ArrayLike<number> | string;
  /** Show in the advertisement the services with these UUIDs. */
  showName?: boolean;
  discoverable?: boolean;
  whenConnected?: boolean;
  phy?: "1mbps" | "2mbps" | "coded" | string;
}

/** A GATT characteristic for NRF.setServices. */
interface NRFCharacteristic {
  value?: string | number | ArrayLike<number> | ArrayBuffer;
  maxLen?: number;
  broadcast?: boolean;
  readable?: boolean;
  writable?: boolean;
  notify?: boolean;
  indicate?: boolean;
  description?: string;
  security?: { read?: { encrypted?: boolean; mitm?: boolean; lesc?: boolean; signed?: boolean }; write?: { encrypted?: boolean; mitm?: boolean; lesc?: boolean; signed?: boolean } };
  onWrite?: (evt: { data: ArrayBuffer }) => void;
  onWriteDesc?: (evt: { data: ArrayBuffer }) => void;
}

interface BluetoothDevice {
  id: string;
  rssi: number;
  name?: string;
  data: ArrayBuffer;
  manufacturer?: number;
  manufacturerData?: ArrayBuffer;
  serviceData?: Record<string, ArrayBuffer>;
  services?: string[];
  gatt?: unknown;
}

interface NRFStatic {
  /** Sets what the board advertises (service data, manufacturer data, or an array of advertisements to rotate). */
  setAdvertising(data: NRFAdvertisingData | NRFAdvertisingData[], options?: NRFAdvertisingOptions): void;
  /** The advertising bytes `setAdvertising` would use. */
  getAdvertisingData(data: NRFAdvertisingData, options?: NRFAdvertisingOptions): Uint8Array;
  setScanResponse(data: ArrayLike<number> | ArrayBuffer | undefined): void;
  /** Declares GATT services: service UUID → characteristic UUID → characteristic. */
  setServices(data: Record<string, Record<string, NRFCharacteristic>> | undefined, options?: { uart?: boolean; hid?: ArrayLike<number>; advertise?: string[] }): void;
  /** Updates characteristic values (and notifies). */
  updateServices(data: Record<string, Record<string, { value?: string | number | ArrayLike<number> | ArrayBuffer; notify?: boolean; indicate?: boolean; readable?: boolean }>>): void;
  getAddress(): string;
  setAddress(addr: string): void;
  /** Stops advertising and disconnects. */
  sleep(): void;
  /** Starts advertising again. */
  wake(): void;
  disconnect(): void;
  restart(callback?: () => void): void;
  /** Transmit power in dBm (-20 to 4 or 8). */
  setTxPower(power: number): void;
  getBattery(): number;
  setConnectionInterval(interval: number | "auto" | { minInterval: number; maxInterval: number }): void;
  setScan(callback?: (device: BluetoothDevice) => void, options?: { filters?: unknown[]; timeout?: number; active?: boolean; extended?: boolean }): void;
  findDevices(callback: (devices: BluetoothDevice[]) => void, options?: number | { filters?: unknown[]; timeout?: number; active?: boolean }): void;
  requestDevice(options?: { filters?: unknown[]; timeout?: number; active?: boolean; phy?: string }): Promise<BluetoothDevice>;
  connect(mac: string, options?: unknown): Promise<unknown>;
  setSecurity(options: { display?: boolean; keyboard?: boolean; bond?: boolean; mitm?: boolean; lesc?: boolean | 0 | 1; passkey?: string; oob?: string; pin?: string }): void;
  getSecurityStatus(): { connected: boolean; encrypted?: boolean; mitm_protected?: boolean; bonded?: boolean; connected_addr?: string };
  setWhitelist(whitelisting: boolean): void;
  /** RSSI of the current connection, through the "rssi" event. */
  setRSSIHandler(callback?: (rssi: number) => void): void;
  nfcURL(url?: string): void;
  nfcRaw(payload?: ArrayLike<number>): void;
  nfcStart(payload?: ArrayLike<number>): ArrayBuffer;
  nfcStop(): void;
  sendHIDReport(data: ArrayLike<number>, callback?: () => void): void;
  on(event: "connect", fn: (addr: string) => void): void;
  on(event: "disconnect", fn: (reason: number) => void): void;
  on(event: "servicesDiscover" | "characteristicsDiscover" | "security" | "bond" | "advertising" | "HID", fn: (...args: any[]) => void): void;
  on(event: "NFCon" | "NFCoff", fn: () => void): void;
  on(event: "NFCrx", fn: (data: ArrayBuffer) => void): void;
  on(event: string, fn: (...args: any[]) => void): void;
  removeListener(event: string, fn: (...args: any[]) => void): void;
  removeAllListeners(event?: string): void;
}
/** Bluetooth LE: advertising, services, scanning, connections. */
declare const NRF: NRFStatic;
/** The console's serial port over Bluetooth (Nordic UART). */
declare const Bluetooth: Serial;
