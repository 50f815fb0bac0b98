/** The device side of the line protocol (see scripts/bench/schema.ts). */

/** Protocol prefix; the digit is the protocol version. */
export const PREFIX = "@tc1 ";

/** Prints one protocol record as a line: prefix + JSON. */
export function emit(record: object): void {
  print(PREFIX + JSON.stringify(record));
}

/** Rounds to 3 decimals, to keep lines short. */
export function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
