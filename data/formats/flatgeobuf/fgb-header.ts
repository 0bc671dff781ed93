import * as flatbuffers from 'flatbuffers';
import { Column, type ColumnMeta } from 'flatgeobuf';
import { Crs } from 'flatgeobuf/lib/mjs/flat-geobuf/crs.js';
import { Header } from 'flatgeobuf/lib/mjs/flat-geobuf/header.js';
import type { GeometryType } from 'flatgeobuf/lib/mjs/flat-geobuf/geometry-type.js';

export interface HeaderSpec {
  name: string;
  geometryType: GeometryType;
  columns: Pick<ColumnMeta, 'name' | 'type'>[];
  featuresCount: number;
  /** [minX, minY, maxX, maxY], or null for an empty layer. */
  envelope: [number, number, number, number] | null;
  crs: { code: number; wkt: string | null } | null;
}

/**
 * The size-prefixed header table of a FlatGeobuf file without spatial index. Built here rather than
 * with the library's serializer, which names every layer "L1", types every number as Double and
 * writes a CRS code but never its WKT.
 */
export function buildHeader(spec: HeaderSpec): Uint8Array {
  const b = new flatbuffers.Builder(1024);
  const columns = spec.columns.map((c) => {
    const name = b.createString(c.name);
    Column.startColumn(b);
    Column.addName(b, name);
    Column.addType(b, c.type);
    return Column.endColumn(b);
  });
  const columnsVector = columns.length ? Header.createColumnsVector(b, columns) : 0;
  const name = b.createString(spec.name);
  let crs = 0;
  if (spec.crs) {
    const org = spec.crs.code > 0 ? b.createString('EPSG') : 0;
    const wkt = spec.crs.wkt ? b.createString(spec.crs.wkt) : 0;
    Crs.startCrs(b);
    if (org) Crs.addOrg(b, org);
    if (spec.crs.code > 0) Crs.addCode(b, spec.crs.code);
    if (wkt) Crs.addWkt(b, wkt);
    crs = Crs.endCrs(b);
  }
  const envelope = spec.envelope ? Header.createEnvelopeVector(b, spec.envelope) : 0;
  Header.startHeader(b);
  Header.addName(b, name);
  if (envelope) Header.addEnvelope(b, envelope);
  Header.addGeometryType(b, spec.geometryType);
  if (columnsVector) Header.addColumns(b, columnsVector);
  Header.addFeaturesCount(b, BigInt(spec.featuresCount));
  // 0 = no index; left out, the reader would assume the default node size 16 and look for one.
  Header.addIndexNodeSize(b, 0);
  if (crs) Header.addCrs(b, crs);
  b.finishSizePrefixed(Header.endHeader(b));
  return b.asUint8Array();
}
