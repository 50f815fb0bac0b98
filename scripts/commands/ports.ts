import { existsSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * `thincall ports`: the serial ports this machine sees, with their USB ids, and which Espruino
 * board each likely is (from the USB id of the board's own USB port or its USB-serial bridge).
 */

/** What `SerialPort.list()` reports about one port. */
export interface PortInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

/** A USB id seen on boards that run Espruino, and what it suggests. */
interface KnownUsbId {
  vid: string;
  /** Product id, or undefined for any product of the vendor. */
  pid?: string;
  /** What the id means. */
  means: string;
  /** Board profiles it suggests (see `thincall boards`). */
  boards: string[];
}

/** USB ids of Espruino boards and of the USB-serial bridges on ESP32 boards. */
export const KNOWN_USB_IDS: KnownUsbId[] = [
  { vid: "0483", pid: "5740", means: "Espruino's own USB (STM32 virtual COM port)", boards: ["espruino-pico"] },
  { vid: "2e8a", means: "Raspberry Pi RP2040/RP2350 USB", boards: ["rp2040-pico", "rp2350-pico2"] },
  { vid: "303a", pid: "1001", means: "ESP32-C3/S3 built-in USB-JTAG serial", boards: ["esp32c3"] },
  { vid: "10c4", pid: "ea60", means: "CP210x USB-serial bridge (common on ESP32 boards)", boards: ["esp32"] },
  { vid: "1a86", pid: "7523", means: "CH340 USB-serial bridge (common on ESP32 boards)", boards: ["esp32"] },
  { vid: "1a86", pid: "55d4", means: "CH9102 USB-serial bridge (common on ESP32 boards)", boards: ["esp32"] },
  { vid: "0403", pid: "6001", means: "FTDI USB-serial bridge", boards: ["esp32"] },
];

/** The known id matching a port, if any. */
export function identify(port: PortInfo): KnownUsbId | undefined {
  const vid = port.vendorId?.toLowerCase();
  const pid = port.productId?.toLowerCase();
  return KNOWN_USB_IDS.find((k) => k.vid === vid && (k.pid === undefined || k.pid === pid));
}

/** The listing: one line per port, plus how to use one. */
export function formatPorts(ports: PortInfo[]): string {
  if (ports.length === 0) return "no serial ports found (is the board plugged in, and is your user in the dialout group?)";
  const rows = ports.map((p) => {
    const id = p.vendorId && p.productId ? `${p.vendorId.toLowerCase()}:${p.productId.toLowerCase()}` : "-";
    const known = identify(p);
    const likely = known ? `likely ${known.boards.join(" or ")}: ${known.means}` : "";
    return [p.path, id, p.manufacturer ?? "", likely];
  });
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), ["port", "usb id", "manufacturer"][i].length));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(w[i]) : c)).join("  ").trimEnd();
  return [line(["port", "usb id", "manufacturer", "board"]), ...rows.map(line), "", "use one: thincall flash main.ts --port <port> --board <board>"].join("\n");
}

/**
 * USB serial ports read from Linux's sysfs, for machines without `udevadm` (containers), which
 * serialport's Linux lister needs.
 */
export function listFromSysfs(root = "/sys/class/tty"): PortInfo[] {
  if (!existsSync(root)) return [];
  const ports: PortInfo[] = [];
  for (const name of readdirSync(root).filter((n) => /^tty(USB|ACM)\d+$/.test(n)).sort()) {
    let dir: string;
    try {
      dir = realpathSync(join(root, name, "device"));
    } catch {
      continue;
    }
    // The USB device (with idVendor) is a few levels above the tty's interface.
    for (let i = 0; i < 4 && !existsSync(join(dir, "idVendor")); i++) dir = dirname(dir);
    const read = (f: string) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), "utf8").trim() : undefined);
    ports.push({ path: `/dev/${name}`, vendorId: read("idVendor"), productId: read("idProduct"), manufacturer: read("manufacturer"), serialNumber: read("serial") });
  }
  return ports;
}

/** serialport's `SerialPort.list()`, falling back to sysfs where it cannot run. */
async function listPorts(): Promise<PortInfo[]> {
  try {
    return await (await import("serialport")).SerialPort.list();
  } catch {
    return listFromSysfs();
  }
}

/** Lists the serial ports (serialport's `SerialPort.list()`), naming likely Espruino boards. */
export async function runPorts(out: NodeJS.WritableStream = process.stdout, list: () => Promise<PortInfo[]> = listPorts): Promise<void> {
  out.write(formatPorts(await list()) + "\n");
}
