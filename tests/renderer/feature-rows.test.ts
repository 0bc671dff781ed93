import { describe, expect, it } from 'vitest';
import type { FeatureDetail, LayerInfo } from '../../shared/api/contract.ts';
import { getKind } from '../../shared/layers/index.ts';
import { attributeRows, EMPTY_VALUE, formatValue } from '../../renderer/feature/feature-rows.ts';

function detail(properties: FeatureDetail['properties']): FeatureDetail {
  return { layerId: 'l', fid: 1, properties, geometry: null };
}

function genericLayer(keys: string[]): LayerInfo {
  return {
    id: 'survey', kind: 'generic', title: 'survey', geometryType: 'POINT', featureCount: 1, bbox: null,
    visible: true, opacity: 1, order: 0, fields: keys.map((key) => ({ key, type: 'TEXT' })),
  };
}

describe('attributeRows', () => {
  it('labels a parcel in Chinese with units', () => {
    const rows = attributeRows(getKind('renewal_parcel'), undefined, detail({ 名称: '清河街区', 面积: 3.014 }), 'zh');
    expect(rows).toEqual([
      { key: '名称', label: '名称', value: '清河街区', unit: undefined },
      { key: '面积', label: '面积', value: '3.01', unit: '公顷' },
    ]);
  });

  it('labels a parcel in English', () => {
    const rows = attributeRows(getKind('renewal_parcel'), undefined, detail({ 投资额: 1.5 }), 'en');
    expect(rows[0]).toEqual({ key: '投资额', label: 'Investment', value: '1.5', unit: '100M CNY' });
  });

  it('shows attributes the kind does not know under their raw names', () => {
    const rows = attributeRows(getKind('park'), undefined, detail({ 名称: '南湖', 备注: 'x' }), 'en');
    expect(rows.map((r) => r.label)).toEqual(['Name', '备注']);
  });

  it('shows a generic layer raw, in table order', () => {
    const rows = attributeRows(getKind('generic'), genericLayer(['NAME', 'ELEV']), detail({ ELEV: 3.2, NAME: 'BM-01' }), 'zh');
    expect(rows.map((r) => [r.label, r.value])).toEqual([['NAME', 'BM-01'], ['ELEV', '3.2']]);
  });
});

describe('formatValue', () => {
  it('prints years without digit grouping', () => {
    expect(formatValue(2023, { key: '计划年度', label: { zh: '', en: '' }, type: 'INTEGER' }, 'en')).toBe('2023');
  });

  it('groups the digits of quantities', () => {
    expect(formatValue(12500, { key: '户数', label: { zh: '', en: '' }, type: 'INTEGER', unit: { zh: '户', en: 'hh' } }, 'en')).toBe('12,500');
  });

  it('shows a dash for an empty value', () => {
    expect(formatValue(null, undefined, 'zh')).toBe(EMPTY_VALUE);
  });
});
