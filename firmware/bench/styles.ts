/** Every style, in the order of STYLE_IDS (scripts/bench/schema.ts): the baseline first. */
import type { Style } from "./harness";
import {
  baselineInline, floorLocalCall, jsBind, jsClass, jsClosure, jsLiteralClosures, jsLiteralShared, jsPrototype, jsSwitch,
} from "./styles-js";
import { thinBatch, thinFunc, thinPacked, thinTable, thinVtable } from "./styles-thin";

export const STYLES: Style[] = [
  baselineInline,
  floorLocalCall,
  jsClass,
  jsPrototype,
  jsLiteralClosures,
  jsLiteralShared,
  jsClosure,
  jsBind,
  jsSwitch,
  thinFunc,
  thinVtable,
  thinTable,
  thinPacked,
  thinBatch,
];
