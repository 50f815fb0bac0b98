/**
 * The built-in benchmark: the styles generated from firmware/workloads/shapes.ts (rects and
 * triangles), with the hand-written reference rows and the kernel (firmware/bench/extras.ts),
 * in the order of STYLE_IDS (scripts/bench/schema.ts). See firmware/bench/main.ts.
 */
import { baselineInline, floorLocalCall, thinBatch } from "./bench/extras";
import { LOOPS, STYLES } from "./bench/generated/index";
import { runBench } from "./bench/main";

runBench([baselineInline, floorLocalCall].concat(STYLES, [thinBatch]), LOOPS);
