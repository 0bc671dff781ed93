import type { Map as MaplibreMap } from 'maplibre-gl';

/** Layers of the app's own drawn above the project's (analysis results), kept on top by AtlasMap. */
export interface MapOverlay {
  /** Once the map's style has loaded: adds the overlay's sources and layers. */
  attach(map: MaplibreMap): void;
  /** After the project's layers were added or reordered: moves the overlay's layers back on top. */
  raise(): void;
}
