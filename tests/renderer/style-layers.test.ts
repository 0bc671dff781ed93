import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerInfo } from '../../shared/api/contract.ts';
import { KIND_IDS, getKind, type KindId } from '../../shared/layers/index.ts';
import { baseStyle } from '../../renderer/map/base-style.ts';
import { buildMapLayers, labelSourceId, orderedMapLayerIds } from '../../renderer/map/style-layers.ts';

const GEOMETRY: Record<string, string> = { POINT: 'POINT', LINESTRING: 'LINESTRING', MULTIPOLYGON: 'MULTIPOLYGON', GEOMETRY: 'GEOMETRY' };

function layerInfo(kind: KindId, patch: Partial<LayerInfo> = {}): LayerInfo {
  return {
    id: `${kind}_layer`,
    kind,
    title: kind,
    geometryType: GEOMETRY[getKind(kind).geometry] ?? getKind(kind).geometry,
    featureCount: 3,
    bbox: [120.7, 30.7, 120.8, 30.8],
    visible: true,
    opacity: 1,
    order: 0,
    fields: [],
    ...patch,
  };
}

function paintOf(spec: unknown): Record<string, unknown> {
  return (spec as { paint?: Record<string, unknown> }).paint ?? {};
}

describe('buildMapLayers', () => {
  it('names each kind style layer <layerId>-<suffix>', () => {
    const info = layerInfo('renewal_parcel', { id: 'parcels' });
    const ids = buildMapLayers(info).map((m) => m.spec.id);
    for (const s of getKind('renewal_parcel').style) expect(ids).toContain(`parcels-${s.suffix}`);
  });

  it('puts the labels last and never makes them clickable', () => {
    const layers = buildMapLayers(layerInfo('park'));
    const firstLabel = layers.findIndex((m) => m.label);
    expect(firstLabel).toBeGreaterThan(0);
    expect(layers.slice(firstLabel).every((m) => m.label && !m.interactive)).toBe(true);
  });

  it('hides every map layer of a hidden layer', () => {
    const layers = buildMapLayers(layerInfo('road', { visible: false }));
    for (const { spec } of layers) expect((spec.layout as Record<string, unknown>).visibility).toBe('none');
  });

  it('scales the fill opacity of a parcel layer at 50%', () => {
    const fill = buildMapLayers(layerInfo('renewal_parcel', { id: 'p', opacity: 0.5 })).find((m) => m.spec.id === 'p-fill');
    expect(paintOf(fill?.spec)['fill-opacity']).toBe(0.275);
  });

  it('draws polygon point labels from the label-point source', () => {
    const label = buildMapLayers(layerInfo('water', { id: 'water' })).find((m) => m.label);
    expect((label?.spec as { source: string }).source).toBe(labelSourceId('water'));
  });

  it('keeps line labels on the line source', () => {
    const label = buildMapLayers(layerInfo('road', { id: 'roads' })).find((m) => m.label);
    expect((label?.spec as { source: string }).source).toBe('roads');
  });

  it('builds a valid MapLibre style for every kind, visible or not, at any opacity', () => {
    const infos = KIND_IDS.map((kind, i) => layerInfo(kind, { order: i, opacity: i % 2 ? 0.4 : 1, visible: i % 3 !== 0 }));
    const style = baseStyle() as StyleSpecification;
    for (const info of infos) {
      style.sources[info.id] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
      style.sources[labelSourceId(info.id)] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
      style.layers.push(...buildMapLayers(info).map((m) => m.spec));
    }
    expect(validateStyleMin(style)).toEqual([]);
  });
});

describe('orderedMapLayerIds', () => {
  it('stacks geometry by layer order, then all labels above it', () => {
    const bottom = layerInfo('district', { id: 'districts', order: 0 });
    const top = layerInfo('park', { id: 'parks', order: 1 });
    const ids = orderedMapLayerIds([
      { info: top, mapLayers: buildMapLayers(top) },
      { info: bottom, mapLayers: buildMapLayers(bottom) },
    ]);
    expect(ids.indexOf('districts-fill')).toBeLessThan(ids.indexOf('parks-fill'));
    expect(ids.indexOf('parks-outline')).toBeLessThan(ids.indexOf('districts-label'));
    expect(ids.indexOf('districts-label')).toBeLessThan(ids.indexOf('parks-label'));
  });
});
