import type { LayerSpecification, FilterSpecification } from 'maplibre-gl';
import type { StyleLayer } from '../../shared/layers/index.ts';
import { circleRadius } from './point-labels.ts';

const HOVER = '#0091ea';
const SELECTED = '#ff6d00';

const SELECTED_STATE = ['boolean', ['feature-state', 'selected'], false];
const HOVER_STATE = ['boolean', ['feature-state', 'hover'], false];

/** ['case', selected, a, hover, b, otherwise] on feature-state. */
function byState(selected: unknown, hover: unknown, otherwise: unknown): unknown {
  return ['case', SELECTED_STATE, selected, HOVER_STATE, hover, otherwise];
}

function geometryIs(...types: string[]): FilterSpecification {
  return ['match', ['geometry-type'], types, true, false] as FilterSpecification;
}

/** The kind's circle radius plus a margin, so the ring sits outside the symbol however it is sized. */
function ringRadius(style: readonly StyleLayer[]): unknown {
  const radius = circleRadius(style);
  if (typeof radius === 'number') return radius + 3;
  return radius ? ['+', radius, 3] : 9;
}

/**
 * Layers that draw nothing until a feature's state is `hover` or `selected` (feature-state changes
 * restyle without re-parsing data). Which ones depend on the layer's geometry type.
 */
export function highlightLayers(
  layerId: string,
  geometryType: string,
  style: readonly StyleLayer[],
): LayerSpecification[] {
  const g = geometryType.toUpperCase();
  const any = !/POINT|LINESTRING|POLYGON/.test(g);
  const polygons = any || g.includes('POLYGON');
  const lines = any || g.includes('LINESTRING') || polygons;
  const points = any || g.includes('POINT');
  const out: LayerSpecification[] = [];
  if (polygons) {
    out.push({
      id: `${layerId}-hl-fill`,
      type: 'fill',
      source: layerId,
      filter: geometryIs('Polygon', 'MultiPolygon'),
      paint: {
        'fill-color': byState(SELECTED, HOVER, HOVER) as string,
        'fill-opacity': byState(0.22, 0.14, 0) as number,
      },
    });
  }
  if (lines) {
    out.push({
      id: `${layerId}-hl-line`,
      type: 'line',
      source: layerId,
      filter: geometryIs('LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'),
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': byState(SELECTED, HOVER, HOVER) as string,
        'line-width': byState(3.5, 2.5, 0) as number,
        'line-opacity': byState(1, 0.9, 0) as number,
      },
    });
  }
  if (points) {
    out.push({
      id: `${layerId}-hl-circle`,
      type: 'circle',
      source: layerId,
      filter: geometryIs('Point', 'MultiPoint'),
      paint: {
        'circle-radius': ringRadius(style) as number,
        'circle-opacity': 0,
        'circle-stroke-color': byState(SELECTED, HOVER, HOVER) as string,
        'circle-stroke-width': byState(3, 2.5, 0) as number,
        'circle-stroke-opacity': byState(1, 0.9, 0) as number,
      },
    });
  }
  return out;
}
