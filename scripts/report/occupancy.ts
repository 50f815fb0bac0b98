/** An axis-aligned box in pixels. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Which parts of a chart are taken, as counts on a grid of `cell`-pixel squares. Marking and
 * testing a box cost its area in cells, whatever the number of boxes already placed, so placing
 * n labels is O(n), where testing against every placed box was O(n²). A box takes every cell its
 * inside touches, so two boxes that share a cell but not a pixel count as overlapping (a label
 * keeps up to a cell of extra distance); that is the price of the speed.
 */
export class OccupancyGrid {
  private readonly cols: number;
  private readonly rows: number;
  private readonly counts: Uint32Array;

  /** @param cell grid resolution in pixels. @default 2 */
  constructor(
    width: number,
    height: number,
    private readonly cell = 2,
  ) {
    this.cols = Math.ceil(width / cell);
    this.rows = Math.ceil(height / cell);
    this.counts = new Uint32Array(this.cols * this.rows);
  }

  /** Takes the cells of `box` (once more, when called twice). */
  add(box: Box): void {
    this.each(box, (i) => {
      this.counts[i]++;
      return true;
    });
  }

  /** Gives back the cells of a box added before. */
  remove(box: Box): void {
    this.each(box, (i) => {
      this.counts[i]--;
      return true;
    });
  }

  /** Whether no cell of `box` is taken. */
  isFree(box: Box): boolean {
    return this.each(box, (i) => this.counts[i] === 0);
  }

  /** Visits the cells of `box` (clipped to the grid) until `visit` returns false; returns whether it never did. */
  private each(box: Box, visit: (index: number) => boolean): boolean {
    const c1 = Math.max(0, Math.floor(box.x1 / this.cell));
    const c2 = Math.min(this.cols, Math.ceil(box.x2 / this.cell));
    const r1 = Math.max(0, Math.floor(box.y1 / this.cell));
    const r2 = Math.min(this.rows, Math.ceil(box.y2 / this.cell));
    for (let r = r1; r < r2; r++) {
      for (let c = c1, i = r * this.cols + c1; c < c2; c++, i++) if (!visit(i)) return false;
    }
    return true;
  }
}
