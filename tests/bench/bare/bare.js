// The reference for the map-load benchmark: a bare MapLibre page that loads the same GeoJSON files
// (one source per layer, one plain layer per geometry type) and reports when the map is idle.
import * as maplibregl from '/maplibre/maplibre-gl.mjs';

maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
const layers = await (await fetch('/layers.json')).json();
const bbox = await (await fetch('/bbox.json')).json();
const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#f4f1ea' } }] },
  bounds: [[bbox[0], bbox[1]], [bbox[2], bbox[3]]],
});
// All layers are fetched at once, as the app does.
const datasets = Promise.all(layers.map(async (id) => (await fetch(`/layer/${id}.geojson`)).json()));
map.on('load', async () => {
  const all = await datasets;
  for (const [i, id] of layers.entries()) {
    map.addSource(id, { type: 'geojson', data: all[i] });
    map.addLayer({ id: `${id}-fill`, type: 'fill', source: id, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#7986cb', 'fill-opacity': 0.5 } });
    map.addLayer({ id: `${id}-line`, type: 'line', source: id, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': '#303f9f' } });
    map.addLayer({ id: `${id}-circle`, type: 'circle', source: id, filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4 } });
  }
  map.once('idle', () => {
    document.body.dataset.ready = String(performance.now());
  });
});
