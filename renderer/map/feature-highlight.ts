import type { Map as MaplibreMap, Point, PointLike } from 'maplibre-gl';

export interface FeatureHit {
  layerId: string;
  fid: number;
}

const HIT_TOLERANCE_PX = 3;

export function sameHit(a: FeatureHit | null, b: FeatureHit | null): boolean {
  return a === b || (!!a && !!b && a.layerId === b.layerId && a.fid === b.fid);
}

/** The topmost feature of the given map layers within a few pixels of a point (its source is the layer id). */
export function hitTest(map: MaplibreMap, layers: string[], point: Point): FeatureHit | null {
  if (layers.length === 0) return null;
  const box: [PointLike, PointLike] = [
    [point.x - HIT_TOLERANCE_PX, point.y - HIT_TOLERANCE_PX],
    [point.x + HIT_TOLERANCE_PX, point.y + HIT_TOLERANCE_PX],
  ];
  const feature = map.queryRenderedFeatures(box, { layers })[0];
  if (!feature || feature.id === undefined || feature.id === null) return null;
  return { layerId: feature.source, fid: Number(feature.id) };
}

/**
 * The hovered and the selected feature, marked with feature-state `hover` / `selected` (which the
 * highlight layers draw; no data is re-parsed).
 */
export class FeatureHighlight {
  private hovered: FeatureHit | null = null;
  private selected: FeatureHit | null = null;

  constructor(private readonly map: MaplibreMap) {}

  hover(hit: FeatureHit | null): void {
    if (sameHit(hit, this.hovered)) return;
    this.mark(this.hovered, { hover: false });
    this.hovered = hit;
    this.mark(hit, { hover: true });
    this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
  }

  select(hit: FeatureHit | null): void {
    if (sameHit(hit, this.selected)) return;
    this.mark(this.selected, { selected: false });
    this.selected = hit;
    this.mark(hit, { selected: true });
  }

  /** Forgets marks on a layer whose source is gone or hidden. */
  forgetLayer(layerId: string): void {
    if (this.hovered?.layerId === layerId) this.hover(null);
    if (this.selected?.layerId === layerId) this.selected = null;
  }

  private mark(hit: FeatureHit | null, state: Record<string, boolean>): void {
    if (hit && this.map.getSource(hit.layerId)) this.map.setFeatureState({ source: hit.layerId, id: hit.fid }, state);
  }
}
