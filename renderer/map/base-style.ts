import type { StyleSpecification } from 'maplibre-gl';

/** Map background: the land colour of the offline basemap (districts, water and roads come from the project). */
export const BACKGROUND_COLOR = '#e9e7e1';

/** Where the map opens before a project is loaded: central Jiaxing. */
export const JIAXING_CENTER: [number, number] = [120.755, 30.747];

/**
 * The starting style. No `glyphs` and no `sprite`: nothing is fetched, and MapLibre draws label text
 * with the local fonts named in each layer's `text-font` (see renderer/README.md).
 */
export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': BACKGROUND_COLOR } }],
  };
}
