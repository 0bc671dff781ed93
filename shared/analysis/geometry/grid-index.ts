import type { BBox } from './shapes.ts';

/**
 * A static bounding-box index on a uniform grid: each item is listed in every cell its box meets, and a
 * query visits the cells the query box meets, reporting each item once. With cells about the size of a
 * typical item this is as fast as an R-tree for the even-sized boxes analyses deal with (buffers,
 * residential blocks, street segments) and small enough to write out.
 */
export class GridIndex {
  private readonly minX: number;
  private readonly minY: number;
  private readonly cols: number;
  private readonly rows: number;
  private readonly size: number;
  private readonly start: Int32Array;
  private readonly items: Int32Array;
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** `boxes[i]` is item i's box; `cellSize` defaults to twice the mean box side (at least 1 m). */
  constructor(private readonly boxes: readonly BBox[], cellSize?: number) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, side = 0;
    for (const b of boxes) {
      if (b[0] < minX) minX = b[0];
      if (b[1] < minY) minY = b[1];
      if (b[2] > maxX) maxX = b[2];
      if (b[3] > maxY) maxY = b[3];
      side += b[2] - b[0] + b[3] - b[1];
    }
    if (boxes.length === 0) { minX = minY = 0; maxX = maxY = 1; }
    let size = cellSize ?? Math.max(1, boxes.length ? side / boxes.length : 1);
    // Keep the grid to a few million cells whatever the spread of the data.
    while (((maxX - minX) / size + 1) * ((maxY - minY) / size + 1) > 4 * boxes.length + 4096) size *= 1.5;
    this.minX = minX;
    this.minY = minY;
    this.size = size;
    this.cols = Math.floor((maxX - minX) / size) + 1;
    this.rows = Math.floor((maxY - minY) / size) + 1;
    const counts = new Int32Array(this.cols * this.rows + 1);
    this.eachCell(boxes, (c) => { counts[c + 1]++; });
    for (let i = 1; i < counts.length; i++) counts[i] += counts[i - 1];
    this.start = counts.slice();
    this.items = new Int32Array(counts[counts.length - 1]);
    this.eachCell(boxes, (c, i) => { this.items[counts[c]++] = i; });
    this.seen = new Uint32Array(boxes.length);
  }

  private eachCell(boxes: readonly BBox[], fn: (cell: number, item: number) => void): void {
    boxes.forEach((b, i) => {
      const [c0, r0, c1, r1] = this.cellRange(b[0], b[1], b[2], b[3]);
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) fn(r * this.cols + c, i);
    });
  }

  private cellRange(x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
    const clampC = (v: number) => Math.min(this.cols - 1, Math.max(0, Math.floor((v - this.minX) / this.size)));
    const clampR = (v: number) => Math.min(this.rows - 1, Math.max(0, Math.floor((v - this.minY) / this.size)));
    return [clampC(x0), clampR(y0), clampC(x1), clampR(y1)];
  }

  /** Items whose boxes meet [x0, y0, x1, y1] (touching counts). */
  search(x0: number, y0: number, x1: number, y1: number): number[] {
    const out: number[] = [];
    if (this.boxes.length === 0) return out;
    if (++this.stamp === 0xffffffff) { this.seen.fill(0); this.stamp = 1; }
    const [c0, r0, c1, r1] = this.cellRange(x0, y0, x1, y1);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = r * this.cols + c;
        for (let k = this.start[cell]; k < this.start[cell + 1]; k++) {
          const i = this.items[k];
          if (this.seen[i] === this.stamp) continue;
          this.seen[i] = this.stamp;
          const b = this.boxes[i];
          if (b[0] <= x1 && b[2] >= x0 && b[1] <= y1 && b[3] >= y0) out.push(i);
        }
      }
    }
    return out;
  }
}
