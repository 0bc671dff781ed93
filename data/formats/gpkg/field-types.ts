import type { SourceFieldType } from '../types.ts';

/**
 * The kind of a column from its declared SQL type, as GeoPackage files and project layers name them
 * (GDAL writes MEDIUMINT, TEXT(20), DOUBLE, …): BLOB when it holds binary data.
 */
export function fieldKind(sqlType: string): SourceFieldType | 'BLOB' {
  const t = sqlType.trim().toUpperCase();
  if (t === 'BOOLEAN') return 'BOOLEAN';
  if (t === 'DATE') return 'DATE';
  if (t === 'DATETIME') return 'DATETIME';
  if (t.includes('INT')) return 'INTEGER';
  if (/REAL|DOUBLE|FLOAT|NUMERIC|DECIMAL/.test(t)) return 'REAL';
  if (t.includes('BLOB')) return 'BLOB';
  return 'TEXT';
}
