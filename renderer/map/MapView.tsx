import { useEffect, useRef, useState } from 'react';
import { useApp } from '../app/state.ts';
import { AtlasMap } from './atlas-map.ts';
import { exposeMapForTests } from './test-hook.ts';
import { selectFeature } from '../feature/feature-actions.ts';
import { loadLayerGeoJSON, reportMapError, setCursor, setZoom } from './map-actions.ts';
import { useAnalysisOverlay } from './use-analysis-overlay.ts';

/** The map area: creates the AtlasMap once and feeds it the project's layers, selection and camera requests. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const [atlas, setAtlas] = useState<AtlasMap | null>(null);
  const projectKey = useApp((s) => s.projectKey);
  const layers = useApp((s) => s.project?.layers);
  const selection = useApp((s) => s.selection);
  const fit = useApp((s) => s.fit);
  const importSample = useApp((s) => s.importSample);

  useEffect(() => {
    const map = new AtlasMap({
      container: container.current!,
      loadGeoJSON: loadLayerGeoJSON,
      onFeatureClick: (hit) => void selectFeature(hit),
      onPointer: setCursor,
      onZoom: setZoom,
      onError: reportMapError,
    });
    const withdraw = exposeMapForTests(map.map);
    setAtlas(map);
    return () => {
      withdraw();
      map.destroy();
    };
  }, []);

  useAnalysisOverlay(atlas);

  useEffect(() => {
    atlas?.setProject(projectKey, layers ?? []);
  }, [atlas, projectKey, layers]);

  useEffect(() => {
    atlas?.setSelection(selection);
  }, [atlas, selection]);

  useEffect(() => {
    atlas?.setPreview(importSample);
  }, [atlas, importSample]);

  useEffect(() => {
    if (atlas && fit) atlas.fitBounds(fit.bbox, fit.animate, fit.padding);
  }, [atlas, fit]);

  return <div className="map" data-testid="map" ref={container} />;
}
