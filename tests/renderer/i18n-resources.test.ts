import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zh from '../../renderer/i18n/zh.json';
import en from '../../renderer/i18n/en.json';

const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(obj: object, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`.replace(PLURAL, '')],
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

const ERROR_CODES = ['not_found', 'not_a_geopackage', 'corrupt_file', 'read_only', 'file_exists', 'invalid_argument', 'no_project', 'unsupported', 'io_error', 'internal'];

describe('UI text resources', () => {
  it('have the same keys in Chinese and English', () => {
    expect([...new Set(keys(en))].sort()).toEqual([...new Set(keys(zh))].sort());
  });

  it('have no empty texts', () => {
    const values = (o: object): unknown[] => Object.values(o).flatMap((v) => (v && typeof v === 'object' ? values(v) : [v]));
    expect([...values(zh), ...values(en)].filter((v) => typeof v !== 'string' || v.trim() === '')).toEqual([]);
  });

  it('translate every error code', () => {
    const zhKeys = new Set(keys(zh));
    expect(ERROR_CODES.filter((code) => !zhKeys.has(`errors.${code}`))).toEqual([]);
  });

  it('hold every literal key the renderer asks for', () => {
    const known = new Set(keys(zh));
    const root = path.resolve(__dirname, '../../renderer');
    const used = sourceFiles(root).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)].map((m) => m[1]),
    );
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((k) => !known.has(k))).toEqual([]);
  });
});
