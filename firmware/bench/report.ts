/** The device side of the line protocol: its records are typed by the host's schema. */
import type { DeviceRecord } from "../../scripts/bench/schema";
import { protocolLine } from "../../scripts/protocol/line-hash";

/**
 * Prints one protocol record as a line: prefix, JSON (undefined fields are left out) and the
 * JSON text's hash, which the host checks (scripts/protocol/line-hash.ts).
 */
export function emit(record: DeviceRecord): void {
  print(protocolLine(JSON.stringify(record)));
}

/** Rounds to 3 decimals, to keep lines short. */
export function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
