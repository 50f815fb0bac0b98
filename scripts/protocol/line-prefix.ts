/**
 * The tokens of the device-to-host line protocol that more than one layer needs: the console
 * tells records from faults by the prefix, the bench parses them, the firmware prints them.
 */

/** Prefix of every protocol line; the digit is the protocol version. */
export const LINE_PREFIX = "@tc2 ";

/** The longest text (an error, a reason) a record carries, in characters. */
export const RECORD_TEXT_LIMIT = 500;
