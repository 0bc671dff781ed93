import type { GeoJSONSource, LayerSpecification, Map as MaplibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { AnalysisLayers } from '../../shared/analysis/request.ts';
import { analysisLayers, ANALYSIS_SOURCES, OUTLINE_SOURCES, type ResultFocus } from './analysis-layers.ts';
import { catchmentOutline } from './catchment-outline.ts';
import type { MapOverlay } from './map-overlay.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
const FILLED = Object.keys(ANALYSIS_SOURCES) as (keyof typeof ANALYSIS_SOURCES)[];
const OUTLINED = Object.keys(OUTLINE_SOURCES) as (keyof typeof OUTLINE_SOURCES)[];

/**
 * An analysis run's results on the map: one GeoJSON source per result layer and one per catchment
 * outline, catchments and blind spots under the project's labels, numbered sites on top. The sources and
 * layers exist only while a run is shown: empty sources would still cut and ship tiles on every load and
 * pan (they made the first drawing of a project twice as slow).
 */
export class AnalysisOverlay implements MapOverlay {
  private map: MaplibreMap | null = null;
  private layers: Partial<AnalysisLayers> | null = null;
  private focus: ResultFocus | null = null;
  private added = false;

  attach(map: MaplibreMap): void {
    this.map = map;
    this.sync(true);
  }

  /** Shows a run's layers (null: clears them) and the picked blind spot or site. */
  show(layers: Partial<AnalysisLayers> | null, focus: ResultFocus | null): void {
    const dataChanged = layers !== this.layers;
    this.layers = layers;
    this.focus = focus;
    this.sync(dataChanged);
  }

  raise(): void {
    const map = this.map;
    if (!map || !this.added) return;
    const { areas, markers } = analysisLayers(this.focus);
    const ours = new Set([...areas, ...markers].map((l) => l.id));
    // Under the first label of the project's layers, so no result hides a street or park name.
    const firstLabel = map.getLayersOrder().find((id) => !ours.has(id) && map.getLayer(id)?.type === 'symbol');
    for (const layer of areas) map.moveLayer(layer.id, firstLabel);
    for (const layer of markers) map.moveLayer(layer.id);
  }

  /** Adds, updates or removes the sources and layers to match the shown run. */
  private sync(dataChanged: boolean): void {
    const map = this.map;
    if (!map) return;
    if (!this.layers) {
      if (this.added) this.remove(map);
      return;
    }
    const { areas, markers } = analysisLayers(this.focus);
    if (!this.added) {
      for (const id of [...Object.values(ANALYSIS_SOURCES), ...Object.values(OUTLINE_SOURCES)]) map.addSource(id, { type: 'geojson', data: EMPTY });
      for (const layer of [...areas, ...markers]) map.addLayer(layer);
      this.added = true;
      this.applyData();
      this.raise();
      return;
    }
    if (dataChanged) this.applyData();
    for (const layer of [...areas, ...markers]) {
      const filter = (layer as LayerSpecification & { filter?: unknown }).filter;
      if (filter) map.setFilter(layer.id, filter as never);
    }
  }

  private remove(map: MaplibreMap): void {
    const { areas, markers } = analysisLayers(this.focus);
    for (const layer of [...areas, ...markers]) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    for (const id of [...Object.values(ANALYSIS_SOURCES), ...Object.values(OUTLINE_SOURCES)]) if (map.getSource(id)) map.removeSource(id);
    this.added = false;
  }

  private applyData(): void {
    const map = this.map;
    if (!map) return;
    for (const name of FILLED) {
      const source = map.getSource(ANALYSIS_SOURCES[name]) as GeoJSONSource | undefined;
      source?.setData(this.layers?.[name] ?? EMPTY);
    }
    for (const name of OUTLINED) {
      const data = this.layers?.[name];
      (map.getSource(OUTLINE_SOURCES[name]) as GeoJSONSource | undefined)?.setData(data ? catchmentOutline(data) : EMPTY);
    }
  }
}
