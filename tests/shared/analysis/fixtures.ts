// Fixture cases for the analyses: inputs in tests/fixtures/analysis/<case>/in/*.geojson (options in the
// collection's `properties`), expected results in out/. `REGEN=1 npx vitest run tests/shared/analysis`
// rewrites out/ from the current code; read the diff before keeping it.
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { expect } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures/analysis');

export type FixtureCollection = FeatureCollection & { properties?: Record<string, unknown> };

/** An input collection of a case, deep-frozen so that a test proves the analysis leaves it alone. */
export function readInput(name: string, file: string): FixtureCollection {
  return deepFreeze(JSON.parse(fs.readFileSync(path.join(ROOT, name, 'in', file), 'utf8')) as FixtureCollection);
}

export function inputPath(name: string, file: string): string {
  return path.join(ROOT, name, 'in', file);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

/** Numbers rounded to 9 significant digits, so the files stay readable and diffs meaningful. */
function tidy(value: unknown): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toPrecision(9)) : value;
  if (Array.isArray(value)) return value.map(tidy);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]));
  return value;
}

/** Equal up to a relative 1e-6 on numbers (float noise across machines), exact otherwise. */
function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const tol = 1e-6 * Math.max(1, Math.abs(expected));
    if (!(Math.abs(actual - expected) <= tol)) expect.fail(`${where}: ${actual} ≠ ${expected}`);
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) expect.fail(`${where}: length ${Array.isArray(actual) ? actual.length : typeof actual} ≠ ${expected.length}`);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${where}[${i}]`));
    return;
  }
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object') expect.fail(`${where}: ${typeof actual} is not an object`);
    expect(Object.keys(actual as object).sort(), where).toEqual(Object.keys(expected).sort());
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
    return;
  }
  expect(actual, where).toEqual(expected);
}

/** Compares a result with out/<file> (or writes it there with REGEN=1). */
export function expectOutput(name: string, file: string, actual: unknown): void {
  const target = path.join(ROOT, name, 'out', file);
  const value = tidy(JSON.parse(JSON.stringify(actual)));
  if (process.env.REGEN === '1') {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // One coordinate pair per line keeps geometry files readable.
    const text = JSON.stringify(value, null, 1).replace(/\[\s+(-?[\d.e+-]+),\s+(-?[\d.e+-]+)\s+\]/g, '[$1, $2]');
    fs.writeFileSync(target, text + '\n');
    return;
  }
  if (!fs.existsSync(target)) expect.fail(`${target} is missing: run with REGEN=1 to create it`);
  expectClose(value, JSON.parse(fs.readFileSync(target, 'utf8')), file);
}
