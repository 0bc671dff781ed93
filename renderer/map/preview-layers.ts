import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';

/** Source of the features being imported (drawn while the import dialog is open). */
export const PREVIEW_SOURCE = 'atlas-import-preview';

/** Magenta: no layer kind uses it, so the file's features stand out from the plan's. */
export const PREVIEW_COLOR = '#d500f9';

const polygons: FilterSpecification = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const lines: FilterSpecification = ['match', ['geometry-type'], ['LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'], true, false];
const points: FilterSpecification = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

/**
 * The preview's MapLibre layers: a light fill, a white-cased outline and ringed circles, so the file's
 * features read against any basemap and show at once whether they sit where the streets are.
 */
export function previewLayers(): LayerSpecification[] {
  return [
    { id: `${PREVIEW_SOURCE}-fill`, type: 'fill', source: PREVIEW_SOURCE, filter: polygons, paint: { 'fill-color': PREVIEW_COLOR, 'fill-opacity': 0.18 } },
    {
      id: `${PREVIEW_SOURCE}-casing`,
      type: 'line',
      source: PREVIEW_SOURCE,
      filter: lines,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 4, 'line-opacity': 0.85 },
    },
    {
      id: `${PREVIEW_SOURCE}-line`,
      type: 'line',
      source: PREVIEW_SOURCE,
      filter: lines,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': PREVIEW_COLOR, 'line-width': 2 },
    },
    {
      id: `${PREVIEW_SOURCE}-circle`,
      type: 'circle',
      source: PREVIEW_SOURCE,
      filter: points,
      paint: { 'circle-color': PREVIEW_COLOR, 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
  ];
}
