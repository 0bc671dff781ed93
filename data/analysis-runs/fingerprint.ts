import { createHash, type Hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { describeFeatureTables, type FeatureTableInfo } from '../gpkg/feature-table.ts';
import { quoteIdent } from '../gpkg/sql.ts';

/** What a run remembers of an input layer, to tell later whether the layer changed. */
export interface LayerFingerprint {
  count: number;
  maxFid: number | null;
  /** gpkg_contents.last_change (informative: attribute-only edits by other tools may not touch it). */
  lastChange: string | null;
  /** SHA-1 over every row (fid, geometry blob, attributes) in fid order. */
  checksum: string;
}

const AGGREGATE = 'ra_rows_sha1';

function feed(hash: Hash, value: unknown): void {
  if (value === null || value === undefined) hash.update('\u0000n');
  else if (value instanceof Uint8Array) hash.update('\u0000b').update(value);
  else hash.update(`\u0000${typeof value === 'string' ? 's' : 'v'}${String(value)}`);
}

/** Registers the row-hash aggregate on a connection (read-only connections too). */
export function registerFingerprintFunction(db: Database.Database): void {
  db.aggregate(AGGREGATE, {
    start: () => null as Hash | null,
    step: (hash: Hash | null, ...values: unknown[]) => {
      const h = hash ?? createHash('sha1');
      h.update('\u0001');
      for (const v of values) feed(h, v);
      return h;
    },
    result: (hash: Hash | null) => (hash ? hash.digest('hex') : 'empty'),
    varargs: true,
  });
}

/** Fingerprint of one feature table (register the aggregate first). */
function fingerprintOf(db: Database.Database, t: FeatureTableInfo): LayerFingerprint {
  const id = quoteIdent(t.idColumn);
  const cols = [t.idColumn, t.geomColumn, ...t.columns.map((c) => c.key)].map(quoteIdent).join(', ');
  const row = db
    .prepare(`SELECT count(*) AS n, max(${id}) AS maxFid, ${AGGREGATE}(${cols}) AS sum FROM (SELECT ${cols} FROM ${quoteIdent(t.table)} ORDER BY ${id})`)
    .get() as { n: number; maxFid: number | null; sum: string };
  const change = db.prepare('SELECT last_change FROM gpkg_contents WHERE table_name = ?').get(t.table) as { last_change: string | null } | undefined;
  return { count: row.n, maxFid: row.maxFid, lastChange: change?.last_change ?? null, checksum: row.sum };
}

/**
 * Fingerprints of layers by id, cached until the file changes: SQLite's data_version (another
 * connection committed, e.g. an import in a worker) and total_changes() (this connection wrote) tell.
 */
export class FingerprintCache {
  private key = '';
  private readonly cache = new Map<string, LayerFingerprint | null>();

  constructor(private readonly db: Database.Database) {
    registerFingerprintFunction(db);
  }

  /** The layer's fingerprint, or null when the project has no such feature table. */
  get(layerId: string): LayerFingerprint | null {
    const version = this.db.pragma('data_version', { simple: true });
    const changes = (this.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const key = `${String(version)}:${changes}`;
    if (key !== this.key) {
      this.cache.clear();
      this.key = key;
    }
    if (!this.cache.has(layerId)) {
      const t = describeFeatureTables(this.db).find((x) => x.table === layerId);
      this.cache.set(layerId, t ? fingerprintOf(this.db, t) : null);
    }
    return this.cache.get(layerId)!;
  }
}

/** True when a layer differs from what the run saw (or is gone). */
export function changedSince(saved: LayerFingerprint, now: LayerFingerprint | null): boolean {
  return !now || now.count !== saved.count || now.maxFid !== saved.maxFid || now.checksum !== saved.checksum;
}
