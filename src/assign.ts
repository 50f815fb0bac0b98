/**
 * `Object.assign`, named once: the core calls it in two places, and a short name costs fewer
 * bytes than two full member reads.
 * @packageDocumentation
 */

/** `Object.assign` (a static function: it needs no `this`). */
export const assign: typeof Object.assign = Object.assign;
