/**
 * The built-in benchmark: rects and triangles (firmware/workloads/shapes.ts) in every style
 * (firmware/bench/builtin.ts), run by firmware/bench/main.ts.
 */
import { BUILTIN_LOOPS, BUILTIN_STYLES } from "./bench/builtin";
import { setUp, step } from "./bench/main";

setUp(BUILTIN_STYLES, BUILTIN_LOOPS);
setTimeout(step, 0);
