import fs from 'node:fs';

/** Writes a CSV of `rows` points in Jiaxing (about 60 bytes a row), for progress and cancel tests. */
export function writeBigCsv(file: string, rows: number): void {
  const lines = ['编号,名称,经度,纬度,面积,备注'];
  for (let i = 0; i < rows; i++) {
    lines.push(`${i},地块${i},${(120.7 + (i % 500) * 0.0005).toFixed(6)},${(30.7 + Math.floor(i / 500) * 0.0005).toFixed(6)},${(i * 1.5).toFixed(1)},note ${i}`);
  }
  fs.writeFileSync(file, lines.join('\n') + '\n');
}
