import { useEffect, useState } from 'react';
import { useAnalysis } from '../analysis/analysis-store.ts';
import { AnalysisOverlay } from './analysis-overlay.ts';
import type { AtlasMap } from './atlas-map.ts';

/** Draws the shown analysis run's layers (and the blind spot or site picked in its card) on the map. */
export function useAnalysisOverlay(atlas: AtlasMap | null): void {
  const [overlay, setOverlay] = useState<AnalysisOverlay | null>(null);
  const layers = useAnalysis((s) => s.shown?.layers ?? null);
  const focus = useAnalysis((s) => s.focus);

  useEffect(() => {
    if (!atlas) return;
    const created = new AnalysisOverlay();
    atlas.addOverlay(created);
    setOverlay(created);
  }, [atlas]);

  useEffect(() => {
    overlay?.show(layers, focus);
  }, [overlay, layers, focus]);
}
