/**
 * How many styles the report's tables list. A bench runs 14 styles; a results file with
 * thousands (a generated or custom bench) would print a table nobody scrolls through and push
 * the capacity and the picks out of sight. Tables list the first styles in style order and say
 * how many more there are; `thincall report --all` lists every one. Charts have their own,
 * smaller limit (chart-selection.ts).
 */
import { grouped } from "./format.ts";

/** Styles a table lists unless told to list all. */
export const TABLE_STYLE_LIMIT = 100;

/**
 * Styles the capacity table projects unless told to list all: they are its columns, and a
 * terminal line of 100 columns wraps into noise. The bench's own 14 fit.
 */
export const CAPACITY_STYLE_LIMIT = 20;

/** The line that ends a table which left `count` styles out. */
export function moreStylesLine(count: number): string {
  return `… ${grouped(count)} more style${count === 1 ? "" : "s"} (thincall report --all shows every one)`;
}
