import type { MultiPolygon, Polygon, Position } from 'geojson';
import { area, difference, featureCollection, intersect, polygon } from '@turf/turf';
import { latDeg, lonDeg, offsetLine, rectRing, sliceLine, stripRing } from '../geometry.ts';
import { CANALS, LAKE_BOX, LAKE_CENTRE, islandRing, lakeRing, ringCanalRing } from './landmarks.ts';

/** A park outline before it becomes a feature: its polygons as ring lists. */
export interface ParkShape {
  name: string;
  polygons: Position[][][];
}

/** Distance kept from the lakeside road's centre line, metres: the lake parks are open to the lakeside roads along their length. */
export const LAKE_PARK_SETBACK = 8;

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/**
 * The 大运河's riverside park: a strip 95 m wide on the east bank, 55–150 m from the canal's centre line,
 * along the reach west of the old town. It is an obstacle for lots, so it is laid out before them.
 */
export function canalParkRing(): Position[] {
  const reach = sliceLine(CANALS[0].line, 0.35, 0.5);
  return stripRing(offsetLine(reach, 102), 95);
}

/**
 * The land between 南湖's shore and the lakeside roads, split into four parks (east, north, west and
 * south shore) by the diagonals of the lake box. The ring canal's corner (and the old town inside it) and
 * the canals leaving the lake are cut out with a margin, so that the parks keep off the water.
 */
export function lakeParkShapes(lakeRadii: number[]): ParkShape[] {
  const { west, south, east, north } = LAKE_BOX;
  const land = polygon([rectRing(west + lonDeg(LAKE_PARK_SETBACK), south + latDeg(LAKE_PARK_SETBACK), east - lonDeg(LAKE_PARK_SETBACK), north - latDeg(LAKE_PARK_SETBACK))]);
  const cutouts = [
    polygon([lakeRing(lakeRadii, 3)]),
    polygon([ringCanalRing(-20)]),
    ...CANALS.slice(1).map((c) => polygon([stripRing(c.line, c.width * 1.05 + 40)])),
  ];
  const shoreLand = difference(featureCollection([land, ...cutouts]));
  if (!shoreLand) return [];
  const corners: Position[] = [[east + 0.001, south - 0.001], [east + 0.001, north + 0.001], [west - 0.001, north + 0.001], [west - 0.001, south - 0.001]];
  const names = ['南湖东岸公园', '南湖北岸公园', '南湖西岸公园', '南湖南岸公园'];
  return names.map((name, i) => {
    const wedge = polygon([[LAKE_CENTRE, corners[i], corners[(i + 1) % 4], LAKE_CENTRE]]);
    const piece = intersect(featureCollection([shoreLand, wedge]));
    // Slivers left where a canal or a wedge edge nearly meets the shore are not worth a polygon.
    const polygons = piece ? polygonsOf(piece.geometry).filter((rings) => area(polygon(rings)) > 2000) : [];
    return { name, polygons };
  }).filter((p) => p.polygons.length > 0);
}

/** 湖心岛, the island, kept a few metres inside its shore. */
export function islandParkShape(): ParkShape {
  return { name: '湖心岛公园', polygons: [[islandRing(-6)]] };
}
