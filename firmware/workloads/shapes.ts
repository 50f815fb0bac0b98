/**
 * The built-in bench's workload: rects and triangles alternating (even indexes rects), two f32
 * fields and the methods `area()` and `grow(k)`. Values are small integers, so every
 * representation (doubles, f32 columns) computes the same sums. Its styles are generated into
 * firmware/bench/generated/ (`npm run gen:bench`; a test checks they are current).
 */
import { defineWorkload } from "thincall/workload";

export default defineWorkload({
  types: {
    Rect: {
      fields: { w: { kind: "f32", init: (i) => 1 + (i % 7) }, h: { kind: "f32", init: (i) => 2 + (i % 5) } },
      methods: {
        area() {
          return this.w * this.h;
        },
        grow(k: number) {
          this.w += k;
          this.h += k;
        },
      },
    },
    Tri: {
      fields: { w: { kind: "f32", init: (i) => 1 + (i % 7) }, h: { kind: "f32", init: (i) => 2 + (i % 5) } },
      methods: {
        area() {
          return (this.w * this.h) / 2;
        },
        grow(k: number) {
          this.w += k;
          this.h += k;
        },
      },
    },
  },
  loops: [
    { name: "area", call: "area", reduce: "sum" },
    { name: "grow", call: "grow", args: [1] },
  ],
});
