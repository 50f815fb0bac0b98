/** Every style, in the order of STYLE_IDS (scripts/bench/schema.ts): the floor first. */
import type { Style } from "./harness";
import { floorLocalCall, jsBind, jsClass, jsClosure, jsLiteralClosures, jsLiteralShared, jsPrototype, jsSwitch } from "./styles-js";
import { thinFunc, thinPacked, thinTable, thinVtable } from "./styles-thin";

export const STYLES: Style[] = [
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
];
