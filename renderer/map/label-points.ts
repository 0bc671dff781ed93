import { area, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';

/**
 * One label point per polygon feature, inside its largest part, with the feature's id and properties.
 *
 * Why: MapLibre places point labels per tile, so a polygon that spans tiles gets one label per piece
 * (a district or lake named three times). Labels drawn from these points appear once per feature.
 */
export function labelPoints(data: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of data.features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    const parts: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    let largest: Polygon | null = null;
    let largestArea = -1;
    for (const rings of parts) {
      if (!rings[0] || rings[0].length < 4) continue;
      const polygon: Polygon = { type: 'Polygon', coordinates: rings };
      const a = area(polygon);
      if (a > largestArea) {
        largest = polygon;
        largestArea = a;
      }
    }
    if (!largest) continue;
    const at = pointOnFeature(largest);
    features.push({ type: 'Feature', id: f.id, properties: f.properties, geometry: at.geometry });
  }
  return { type: 'FeatureCollection', features };
}
