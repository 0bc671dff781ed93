import type { LayerKind } from '../types.ts';

/**
 * Any other data: keeps all its attributes (the fields come from the data, not from here) and is drawn
 * by geometry type.
 */
export const generic: LayerKind = {
  id: 'generic',
  name: { zh: '通用图层', en: 'Generic layer' },
  geometry: 'GEOMETRY',
  base: false,
  fields: [],
  style: [
    {
      suffix: 'fill',
      type: 'fill',
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': '#7986cb', 'fill-opacity': 0.4, 'fill-outline-color': '#303f9f' },
    },
    {
      suffix: 'line',
      type: 'line',
      filter: ['==', ['geometry-type'], 'LineString'],
      paint: { 'line-color': '#303f9f', 'line-width': 2 },
    },
    {
      suffix: 'circle',
      type: 'circle',
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': '#3f51b5', 'circle-radius': 4, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 },
    },
  ],
  legend: [{ label: { zh: '要素', en: 'Features' }, color: '#7986cb', shape: 'fill' }],
};
