import type { Geometry, Position } from 'geojson';

// XML 1.0 forbids most control characters even when escaped.
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text escaped for XML content and attribute values. */
export function xmlText(value: string): string {
  return value
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function coords(points: Position[]): string {
  return `<coordinates>${points.map((p) => `${p[0]},${p[1]}`).join(' ')}</coordinates>`;
}

function polygon(rings: Position[][]): string {
  const [outer, ...holes] = rings;
  if (!outer) return '';
  const ring = (r: Position[]) => `<LinearRing>${coords(r)}</LinearRing>`;
  return (
    `<Polygon><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>` +
    holes.map((h) => `<innerBoundaryIs>${ring(h)}</innerBoundaryIs>`).join('') +
    '</Polygon>'
  );
}

/** KML markup of a GeoJSON geometry (lon,lat); Multi* and collections become a MultiGeometry. */
export function kmlGeometry(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `<Point>${coords([g.coordinates])}</Point>`;
    case 'LineString':
      return `<LineString>${coords(g.coordinates)}</LineString>`;
    case 'Polygon':
      return polygon(g.coordinates);
    case 'MultiPoint':
      return `<MultiGeometry>${g.coordinates.map((c) => `<Point>${coords([c])}</Point>`).join('')}</MultiGeometry>`;
    case 'MultiLineString':
      return `<MultiGeometry>${g.coordinates.map((c) => `<LineString>${coords(c)}</LineString>`).join('')}</MultiGeometry>`;
    case 'MultiPolygon':
      return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
    case 'GeometryCollection':
      return `<MultiGeometry>${g.geometries.map(kmlGeometry).join('')}</MultiGeometry>`;
  }
}
