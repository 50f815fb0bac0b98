import { cleanLine } from "./lines.ts";

/**
 * Espruino's boot banner, as every build prints it after a reset or a power-up:
 *
 *      ____                 _
 *     |  __|___ ___ ___ _ _|_|___ ___
 *     |  __|_ -| . |  _| | | |   | . |
 *     |____|___|  _|_| |___|_|_|_|___|
 *              |_| espruino.com
 *      2v29 (c) 2025 G.Williams
 *
 * The version line is the sure sign; the logo's last full row is a second one (a garbled line
 * right after a reset may lose either). Both are matched on the cleaned line, so a prompt or an
 * escape in front does not hide them.
 */
const VERSION_LINE = /^\d+v\d+(?:\.\d+)?\S* \(c\) \d{4} G\.Williams\b/;
const LOGO_ROW = /^\|____\|___\|  _\|_\| \|___\|_\|_\|_\|___\|$/;

/** Whether a console line is part of Espruino's boot banner. */
export function isBootBanner(line: string): boolean {
  const clean = cleanLine(line).trim();
  return VERSION_LINE.test(clean) || LOGO_ROW.test(clean);
}
