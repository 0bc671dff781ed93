import { describe, expect, it } from 'vitest';
import { GridIndex } from '../../../../shared/analysis/geometry/grid-index.ts';
import type { BBox } from '../../../../shared/analysis/geometry/shapes.ts';
import { mulberry32 } from '../../../../seeds/random.ts';

describe('GridIndex', () => {
  it('finds exactly the boxes a brute-force scan finds, each once', () => {
    const rnd = mulberry32(3);
    const boxes: BBox[] = [];
    for (let i = 0; i < 2000; i++) {
      const x = rnd() * 10000, y = rnd() * 6000, w = rnd() < 0.05 ? rnd() * 3000 : rnd() * 200;
      boxes.push([x, y, x + w, y + rnd() * 200]);
    }
    const index = new GridIndex(boxes);
    for (let q = 0; q < 200; q++) {
      const x = rnd() * 11000 - 500, y = rnd() * 7000 - 500, s = rnd() * 800;
      const expected = boxes.flatMap((b, i) => (b[0] <= x + s && b[2] >= x && b[1] <= y + s && b[3] >= y ? [i] : []));
      expect(index.search(x, y, x + s, y + s).sort((a, b) => a - b)).toEqual(expected);
    }
  });

  it('answers nothing when empty', () => {
    expect(new GridIndex([]).search(0, 0, 1, 1)).toEqual([]);
  });
});
