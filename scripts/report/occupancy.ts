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
  private readonly counts: Int32Array;
  private visited = 0;

  /** @param cell grid resolution in pixels. @default 2 */
  constructor(
    width: number,
    height: number,
    private readonly cell = 2,
  ) {
    this.cols = Math.ceil(width / cell);
    this.rows = Math.ceil(height / cell);
    this.counts = new Int32Array(this.cols * this.rows);
  }

  /** Cells read or written so far: the work done, which tests compare across sizes. */
  get cellsVisited(): number {
    return this.visited;
  }

  /** Takes the cells of `box` (once more, when called twice). */
  add(box: Box): void {
    this.addCount(box, 1);
  }

  /** Gives back the cells of a box added before. */
  remove(box: Box): void {
    this.addCount(box, -1);
  }

  /** Whether no cell of the box from (x1, y1) to (x2, y2) is taken. */
  isFree(x1: number, y1: number, x2: number, y2: number): boolean {
    const [c1, c2, r1, r2] = this.cells(x1, y1, x2, y2);
    for (let r = r1; r < r2; r++) {
      for (let i = r * this.cols + c1, end = r * this.cols + c2; i < end; i++) {
        this.visited++;
        if (this.counts[i] !== 0) return false;
      }
    }
    return true;
  }

  private addCount(box: Box, delta: number): void {
    const [c1, c2, r1, r2] = this.cells(box.x1, box.y1, box.x2, box.y2);
    for (let r = r1; r < r2; r++) {
      for (let i = r * this.cols + c1, end = r * this.cols + c2; i < end; i++) this.counts[i] += delta;
    }
    this.visited += Math.max(0, c2 - c1) * Math.max(0, r2 - r1);
  }

  /** Column and row ranges (end excluded) of the cells a box's inside touches, clipped to the grid. */
  private cells(x1: number, y1: number, x2: number, y2: number): [number, number, number, number] {
    return [
      Math.max(0, Math.floor(x1 / this.cell)),
      Math.min(this.cols, Math.ceil(x2 / this.cell)),
      Math.max(0, Math.floor(y1 / this.cell)),
      Math.min(this.rows, Math.ceil(y2 / this.cell)),
    ];
  }
}
