import type { FeatureDetail, LayerInfo } from '../../shared/api/contract.ts';
import type { FieldDef, LayerKind } from '../../shared/layers/index.ts';
import type { Language } from '../i18n/i18n.ts';
import { pick } from '../i18n/pick.ts';

export interface AttributeRow {
  key: string;
  label: string;
  value: string;
  unit?: string;
}

/** Shown for an empty value. */
export const EMPTY_VALUE = '—';

/**
 * An attribute value as text. Quantities (fields with a unit) get digit grouping; other numbers are
 * printed plainly so years and codes read as written; decimals are cut to two places.
 */
export function formatValue(value: string | number | null | undefined, field: FieldDef | undefined, lang: Language): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  if (typeof value !== 'number') return String(value);
  const locale = lang === 'en' ? 'en-US' : 'zh-CN';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: !!field?.unit }).format(value);
}

/**
 * The rows of the feature panel: a known kind's fields in registry order, labelled in the UI language with
 * units, then any other attributes under their raw column names. Generic layers show raw names in table
 * order.
 */
export function attributeRows(kind: LayerKind, layer: LayerInfo | undefined, detail: FeatureDetail, lang: Language): AttributeRow[] {
  const props = detail.properties;
  const rows: AttributeRow[] = [];
  const seen = new Set<string>();
  for (const field of kind.fields) {
    if (!(field.key in props)) continue;
    seen.add(field.key);
    rows.push({
      key: field.key,
      label: pick(field.label, lang),
      value: formatValue(props[field.key], field, lang),
      unit: field.unit && props[field.key] !== null ? pick(field.unit, lang) : undefined,
    });
  }
  const tableOrder = layer?.fields.map((f) => f.key) ?? [];
  const rest = [...tableOrder.filter((k) => k in props), ...Object.keys(props).filter((k) => !tableOrder.includes(k))];
  for (const key of rest) {
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({ key, label: key, value: formatValue(props[key], undefined, lang) });
  }
  return rows;
}
