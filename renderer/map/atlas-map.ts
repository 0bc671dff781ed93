import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { LayerInfo } from '../../shared/api/contract.ts';
import { baseStyle, JIAXING_CENTER } from './base-style.ts';
import { labelPoints } from './label-points.ts';
import { buildMapLayers, labelSourceId, orderedMapLayerIds, usesLabelSource, type MapLayer } from './style-layers.ts';
import { OPACITY_PROPS } from './opacity.ts';
import { PREVIEW_SOURCE, previewLayers } from './preview-layers.ts';
import { FeatureHighlight, hitTest, type FeatureHit } from './feature-highlight.ts';
import type { MapOverlay } from './map-overlay.ts';

export type { FeatureHit } from './feature-highlight.ts';

maplibregl.setWorkerUrl(workerUrl);

export interface AtlasMapOptions {
  container: HTMLElement;
  /** Loads one layer's features (each with numeric `id` = fid). */
  loadGeoJSON: (layerId: string) => Promise<FeatureCollection>;
  onFeatureClick?: (hit: FeatureHit | null) => void;
  onPointer?: (lngLat: { lng: number; lat: number } | null) => void;
  onZoom?: (zoom: number) => void;
  onError?: (err: unknown) => void;
}

interface Entry {
  info: LayerInfo;
  mapLayers: MapLayer[];
  /** The label-point source's id, when its labels use one. */
  labelSource: string | null;
  loaded: boolean;
}

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/**
 * The map behind an imperative wrapper: React creates it once and feeds it the project's layers; it keeps
 * one GeoJSON source per project layer and applies visibility, opacity and order without reloading data.
 * It sets `data-ready="true"` on its container once the style and every layer's data are loaded and the
 * map is idle (e2e tests and benchmarks wait for that).
 */
export class AtlasMap {
  readonly map: maplibregl.Map;
  private readonly opts: AtlasMapOptions;
  private readonly entries = new Map<string, Entry>();
  private projectKey: unknown = undefined;
  private pending: { key: unknown; layers: readonly LayerInfo[] } | null = null;
  private styleLoaded = false;
  private readonly highlight: FeatureHighlight;
  /** Features of a file being imported, drawn above everything; kept until the style has loaded. */
  private preview: FeatureCollection | null = null;
  /** The app's own layers above the project's (analysis results). */
  private readonly overlays: MapOverlay[] = [];

  constructor(opts: AtlasMapOptions) {
    this.opts = opts;
    this.setReady(false);
    this.map = new maplibregl.Map({
      container: opts.container,
      style: baseStyle(),
      center: JIAXING_CENTER,
      zoom: 11,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxPitch: 0,
    });
    this.highlight = new FeatureHighlight(this.map);
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    // Top left: the feature panel floats over the right edge.
    this.map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    this.map.addControl(new maplibregl.ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');
    this.map.on('load', () => {
      this.styleLoaded = true;
      opts.onZoom?.(this.map.getZoom());
      for (const overlay of this.overlays) overlay.attach(this.map);
      const pending = this.pending;
      this.pending = null;
      if (pending) this.setProject(pending.key, pending.layers);
      if (this.preview) this.setPreview(this.preview);
    });
    this.map.on('idle', () => this.checkReady());
    this.map.on('mousemove', (e) => {
      opts.onPointer?.({ lng: e.lngLat.lng, lat: e.lngLat.lat });
      this.highlight.hover(hitTest(this.map, this.interactiveLayers(), e.point));
    });
    this.map.on('mouseout', () => {
      this.highlight.hover(null);
      opts.onPointer?.(null);
    });
    this.map.on('click', (e) => opts.onFeatureClick?.(hitTest(this.map, this.interactiveLayers(), e.point)));
    this.map.on('zoom', () => opts.onZoom?.(this.map.getZoom()));
    this.map.on('error', (e) => console.error('[map]', e.error));
  }

  /**
   * Shows a project's layers. A new `key` (another project, or the same one reopened) drops everything
   * and reloads; the same key diffs: new layers are added and loaded, removed ones dropped, and
   * visibility, opacity and order applied to the rest.
   */
  setProject(key: unknown, layers: readonly LayerInfo[]): void {
    if (!this.styleLoaded) {
      this.pending = { key, layers };
      return;
    }
    if (key !== this.projectKey) {
      for (const id of [...this.entries.keys()]) this.removeEntry(id);
      this.projectKey = key;
      this.setReady(false);
    }
    const wanted = new Set(layers.map((l) => l.id));
    for (const id of [...this.entries.keys()]) if (!wanted.has(id)) this.removeEntry(id);
    for (const info of layers) {
      const entry = this.entries.get(info.id);
      if (!entry) this.addEntry(info);
      else this.updateEntry(entry, info);
    }
    this.applyOrder();
    for (const overlay of this.overlays) overlay.raise();
    this.raisePreview();
    this.map.triggerRepaint();
  }

  /** Adds layers of the app's own, kept above the project's through every reorder (see MapOverlay). */
  addOverlay(overlay: MapOverlay): void {
    this.overlays.push(overlay);
    if (this.styleLoaded) overlay.attach(this.map);
  }

  /**
   * Draws the features of a file being imported above every layer and label (or removes them: null),
   * so the user sees whether the file's CRS lines up with the project's streets.
   */
  setPreview(data: FeatureCollection | null): void {
    this.preview = data;
    if (!this.styleLoaded) return;
    const source = this.map.getSource(PREVIEW_SOURCE) as maplibregl.GeoJSONSource | undefined;
    if (!data) {
      for (const layer of previewLayers()) if (this.map.getLayer(layer.id)) this.map.removeLayer(layer.id);
      if (source) this.map.removeSource(PREVIEW_SOURCE);
      return;
    }
    if (source) source.setData(data);
    else {
      this.map.addSource(PREVIEW_SOURCE, { type: 'geojson', data });
      for (const layer of previewLayers()) this.map.addLayer(layer);
    }
    this.raisePreview();
  }

  private raisePreview(): void {
    if (!this.preview) return;
    for (const layer of previewLayers()) if (this.map.getLayer(layer.id)) this.map.moveLayer(layer.id);
  }

  /** Marks the selected feature (feature-state `selected`), or clears the mark. */
  setSelection(hit: FeatureHit | null): void {
    this.highlight.select(hit);
  }

  /** Shows a box; `padding` (px per side, 48 by default) keeps part of the map free, e.g. beside a dialog. */
  fitBounds(bbox: [number, number, number, number], animate: boolean, padding?: Partial<Record<'top' | 'right' | 'bottom' | 'left', number>>): void {
    const [minX, minY, maxX, maxY] = bbox;
    const container = this.map.getContainer();
    const pad = { top: 48, right: 48, bottom: 48, left: 48, ...padding };
    // A padding wider than the map would make MapLibre refuse the fit: shrink it to leave 100 px.
    const spareX = container.clientWidth - pad.left - pad.right - 100;
    if (spareX < 0) pad.right = Math.max(0, pad.right + spareX);
    const spareY = container.clientHeight - pad.top - pad.bottom - 100;
    if (spareY < 0) pad.bottom = Math.max(0, pad.bottom + spareY);
    const options = { padding: pad, maxZoom: 17, animate, duration: animate ? 600 : 0 };
    this.map.fitBounds([[minX, minY], [maxX, maxY]], options);
  }

  destroy(): void {
    this.map.remove();
  }

  private addEntry(info: LayerInfo): void {
    const mapLayers = buildMapLayers(info);
    const labelSource = usesLabelSource(info.id, mapLayers) ? labelSourceId(info.id) : null;
    const entry: Entry = { info, mapLayers, labelSource, loaded: false };
    this.entries.set(info.id, entry);
    this.map.addSource(info.id, { type: 'geojson', data: EMPTY });
    if (labelSource) this.map.addSource(labelSource, { type: 'geojson', data: EMPTY });
    for (const layer of entry.mapLayers) this.map.addLayer(layer.spec);
    this.setReady(false);
    this.opts
      .loadGeoJSON(info.id)
      .then((data) => {
        if (this.entries.get(info.id) !== entry) return; // dropped or replaced meanwhile
        (this.map.getSource(info.id) as maplibregl.GeoJSONSource).setData(data);
        if (labelSource) (this.map.getSource(labelSource) as maplibregl.GeoJSONSource).setData(labelPoints(data));
      })
      .catch((err: unknown) => {
        if (this.entries.get(info.id) === entry) this.opts.onError?.(err);
      })
      .finally(() => {
        entry.loaded = true;
        this.map.triggerRepaint();
      });
  }

  private removeEntry(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const layer of entry.mapLayers) if (this.map.getLayer(layer.spec.id)) this.map.removeLayer(layer.spec.id);
    if (this.map.getSource(id)) this.map.removeSource(id);
    if (entry.labelSource && this.map.getSource(entry.labelSource)) this.map.removeSource(entry.labelSource);
    this.highlight.forgetLayer(id);
    this.entries.delete(id);
  }

  private updateEntry(entry: Entry, info: LayerInfo): void {
    const prev = entry.info;
    // Another kind or geometry restyles; another feature count (features appended) reloads the data.
    if (prev.kind !== info.kind || prev.geometryType !== info.geometryType || prev.featureCount !== info.featureCount) {
      this.removeEntry(info.id);
      this.addEntry(info);
      return;
    }
    entry.info = info;
    if (prev.visible !== info.visible) {
      const visibility = info.visible ? 'visible' : 'none';
      for (const layer of entry.mapLayers) this.map.setLayoutProperty(layer.spec.id, 'visibility', visibility);
      if (!info.visible) this.highlight.hover(null);
    }
    if (prev.opacity !== info.opacity) {
      entry.mapLayers = buildMapLayers(info);
      for (const { spec } of entry.mapLayers) {
        const paint = (spec as { paint?: Record<string, unknown> }).paint ?? {};
        for (const prop of OPACITY_PROPS[spec.type] ?? []) {
          this.map.setPaintProperty(spec.id, prop as 'fill-opacity', paint[prop] as number);
        }
      }
    }
  }

  private applyOrder(): void {
    const desired = orderedMapLayerIds([...this.entries.values()]);
    const ours = new Set(desired);
    const current = this.map.getLayersOrder().filter((id) => ours.has(id));
    if (current.length === desired.length && current.every((id, i) => id === desired[i])) return;
    for (let i = desired.length - 1; i >= 0; i--) this.map.moveLayer(desired[i], desired[i + 1]);
  }

  /** Map layers that clicks and hover test: the geometry of visible, not fully transparent layers. */
  private interactiveLayers(): string[] {
    return [...this.entries.values()]
      .filter((e) => e.info.visible && e.info.opacity > 0)
      .flatMap((e) => e.mapLayers.filter((m) => m.interactive).map((m) => m.spec.id));
  }

  private checkReady(): void {
    const ready =
      this.styleLoaded &&
      this.pending === null &&
      [...this.entries.values()].every(
        (e) => e.loaded && this.map.isSourceLoaded(e.info.id) && (!e.labelSource || this.map.isSourceLoaded(e.labelSource)),
      ) &&
      this.map.loaded();
    this.setReady(ready);
  }

  private setReady(ready: boolean): void {
    this.opts.container.dataset.ready = String(ready);
  }
}
