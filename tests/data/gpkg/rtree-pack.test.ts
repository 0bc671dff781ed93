import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { RtreeBulkLoader, floatDown, floatUp } from '../../../data/gpkg/rtree-pack.ts';

/** A seeded pseudo-random stream in [0, 1). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Entry {
  id: number;
  box: [number, number, number, number];
}

function entries(n: number, seed: number, firstId = 1): Entry[] {
  const r = random(seed);
  return Array.from({ length: n }, (_, i) => {
    const x = 120 + r() * 1.2;
    const y = 30 + r() * 1.1;
    const w = r() * 0.01;
    const h = r() * 0.01;
    return { id: firstId + i * 3, box: [x, x + w, y, y + h] };
  });
}

function rtreeDb(): Database.Database {
  const db = new Database(':memory:');
  db.exec('CREATE VIRTUAL TABLE rt USING rtree(id, minx, maxx, miny, maxy)');
  return db;
}

function load(db: Database.Database, list: Entry[], batch?: number): void {
  const loader = new RtreeBulkLoader(db, 'rt', batch);
  for (const e of list) loader.add(e.id, ...e.box);
  loader.finish();
}

/** Ids whose box meets the query, through the index. */
function query(db: Database.Database, q: [number, number, number, number]): number[] {
  return (db.prepare('SELECT id FROM rt WHERE maxx >= ? AND minx <= ? AND maxy >= ? AND miny <= ? ORDER BY id').all(q[0], q[1], q[2], q[3]) as { id: number }[]).map((r) => r.id);
}

describe('RtreeBulkLoader', () => {
  it.each([
    [0, undefined],
    [1, undefined],
    [7, undefined],
    [51, undefined],
    [52, undefined],
    [2601, undefined],
    [2652, undefined],
    [20_000, undefined],
    [20_000, 3000],
    [5000, 51],
  ])('packs %i entries (batches of %s) into an R-tree that SQLite checks and finds every entry in', (n, batch) => {
    const list = entries(n, n + 1);
    const packed = rtreeDb();
    load(packed, list, batch);
    expect(packed.prepare("SELECT rtreecheck('rt') AS c").get()).toEqual({ c: 'ok' });
    expect(packed.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((packed.prepare('SELECT count(*) AS n FROM rt').get() as { n: number }).n).toBe(n);
    // Row by row through the virtual table, as the spec's triggers do: the same boxes and the same answers.
    const plain = rtreeDb();
    const ins = plain.prepare('INSERT INTO rt VALUES (?, ?, ?, ?, ?)');
    for (const e of list) ins.run(e.id, ...e.box);
    const rows = (db: Database.Database) => db.prepare('SELECT id, minx, maxx, miny, maxy FROM rt ORDER BY id').all();
    expect(rows(packed)).toEqual(rows(plain));
    const r = random(99);
    for (let k = 0; k < 25; k++) {
      const x = 120 + r() * 1.2;
      const y = 30 + r() * 1.1;
      const q: [number, number, number, number] = [x, x + r() * 0.2, y, y + r() * 0.2];
      expect(query(packed, q)).toEqual(query(plain, q));
    }
  });

  it('stays a valid R-tree when rows are later inserted, moved and deleted through SQL', () => {
    const db = rtreeDb();
    load(db, entries(5000, 3));
    const more = entries(3000, 4, 1_000_000);
    const ins = db.prepare('INSERT INTO rt VALUES (?, ?, ?, ?, ?)');
    for (const e of more) ins.run(e.id, ...e.box);
    db.exec('DELETE FROM rt WHERE id % 2 = 0');
    db.exec('UPDATE rt SET minx = minx + 0.5, maxx = maxx + 0.5 WHERE id % 5 = 0');
    expect(db.prepare("SELECT rtreecheck('rt') AS c").get()).toEqual({ c: 'ok' });
  });

  it('inserts entry by entry into an R-tree that is not empty', () => {
    const db = rtreeDb();
    db.prepare('INSERT INTO rt VALUES (1, 0, 1, 0, 1)').run();
    load(db, entries(300, 5, 10));
    expect(db.prepare("SELECT rtreecheck('rt') AS c").get()).toEqual({ c: 'ok' });
    expect((db.prepare('SELECT count(*) AS n FROM rt').get() as { n: number }).n).toBe(301);
  });

  it('rounds bounds to 32-bit floats exactly as the rtree module does', () => {
    const db = rtreeDb();
    const ins = db.prepare('INSERT INTO rt VALUES (?, ?, ?, ?, ?)');
    const values = [120.123456789, -33.3333333, 0.1, -0.1, 1e-40, -1e-40, 3.4e38, -3.4e38, 30.7, 0, 16777217, -16777217];
    values.forEach((d, i) => ins.run(i + 1, d, d, d, d));
    const rows = db.prepare('SELECT minx, maxx FROM rt ORDER BY id').all() as { minx: number; maxx: number }[];
    values.forEach((d, i) => {
      expect(floatDown(d)).toBe(rows[i].minx);
      expect(floatUp(d)).toBe(rows[i].maxx);
    });
  });
});
