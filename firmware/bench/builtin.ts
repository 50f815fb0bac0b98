/**
 * The built-in bench's styles in the order of STYLE_IDS (scripts/bench/schema.ts): the reference
 * rows, the styles generated from firmware/workloads/shapes.ts, and the kernel.
 */
import { baselineInline, floorLocalCall, thinBatch } from "./extras";
import { LOOPS, STYLES } from "./generated/index";
import type { LoopInfo, Style } from "./harness";

export var BUILTIN_STYLES: Style[] = [baselineInline, floorLocalCall].concat(STYLES, [thinBatch]);

export var BUILTIN_LOOPS: LoopInfo[] = LOOPS;
