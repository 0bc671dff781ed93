import type { LayerSpecification } from 'maplibre-gl';
import type { LayerInfo } from '../../shared/api/contract.ts';
import { getKind } from '../../shared/layers/index.ts';
import { highlightLayers } from './highlight-layers.ts';
import { scaledOpacityPaint } from './opacity.ts';
import { pointLabelLayout } from './point-labels.ts';

/** One MapLibre layer drawn for a project layer. */
export interface MapLayer {
  spec: LayerSpecification;
  /** Labels are drawn above every layer's geometry, as in a GIS. */
  label: boolean;
  /** Clicks and hover hit-test this layer's features. */
  interactive: boolean;
}

type Paint = Record<string, unknown>;

/** The source of a polygon layer's label points (see label-points.ts). */
export function labelSourceId(layerId: string): string {
  return `${layerId}.labels`;
}

/** Point labels of polygon layers are drawn from label points, so each polygon is named once. */
function labelSource(info: LayerInfo, layout: Record<string, unknown> | undefined): string {
  const polygons = info.geometryType.toUpperCase().includes('POLYGON');
  const placement = layout?.['symbol-placement'] ?? 'point';
  return polygons && placement === 'point' ? labelSourceId(info.id) : info.id;
}

function withDisplay(spec: LayerSpecification, info: LayerInfo): LayerSpecification {
  const s = spec as LayerSpecification & { paint?: Paint; layout?: Record<string, unknown> };
  return {
    ...s,
    layout: { ...s.layout, visibility: info.visible ? 'visible' : 'none' },
    paint: { ...s.paint, ...scaledOpacityPaint(s.type, s.paint, info.opacity) },
  } as LayerSpecification;
}

/**
 * The MapLibre layers of a project layer: its kind's style (ids `<layerId>-<suffix>`, source = the layer id,
 * or its label points for a polygon layer's point labels) followed by its hover/selection highlight layers,
 * with the layer's visibility and opacity applied.
 */
export function buildMapLayers(info: LayerInfo): MapLayer[] {
  const kind = getKind(info.kind);
  const points = /POINT/i.test(info.geometryType);
  const styled: MapLayer[] = kind.style.map(({ suffix, ...rest }) => ({
    spec: withDisplay(
      {
        ...rest,
        id: `${info.id}-${suffix}`,
        source: rest.type === 'symbol' ? labelSource(info, rest.layout as Record<string, unknown>) : info.id,
        ...(rest.type === 'symbol' && points ? { layout: pointLabelLayout(rest.layout as Record<string, unknown>, kind.style) } : {}),
      } as LayerSpecification,
      info,
    ),
    label: rest.type === 'symbol',
    interactive: rest.type !== 'symbol',
  }));
  const highlights: MapLayer[] = highlightLayers(info.id, info.geometryType, kind.style).map((spec) => ({
    spec: withDisplay(spec, info),
    label: false,
    interactive: false,
  }));
  const geometry = styled.filter((l) => !l.label);
  const labels = styled.filter((l) => l.label);
  return [...geometry, ...highlights, ...labels];
}

/**
 * The MapLibre layer ids bottom to top: every project layer's geometry in layer order (0 is the bottom),
 * then every layer's labels in the same order, so no fill covers a label.
 */
export function orderedMapLayerIds(layers: readonly { info: LayerInfo; mapLayers: readonly MapLayer[] }[]): string[] {
  const sorted = [...layers].sort((a, b) => a.info.order - b.info.order);
  const geometry = sorted.flatMap((l) => l.mapLayers.filter((m) => !m.label).map((m) => m.spec.id));
  const labels = sorted.flatMap((l) => l.mapLayers.filter((m) => m.label).map((m) => m.spec.id));
  return [...geometry, ...labels];
}

/** Whether a project layer's map layers draw from its label-point source. */
export function usesLabelSource(layerId: string, mapLayers: readonly MapLayer[]): boolean {
  const id = labelSourceId(layerId);
  return mapLayers.some((m) => (m.spec as { source?: string }).source === id);
}
