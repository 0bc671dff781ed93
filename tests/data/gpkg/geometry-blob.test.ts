import { describe, expect, it } from 'vitest';
import type { Geometry } from 'geojson';
import { decodeGeometry, encodeGeometry, readHeader } from '../../../data/gpkg/geometry-blob.ts';

const square: Geometry = { type: 'Polygon', coordinates: [[[120.75, 30.75], [120.76, 30.75], [120.76, 30.76], [120.75, 30.76], [120.75, 30.75]]] };

describe('GeoPackage geometry blob', () => {
  it('starts with the GP magic, version 0 and the SRS id', () => {
    const blob = encodeGeometry(square, 4326);
    expect(blob.subarray(0, 2).toString('latin1')).toBe('GP');
    expect(blob[2]).toBe(0);
    expect(readHeader(blob).srsId).toBe(4326);
  });

  it('stores the XY envelope in minx, maxx, miny, maxy order', () => {
    expect(readHeader(encodeGeometry(square)).envelope).toEqual([120.75, 120.76, 30.75, 30.76]);
  });

  it.each<Geometry>([
    { type: 'Point', coordinates: [120.755, 30.755] },
    { type: 'LineString', coordinates: [[120.7, 30.7], [120.8, 30.8]] },
    square,
    { type: 'MultiPolygon', coordinates: [square.coordinates as number[][][]] },
    { type: 'MultiPoint', coordinates: [[1, 2], [3, 4]] },
  ])('round-trips a $type', (g) => {
    expect(decodeGeometry(encodeGeometry(g))).toEqual(g);
  });

  it('marks an empty geometry as empty and decodes it to null', () => {
    const blob = encodeGeometry({ type: 'MultiPolygon', coordinates: [] });
    expect(readHeader(blob).empty).toBe(true);
    expect(decodeGeometry(blob)).toBeNull();
  });

  it('refuses a blob without the GP magic with a readable error', () => {
    expect(() => readHeader(Buffer.from('not a geometry'))).toThrow(/GeoPackage binary/);
  });

  it('reads a big-endian header without an envelope (as other writers may produce)', () => {
    const wkbPoint = Buffer.alloc(21);
    wkbPoint[0] = 1;
    wkbPoint.writeUInt32LE(1, 1);
    wkbPoint.writeDoubleLE(120.5, 5);
    wkbPoint.writeDoubleLE(30.5, 13);
    const header = Buffer.from([0x47, 0x50, 0, 0, 0, 0, 0x10, 0xe6]);
    expect(readHeader(header).srsId).toBe(4326);
    expect(decodeGeometry(Buffer.concat([header, wkbPoint]))).toEqual({ type: 'Point', coordinates: [120.5, 30.5] });
  });
});
