import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geojsonReader } from '../../../../data/formats/geojson/index.ts';
import { makeTempDir } from '../../../helpers/temp-dir.ts';

const FEATURES = 500_000;

/**
 * Writes a ~200 MB FeatureCollection of small parcel polygons, in a child process so that making it
 * leaves nothing in this process's memory. The last feature brings a new key and a fraction in an
 * integer field: open() must see them although they come last.
 */
function writeBigFile(file: string): void {
  const script = `
    const fs = require('node:fs');
    const fd = fs.openSync(${JSON.stringify(file)}, 'w');
    const n = ${FEATURES};
    const deg = (v) => (v < 0 ? '-' : '') + Math.floor(Math.abs(v) / 1e7) + '.' + String(Math.abs(v) % 1e7).padStart(7, '0');
    let buf = '{"type":"FeatureCollection","name":"parcels","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},"features":[\\n';
    for (let i = 0; i < n; i++) {
      const x = 1207000000 + (i % 1000) * 10000, y = 307000000 + Math.floor(i / 1000) * 10000;
      const ring = [[x, y], [x + 9000, y], [x + 9000, y + 9000], [x + 4500, y + 12000], [x, y + 9000], [x, y]];
      const coords = ring.map(([a, b]) => '[' + deg(a) + ',' + deg(b) + ']').join(',');
      const last = i === n - 1;
      const props = '"fid":' + (last ? '0.5' : i) + ',"名称":"嘉兴城市更新地块 ' + i + ' 号","面积":' + (i * 1.5 + 0.25) + ',"更新":' + (i % 2 === 0) + ',"code":"JX-' + String(i).padStart(6, '0') + '","地址":"浙江省嘉兴市南湖区城市更新示范路' + i + '号"' + (last ? ',"新字段":"x"' : '');
      buf += '{"type":"Feature","properties":{' + props + '},"geometry":{"type":"Polygon","coordinates":[[' + coords + ']]}}' + (last ? '\\n' : ',\\n');
      if (buf.length > 4e6) { fs.writeSync(fd, buf); buf = ''; }
    }
    fs.writeSync(fd, buf + ']}\\n');
    fs.closeSync(fd);
  `;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`could not write the test file: ${r.stderr}`);
}

describe('geojsonReader on a 200 MB FeatureCollection', () => {
  let dir: string;
  let cleanup: () => void;
  beforeAll(() => ({ dir, cleanup } = makeTempDir('atlas-geojson-big-')));
  afterAll(() => cleanup());

  it('streams 500,000 features with bounded memory', async () => {
    const file = path.join(dir, 'parcels.geojson');
    const t0 = performance.now();
    writeBigFile(file);
    const written = performance.now() - t0;

    const rss0 = process.memoryUsage().rss;
    let peak = rss0;
    const t1 = performance.now();
    const [layer] = await geojsonReader.open([{ path: file, name: 'parcels.geojson' }], {});
    expect(layer.sizeBytes).toBeGreaterThan(195e6);
    // open() reads the whole file, so the count and the fields (widened by the last feature) are exact.
    expect(layer.countHint).toBe(FEATURES);
    expect(layer.crs?.id).toBe('EPSG:4326');
    expect(layer.fields.map((f) => `${f.key}:${f.type}`)).toEqual(['fid:REAL', '名称:TEXT', '面积:REAL', '更新:BOOLEAN', 'code:TEXT', '地址:TEXT', '新字段:TEXT']);

    let count = 0;
    let lastIndex = -1;
    let progressSeen = 0;
    for await (const f of layer.features()) {
      count++;
      lastIndex = f.index;
      if (count % 5000 === 0) {
        peak = Math.max(peak, process.memoryUsage().rss);
        progressSeen = Math.max(progressSeen, layer.bytesRead!());
      }
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    const readMs = performance.now() - t1;
    const growthMB = (peak - rss0) / 1e6;
    console.log(
      `200 MB GeoJSON: ${(layer.sizeBytes! / 1e6).toFixed(0)} MB written in ${(written / 1000).toFixed(1)} s, ` +
        `read (${count} features) in ${(readMs / 1000).toFixed(1)} s; peak RSS growth ${growthMB.toFixed(0)} MB`,
    );

    expect(count).toBe(FEATURES);
    expect(lastIndex).toBe(FEATURES - 1);
    expect(progressSeen).toBeGreaterThan(0);
    expect(layer.bytesRead!()).toBe(layer.sizeBytes);
    expect(growthMB).toBeLessThan(150);
  }, 120_000);
});
