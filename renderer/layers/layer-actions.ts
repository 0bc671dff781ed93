import type { LayerInfo } from '../../shared/api/contract.ts';
import { client } from '../api/runtime.ts';
import { showError } from '../app/messages.ts';
import { appStore } from '../app/state.ts';
import { applyOrder, moveLayerOrder } from './layer-order.ts';

/*
 * Layer edits show at once (the store feeds the map) and are then persisted; the host's answer to a
 * reorder becomes the truth. On failure the user is told and the project's stored state is reloaded.
 */

function patchLayers(update: (layers: LayerInfo[]) => LayerInfo[]): void {
  appStore.set((s) => (s.project ? { project: { ...s.project, layers: update(s.project.layers) } } : {}));
}

async function recover(err: unknown): Promise<void> {
  await showError(err, 'errors.layerUpdateFailed');
  try {
    const project = await client().projectInfo({});
    appStore.set((s) => (s.project ? { project: { ...s.project, layers: project.layers } } : {}));
  } catch {
    // already told the user; the panel keeps what it shows
  }
}

export async function setLayerVisible(layerId: string, visible: boolean): Promise<void> {
  patchLayers((layers) => layers.map((l) => (l.id === layerId ? { ...l, visible } : l)));
  try {
    await client().updateLayer({ layerId, visible });
  } catch (err) {
    await recover(err);
  }
}

const opacityTimers = new Map<string, ReturnType<typeof setTimeout>>();
/** How long the slider must rest before its value is written to the project. */
export const OPACITY_SAVE_DELAY_MS = 300;

/** Applies an opacity at once and saves it once the slider rests. */
export function setLayerOpacity(layerId: string, opacity: number): void {
  const value = Math.min(1, Math.max(0, opacity));
  patchLayers((layers) => layers.map((l) => (l.id === layerId ? { ...l, opacity: value } : l)));
  clearTimeout(opacityTimers.get(layerId));
  opacityTimers.set(
    layerId,
    setTimeout(() => {
      opacityTimers.delete(layerId);
      client().updateLayer({ layerId, opacity: value }).catch(recover);
    }, OPACITY_SAVE_DELAY_MS),
  );
}

/** Moves a layer one step up (drawn later, over its neighbour) or down. */
export async function moveLayer(layerId: string, direction: 'up' | 'down'): Promise<void> {
  const layers = appStore.get().project?.layers ?? [];
  const order = moveLayerOrder(layers, layerId, direction);
  if (!order) return;
  patchLayers((current) => applyOrder(current, order));
  try {
    const saved = await client().reorderLayers({ order });
    const byId = new Map(saved.map((l) => [l.id, l]));
    patchLayers((current) => current.map((l) => ({ ...l, ...byId.get(l.id) })));
  } catch (err) {
    await recover(err);
  }
}

export function toggleLayerPanel(): void {
  appStore.set((s) => ({ layerPanelOpen: !s.layerPanelOpen }));
}
