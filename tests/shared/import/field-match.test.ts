import { describe, expect, it } from 'vitest';
import { matchFields, suggestKind } from '../../../shared/import/field-match.ts';
import { getKind } from '../../../shared/layers/registry.ts';

describe('matching source fields to a kind', () => {
  it('matches Chinese column names exactly', () => {
    const m = matchFields(getKind('parking_lot'), ['名称', '泊位数', '类型']);
    expect(m).toMatchObject({ 名称: '名称', 泊位数: '泊位数', 类型: '类型' });
  });

  it('matches English labels whatever their case and separators', () => {
    const m = matchFields(getKind('renewal_parcel'), ['Parcel_Code', 'NAME', 'renewal mode']);
    expect(m).toMatchObject({ 地块编号: 'Parcel_Code', 名称: 'NAME', 更新方式: 'renewal mode' });
  });

  it('matches common synonyms and pinyin abbreviations', () => {
    const m = matchFields(getKind('parking_lot'), ['MC', '车位数']);
    expect(m).toMatchObject({ 名称: 'MC', 泊位数: '车位数' });
  });

  it('uses each source field once', () => {
    const m = matchFields(getKind('residential_area'), ['name']);
    expect(Object.values(m).filter((v) => v === 'name')).toHaveLength(1);
  });

  it('leaves unmatched fields null', () => {
    expect(matchFields(getKind('park'), ['foo']).名称).toBeNull();
  });
});

describe('suggesting a kind', () => {
  it('suggests parking lots for points with 泊位数', () => {
    expect(suggestKind(['名称', '泊位数', '类型'], ['Point'])).toBe('parking_lot');
  });

  it('keeps data generic when only a name matches', () => {
    expect(suggestKind(['名称', 'foo'], ['Polygon'])).toBe('generic');
  });

  it('never suggests a kind of another geometry family', () => {
    expect(suggestKind(['名称', '泊位数', '类型'], ['Polygon'])).not.toBe('parking_lot');
  });

  it('keeps mixed geometry data generic', () => {
    expect(suggestKind(['名称', '泊位数'], ['Point', 'Polygon'])).toBe('generic');
  });
});
