/**
 * The built-in benchmark: rects and triangles (firmware/workloads/shapes.ts) in every style
 * (firmware/bench/builtin.ts), run by firmware/bench/main.ts.
 */
import { BUILTIN_LOOPS, BUILTIN_STYLES } from "./bench/builtin";
import { runBench } from "./bench/main";

runBench(BUILTIN_STYLES, BUILTIN_LOOPS);
