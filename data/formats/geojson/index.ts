/** GeoJSON import (streamed) and export. */
export { geojsonReader } from './reader.ts';
export { geojsonWriter } from './writer.ts';
