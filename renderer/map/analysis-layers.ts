import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { LABEL_FONT } from '../../shared/layers/kinds/fonts.ts';
import type { AnalysisLayerName } from '../../shared/analysis/request.ts';

/** The GeoJSON sources of a run's filled and marked result layers. */
export const ANALYSIS_SOURCES = {
  catchment: 'atlas-analysis-catchment',
  blindSpots: 'atlas-analysis-blind-spots',
  sites: 'atlas-analysis-sites',
} as const satisfies Partial<Record<AnalysisLayerName, string>>;

/** Sources of the catchments' outlines (catchment-outline.ts: no tile borders inside); 'before' is only outlined. */
export const OUTLINE_SOURCES = {
  catchment: 'atlas-analysis-catchment-outline',
  catchmentBefore: 'atlas-analysis-catchment-before-outline',
} as const satisfies Partial<Record<AnalysisLayerName, string>>;

export const CATCHMENT_COLOR = '#00897b';
export const BEFORE_COLOR = '#37474f';
export const BLIND_SPOT_COLOR = '#e53935';
export const SITE_COLOR = '#6a1b9a';
export const FOCUS_COLOR = '#ff6d00';

/** A feature picked in the card (a blind spot's or a site's rank): drawn with an orange ring. */
export interface ResultFocus {
  layer: 'blindSpots' | 'sites';
  rank: number;
}

function rankIs(focus: ResultFocus | null, layer: ResultFocus['layer']): FilterSpecification {
  return ['==', ['get', 'rank'], focus?.layer === layer ? focus.rank : -1];
}

/**
 * The map layers of a run's results. `areas` are drawn under the project's labels: the catchment as a
 * translucent fill with an outline, the 'before' catchment of a comparison as a dashed outline, blind
 * spots in red. `markers` go on top: suggested sites as numbered circles, and the focus rings.
 */
export function analysisLayers(focus: ResultFocus | null): { areas: LayerSpecification[]; markers: LayerSpecification[] } {
  const s = ANALYSIS_SOURCES;
  const o = OUTLINE_SOURCES;
  const round = { 'line-join': 'round', 'line-cap': 'round' } as const;
  return {
    areas: [
      { id: `${s.catchment}-fill`, type: 'fill', source: s.catchment, paint: { 'fill-color': CATCHMENT_COLOR, 'fill-opacity': 0.2 } },
      { id: `${s.catchment}-line`, type: 'line', source: o.catchment, layout: round, paint: { 'line-color': CATCHMENT_COLOR, 'line-width': 1.6, 'line-opacity': 0.9 } },
      { id: `${s.blindSpots}-fill`, type: 'fill', source: s.blindSpots, paint: { 'fill-color': BLIND_SPOT_COLOR, 'fill-opacity': 0.42 } },
      { id: `${s.blindSpots}-line`, type: 'line', source: s.blindSpots, paint: { 'line-color': '#b71c1c', 'line-width': 1 } },
      {
        id: `${o.catchmentBefore}-dash`,
        type: 'line',
        source: o.catchmentBefore,
        layout: { 'line-join': 'round' },
        paint: { 'line-color': BEFORE_COLOR, 'line-width': 1.8, 'line-dasharray': [3, 2] },
      },
      { id: `${s.blindSpots}-focus`, type: 'line', source: s.blindSpots, filter: rankIs(focus, 'blindSpots'), paint: { 'line-color': FOCUS_COLOR, 'line-width': 3.5 } },
    ],
    markers: [
      { id: `${s.sites}-focus`, type: 'circle', source: s.sites, filter: rankIs(focus, 'sites'), paint: { 'circle-radius': 17, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': FOCUS_COLOR, 'circle-stroke-width': 3 } },
      { id: `${s.sites}-circle`, type: 'circle', source: s.sites, paint: { 'circle-radius': 11, 'circle-color': SITE_COLOR, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
      {
        id: `${s.sites}-rank`,
        type: 'symbol',
        source: s.sites,
        layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-font': LABEL_FONT, 'text-size': 12, 'text-allow-overlap': true, 'text-ignore-placement': true },
        paint: { 'text-color': '#ffffff' },
      },
    ],
  };
}
