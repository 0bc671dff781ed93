import { describe, expect, it } from 'vitest';
import zh from '../../renderer/i18n/zh.json';
import en from '../../renderer/i18n/en.json';
import { EXPORT_FORMATS } from '../../renderer/export/export-model.ts';
import type { ImportProblem } from '../../shared/api/transfer.ts';

/** Keys the import and export dialogs build at run time (the literal-key test cannot see them). */
const PROBLEM_KINDS: ImportProblem['kind'][] = [
  'null_geometry', 'empty_geometry', 'unclosed_ring', 'short_ring', 'wrong_winding',
  'self_intersection', 'nan_coordinate', 'bad_coordinates', 'unsupported_geometry', 'bad_value',
];
const DYNAMIC_KEYS = [
  ...PROBLEM_KINDS.map((k) => `import.problem.${k}`),
  ...['invalid_file', 'unsupported_format', 'needs_input', 'bad_coordinates', 'cancelled'].map((c) => `errors.${c}`),
  ...EXPORT_FORMATS.map((f) => `export.formats.${f.id}`),
  ...['preview', 'target', 'run'].map((s) => `import.step.${s}`),
  ...['columns', 'noAttributes', 'crs', 'none'].map((q) => `import.question.${q}`),
  ...['layer', 'selection', 'project'].map((s) => `export.scopes.${s}`),
  ...['import', 'export'].flatMap((topic) => [
    `files.${topic}.title.open`, `files.${topic}.title.save`, `files.${topic}.confirm.open`, `files.${topic}.confirm.save`,
    `files.${topic}.openPlaceholder`, `files.${topic}.savePlaceholder`, `files.${topic}.emptyFolder`,
  ]),
];

function has(resources: object, key: string): boolean {
  let node: unknown = resources;
  const parts = key.split('.');
  for (const [i, part] of parts.entries()) {
    const obj = node as Record<string, unknown>;
    if (i === parts.length - 1) return typeof obj[part] === 'string' || typeof obj[`${part}_other`] === 'string';
    node = obj[part];
    if (!node || typeof node !== 'object') return false;
  }
  return false;
}

describe('import and export texts', () => {
  it('exist in Chinese and English for every key built at run time', () => {
    expect(DYNAMIC_KEYS.filter((k) => !has(zh, k))).toEqual([]);
    expect(DYNAMIC_KEYS.filter((k) => !has(en, k))).toEqual([]);
  });
});
