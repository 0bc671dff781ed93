import type { LayerInfo } from '../../shared/api/contract.ts';

/** Layers as the panel lists them: top of the map first. */
export function layersTopFirst(layers: readonly LayerInfo[]): LayerInfo[] {
  return [...layers].sort((a, b) => b.order - a.order);
}

/**
 * The layer ids bottom first (index = new `order`) after moving one layer a step up (towards the top of
 * the map) or down. Null when it cannot move further.
 */
export function moveLayerOrder(layers: readonly LayerInfo[], layerId: string, direction: 'up' | 'down'): string[] | null {
  const ids = [...layers].sort((a, b) => a.order - b.order).map((l) => l.id);
  const i = ids.indexOf(layerId);
  const j = direction === 'up' ? i + 1 : i - 1;
  if (i < 0 || j < 0 || j >= ids.length) return null;
  [ids[i], ids[j]] = [ids[j], ids[i]];
  return ids;
}

/** The layers with `order` set from a bottom-first id list. */
export function applyOrder(layers: readonly LayerInfo[], bottomFirst: readonly string[]): LayerInfo[] {
  const rank = new Map(bottomFirst.map((id, i) => [id, i]));
  return layers.map((l) => (rank.has(l.id) ? { ...l, order: rank.get(l.id)! } : l));
}
