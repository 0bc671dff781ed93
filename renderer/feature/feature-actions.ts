import { client } from '../api/runtime.ts';
import { showError } from '../app/messages.ts';
import { appStore } from '../app/state.ts';

/** Selects a feature (or clears the selection) and loads its attributes for the feature panel. */
export async function selectFeature(hit: { layerId: string; fid: number } | null): Promise<void> {
  if (!hit) return clearSelection();
  const current = appStore.get().selection;
  if (current && current.layerId === hit.layerId && current.fid === hit.fid) return;
  const selection = { layerId: hit.layerId, fid: hit.fid };
  appStore.set({ selection, feature: null });
  try {
    const feature = await client().getFeature(selection);
    if (appStore.get().selection === selection) appStore.set({ feature });
  } catch (err) {
    if (appStore.get().selection === selection) appStore.set({ selection: null });
    await showError(err, 'errors.featureFailed');
  }
}

export function clearSelection(): void {
  appStore.set({ selection: null, feature: null });
}
