import { existsSync } from "node:fs";
import type { BoardProfile } from "../boards/profile.ts";
import { UserError } from "../errors.ts";
import { SerialTransport } from "./serial.ts";
import { TcpTransport } from "./tcp.ts";
import type { Transport } from "./transport.ts";

/** Where a port spec points. */
export type PortSpec =
  | { kind: "virtual" }
  | { kind: "emu" }
  | { kind: "tcp"; host: string; port: number }
  | { kind: "serial"; path: string };

/**
 * Parses `virtual`, `emu` (the Espruino emulator), `tcp://host[:port]` (port from the profile, else 23) or a serial path.
 * Without a spec, `$ESPRUINO_PORT` is used, and the virtual board when that is unset too.
 */
export function parsePort(spec: string | undefined, board: BoardProfile, env = process.env): PortSpec {
  const s = spec ?? env.ESPRUINO_PORT ?? "virtual";
  if (s === "virtual") return { kind: "virtual" };
  if (s === "emu") return { kind: "emu" };
  if (s.startsWith("tcp://")) {
    const m = /^tcp:\/\/([^:/]+)(?::(\d+))?\/?$/.exec(s);
    if (!m) throw new UserError(`bad TCP port "${s}"; use tcp://host[:port]`);
    const port = m[2] ? Number(m[2]) : (board.console.tcpPort ?? 23);
    if (!(port > 0 && port < 65536)) throw new UserError(`bad TCP port number in "${s}"`);
    return { kind: "tcp", host: m[1], port };
  }
  if (/^[a-z]+:\/\//i.test(s)) throw new UserError(`unsupported port "${s}"; use a serial device, tcp://host[:port], emu or virtual`);
  return { kind: "serial", path: s };
}

/**
 * Checks what can be checked of a port without opening it: a serial device must exist. Called
 * before a build, so a missing board is reported at once, not after the bundle is built.
 */
export function checkPortExists(spec: PortSpec): void {
  if (spec.kind === "serial" && !existsSync(spec.path)) {
    throw new UserError(`serial port ${spec.path} not found (is the board plugged in?)`);
  }
}

/** Creates the transport for a port spec. */
export async function createTransport(spec: PortSpec, board: BoardProfile): Promise<Transport> {
  switch (spec.kind) {
    case "virtual": {
      const { createVirtualTransport } = await import("./virtual.ts");
      return createVirtualTransport(board);
    }
    case "emu": {
      const [{ requireEmulator }, { createEmuTransport }] = await Promise.all([import("../emu/locate.ts"), import("./emu.ts")]);
      return createEmuTransport(requireEmulator());
    }
    case "tcp":
      return new TcpTransport(spec.host, spec.port);
    case "serial":
      return new SerialTransport(spec.path, Number(process.env.THINCALL_BAUD) || board.console.baud || 115200);
  }
}
