import fs from 'node:fs';

/**
 * Writes a FeatureCollection of `count` small square polygons (seeded, deterministic) over the
 * Jiaxing main urban area, streaming to disk; returns the file size in bytes.
 */
export async function writePolygonGeoJSON(file: string, count: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('{"type":"FeatureCollection","features":[\n');
  const cols = Math.ceil(Math.sqrt(count * 1.5));
  for (let i = 0; i < count; i++) {
    const x = +(120.66 + (i % cols) * (0.2 / cols)).toFixed(6);
    const y = +(30.7 + Math.floor(i / cols) * (0.11 / cols) * 1.5).toFixed(6);
    const d = +((0.2 / cols) * 0.8).toFixed(6);
    const ring = `[[${x},${y}],[${+(x + d).toFixed(6)},${y}],[${+(x + d).toFixed(6)},${+(y + d).toFixed(6)}],[${x},${+(y + d).toFixed(6)}],[${x},${y}]]`;
    const props = `{"编号":"JX-${i}","名称":"地块${i}","更新方式":"${['留', '改', '拆'][i % 3]}","计划年度":${2022 + (i % 4)},"面积":${((i % 97) / 10 + 0.5).toFixed(2)}}`;
    await write(`${i ? ',\n' : ''}{"type":"Feature","properties":${props},"geometry":{"type":"Polygon","coordinates":[${ring}]}}`);
  }
  await write('\n]}\n');
  await new Promise<void>((r) => out.end(() => r()));
  return fs.statSync(file).size;
}
