import type Database from 'better-sqlite3';
import { quoteIdent } from './sql.ts';

/**
 * Bulk loading of a GeoPackage R-tree (SQLite's rtree module) without inserting row by row: the
 * entries are sorted and packed into full nodes (Sort-Tile-Recursive) and written straight into the
 * tables behind the virtual table (`<rtree>_node`, `_rowid`, `_parent`) in SQLite's own node format,
 * as GDAL does since 3.7 (sqlite_rtree_bulk_load.c). Inserting row by row costs an R*-tree insertion
 * with its node splits per feature: most of the index's time on large imports.
 *
 * Memory stays bounded: every BATCH entries are packed into leaves and written; only the leaves' boxes
 * wait for the upper levels. (Entries of different batches are not sorted together: a file whose
 * features come in no spatial order gets leaves that overlap more, which queries barely notice.)
 *
 * Only into an empty R-tree (a bulk load's new table); otherwise it inserts each entry through the
 * virtual table, as the spec's triggers would. Within the caller's transaction, so a rollback undoes it.
 * The result passes SQLite's `rtreecheck()` (tests/data/gpkg/rtree-pack.test.ts).
 */

/** Entries packed into leaves at a time. */
const BATCH = 1 << 19;
/** JavaScript numbers are bound as doubles: cast, so that the columns hold integers as the module's own rows do. */
const INT_PAIR = '(CAST(? AS INTEGER), CAST(? AS INTEGER))';
/** Rows per INSERT into the _rowid table. */
const ROWIDS_PER_INSERT = 64;
/** Bytes of one cell: a 64-bit id and four 32-bit floats. */
const CELL = 24;
const RNDTOWARDS = 1 - 1 / 8388608;
const RNDAWAY = 1 + 1 / 8388608;

/** A double as the rtree module stores a lower bound: the float32 at or below it (rtreeValueDown). */
export function floatDown(d: number): number {
  let f = Math.fround(d);
  if (f > d) f = Math.fround(d * (d < 0 ? RNDAWAY : RNDTOWARDS));
  return f;
}

/** A double as the rtree module stores an upper bound: the float32 at or above it (rtreeValueUp). */
export function floatUp(d: number): number {
  let f = Math.fround(d);
  if (f < d) f = Math.fround(d * (d < 0 ? RNDTOWARDS : RNDAWAY));
  return f;
}

/** Growable arrays of ids and float32 boxes (minX, maxX, minY, maxY). */
class Boxes {
  ids: Float64Array;
  box: Float32Array;
  length = 0;

  constructor(capacity: number) {
    this.ids = new Float64Array(capacity);
    this.box = new Float32Array(capacity * 4);
  }

  push(id: number, minX: number, maxX: number, minY: number, maxY: number): void {
    if (this.length === this.ids.length) {
      const ids = new Float64Array(this.ids.length * 2);
      ids.set(this.ids);
      const box = new Float32Array(this.box.length * 2);
      box.set(this.box);
      this.ids = ids;
      this.box = box;
    }
    const i = this.length++;
    this.ids[i] = id;
    const b = i * 4;
    this.box[b] = minX;
    this.box[b + 1] = maxX;
    this.box[b + 2] = minY;
    this.box[b + 3] = maxY;
  }
}

/**
 * Sorts `order[from..to)` by the centre of the boxes along `axis` (0: x, 2: y), through a native
 * numeric sort of packed keys (a quantised centre above, the position below): no comparator call per
 * comparison, and no array of centres.
 */
function sortRange(order: Uint32Array, from: number, to: number, box: Float32Array, axis: number): void {
  const n = to - from;
  if (n < 2) return;
  const bits = Math.max(1, Math.ceil(Math.log2(n)));
  const low = 2 ** bits;
  const top = 2 ** (52 - bits) - 1;
  let min = Infinity;
  let max = -Infinity;
  for (let i = from; i < to; i++) {
    const b = order[i] * 4 + axis;
    const v = box[b] + box[b + 1];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const scale = max > min && Number.isFinite(max - min) ? top / (max - min) : 0;
  const packed = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const b = order[from + k] * 4 + axis;
    let q = Math.floor((box[b] + box[b + 1] - min) * scale);
    if (!(q >= 0)) q = 0;
    else if (q > top) q = top;
    packed[k] = q * low + k;
  }
  packed.sort();
  const before = order.slice(from, to);
  for (let k = 0; k < n; k++) {
    const v = packed[k];
    order[from + k] = before[v - Math.floor(v / low) * low];
  }
}

/** The order in which `n` boxes go into nodes of `m` entries (Sort-Tile-Recursive on their centres). */
function strOrder(box: Float32Array, n: number, m: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  sortRange(order, 0, n, box, 0);
  const slices = Math.ceil(Math.sqrt(Math.ceil(n / m)));
  const perSlice = slices * m;
  for (let s = 0; s < n; s += perSlice) sortRange(order, s, Math.min(n, s + perSlice), box, 2);
  return order;
}

export class RtreeBulkLoader {
  private readonly names: { node: string; rowid: string; parent: string; rtree: string };
  /** Entries per node, from the size of the (empty) root node the module created. */
  private readonly capacity: number;
  private readonly nodeSize: number;
  /** Null when the R-tree was not empty: entries then go in one by one. */
  private readonly pending: Boxes | null;
  private readonly leaves = new Boxes(1024);
  private nextNode = 2;
  private direct: Database.Statement | null = null;
  private finished = false;

  /** `batch`: entries packed into leaves at a time (tests use small ones). */
  constructor(
    private readonly db: Database.Database,
    rtreeTable: string,
    private readonly batch = BATCH,
  ) {
    this.names = {
      rtree: quoteIdent(rtreeTable),
      node: quoteIdent(`${rtreeTable}_node`),
      rowid: quoteIdent(`${rtreeTable}_rowid`),
      parent: quoteIdent(`${rtreeTable}_parent`),
    };
    const root = db.prepare(`SELECT data FROM ${this.names.node} WHERE nodeno = 1`).get() as { data: Uint8Array } | undefined;
    const nodes = (db.prepare(`SELECT count(*) AS n FROM ${this.names.node}`).get() as { n: number }).n;
    const empty = root !== undefined && root.data.length > 4 && root.data[2] === 0 && root.data[3] === 0 && nodes === 1;
    this.nodeSize = root?.data.length ?? 0;
    this.capacity = Math.floor((this.nodeSize - 4) / CELL);
    this.pending = empty && this.capacity >= 2 ? new Boxes(1024) : null;
  }

  /** Adds the envelope of feature `id` (doubles; stored as the module would round them). */
  add(id: number, minX: number, maxX: number, minY: number, maxY: number): void {
    if (this.pending === null) {
      this.direct ??= this.db.prepare(`INSERT INTO ${this.names.rtree} VALUES (?, ?, ?, ?, ?)`);
      this.direct.run(id, minX, maxX, minY, maxY);
      return;
    }
    this.pending.push(id, floatDown(minX), floatUp(maxX), floatDown(minY), floatUp(maxY));
    if (this.pending.length >= this.batch) this.packLeaves();
  }

  /** Writes what is left and the levels above the leaves. Call once, inside the same transaction. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    const pending = this.pending;
    if (pending === null) return;
    if (this.leaves.length === 0 && pending.length <= this.capacity) {
      // Everything fits in the root, which is then a leaf.
      if (pending.length === 0) return;
      const order = Uint32Array.from({ length: pending.length }, (_, i) => i);
      this.unsafe(() => {
        this.writeNode(1, 0, pending.ids, pending.box, order, 0, pending.length);
        this.writeRowids(pending.ids, new Uint32Array(pending.length).fill(1), pending.length);
      });
      return;
    }
    if (pending.length) this.packLeaves();
    let level = this.leaves;
    let height = 0;
    this.unsafe(() => {
      while (level.length > this.capacity) {
        const parents = new Boxes(Math.ceil(level.length / this.capacity));
        const order = strOrder(level.box, level.length, this.capacity);
        const parentOf = this.db.prepare(`INSERT INTO ${this.names.parent} (nodeno, parentnode) VALUES ${INT_PAIR}`);
        for (let from = 0; from < level.length; from += this.capacity) {
          const to = Math.min(level.length, from + this.capacity);
          const nodeno = this.nextNode++;
          const b = this.writeNode(nodeno, 0, level.ids, level.box, order, from, to);
          for (let k = from; k < to; k++) parentOf.run(level.ids[order[k]], nodeno);
          parents.push(nodeno, b[0], b[1], b[2], b[3]);
        }
        level = parents;
        height++;
      }
      const order = Uint32Array.from({ length: level.length }, (_, i) => i);
      this.writeNode(1, height + 1, level.ids, level.box, order, 0, level.length);
      const parentOf = this.db.prepare(`INSERT INTO ${this.names.parent} (nodeno, parentnode) VALUES ${INT_PAIR}`);
      for (let k = 0; k < level.length; k++) parentOf.run(level.ids[k], 1);
    });
  }

  /** Packs the pending entries into leaves, writes them and keeps their boxes. */
  private packLeaves(): void {
    const pending = this.pending!;
    const n = pending.length;
    const order = strOrder(pending.box, n, this.capacity);
    const leafOf = new Uint32Array(n);
    this.unsafe(() => {
      for (let from = 0; from < n; from += this.capacity) {
        const to = Math.min(n, from + this.capacity);
        const nodeno = this.nextNode++;
        const b = this.writeNode(nodeno, 0, pending.ids, pending.box, order, from, to);
        for (let k = from; k < to; k++) leafOf[order[k]] = nodeno;
        this.leaves.push(nodeno, b[0], b[1], b[2], b[3]);
      }
      // In the order the entries came, which for a new table is the order of their ids: the rows go
      // onto the end of the _rowid table's b-tree instead of all over it.
      this.writeRowids(pending.ids, leafOf, n);
    });
    pending.length = 0;
  }

  /** Writes node `nodeno` with the cells order[from..to); returns their bounding box. */
  private writeNode(nodeno: number, depth: number, ids: Float64Array, box: Float32Array, order: Uint32Array, from: number, to: number): [number, number, number, number] {
    const data = Buffer.alloc(this.nodeSize);
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    view.setUint16(0, depth);
    view.setUint16(2, to - from);
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    let o = 4;
    for (let k = from; k < to; k++) {
      const i = order[k];
      const id = ids[i];
      // Big-endian, as the rtree module reads them.
      view.setUint32(o, Math.floor(id / 0x100000000));
      view.setUint32(o + 4, id >>> 0);
      const b = i * 4;
      const x0 = box[b], x1 = box[b + 1], y0 = box[b + 2], y1 = box[b + 3];
      view.setFloat32(o + 8, x0);
      view.setFloat32(o + 12, x1);
      view.setFloat32(o + 16, y0);
      view.setFloat32(o + 20, y1);
      if (x0 < minX) minX = x0;
      if (x1 > maxX) maxX = x1;
      if (y0 < minY) minY = y0;
      if (y1 > maxY) maxY = y1;
      o += CELL;
    }
    if (nodeno === 1) this.db.prepare(`UPDATE ${this.names.node} SET data = ? WHERE nodeno = 1`).run(data);
    else this.nodeInsert().run(nodeno, data);
    return [minX, maxX, minY, maxY];
  }

  private nodeStmt: Database.Statement | null = null;

  private nodeInsert(): Database.Statement {
    return (this.nodeStmt ??= this.db.prepare(`INSERT INTO ${this.names.node} (nodeno, data) VALUES (?, ?)`));
  }

  /** Maps entry i (of `n`) to its leaf `leafOf[i]`, ROWIDS_PER_INSERT rows per statement. */
  private writeRowids(ids: Float64Array, leafOf: Uint32Array, n: number): void {
    const many = this.db.prepare(`INSERT INTO ${this.names.rowid} (rowid, nodeno) VALUES ${Array(ROWIDS_PER_INSERT).fill(INT_PAIR).join(', ')}`);
    const one = this.db.prepare(`INSERT INTO ${this.names.rowid} (rowid, nodeno) VALUES ${INT_PAIR}`);
    const args: number[] = new Array(ROWIDS_PER_INSERT * 2);
    let i = 0;
    for (; i + ROWIDS_PER_INSERT <= n; i += ROWIDS_PER_INSERT) {
      for (let k = 0; k < ROWIDS_PER_INSERT; k++) {
        args[k * 2] = ids[i + k];
        args[k * 2 + 1] = leafOf[i + k];
      }
      many.run(args);
    }
    for (; i < n; i++) one.run(ids[i], leafOf[i]);
  }

  /**
   * Runs `fn` with SQLite's defensive mode off: it keeps the rtree's own tables read-only to SQL, and
   * writing them is the point here. Statements are prepared inside, and it is back on after.
   */
  private unsafe(fn: () => void): void {
    this.db.unsafeMode(true);
    try {
      fn();
    } finally {
      this.db.unsafeMode(false);
      // Statements prepared while unsafe are not reused outside.
      this.nodeStmt = null;
    }
  }
}
