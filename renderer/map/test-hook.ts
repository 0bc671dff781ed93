import type { Map as MaplibreMap } from 'maplibre-gl';

declare global {
  interface Window {
    /**
     * FOR E2E TESTS AND BENCHMARKS ONLY: the live maplibre-gl Map, so a test can read camera, layers,
     * feature states and rendered features. Not an API: the app itself never reads it, and nothing may
     * depend on it outside tests/.
     */
    __atlasMap?: MaplibreMap;
  }
}

/** Publishes the map as `window.__atlasMap` for tests; returns the function that withdraws it. */
export function exposeMapForTests(map: MaplibreMap): () => void {
  window.__atlasMap = map;
  return () => {
    if (window.__atlasMap === map) delete window.__atlasMap;
  };
}
