import { describe, expect, it } from 'vitest';
import { getKind, KIND_IDS, LAYER_KINDS } from '../../../shared/layers/registry.ts';

describe('layer kind registry', () => {
  it('has the kinds the plan needs', () => {
    for (const id of ['renewal_parcel', 'parking_lot', 'park', 'greenway', 'historic_building', 'historic_district', 'residential_area', 'facility', 'generic']) {
      expect(KIND_IDS).toContain(id);
    }
  });

  it('registers each kind under its own id', () => {
    for (const id of KIND_IDS) expect(LAYER_KINDS[id].id).toBe(id);
  });

  it('falls back to the generic kind for an unknown id', () => {
    expect(getKind('no_such_kind').id).toBe('generic');
  });

  it('gives renewal parcels 更新方式 with the values 留/改/拆', () => {
    expect(getKind('renewal_parcel').fields.find((f) => f.key === '更新方式')?.values).toEqual(['留', '改', '拆']);
  });

  it('gives each field a Chinese and an English label', () => {
    for (const kind of Object.values(LAYER_KINDS)) {
      for (const f of kind.fields) {
        expect(f.label.zh, `${kind.id}.${f.key}`).toMatch(/\S/);
        expect(f.label.en, `${kind.id}.${f.key}`).toMatch(/^[\x20-\x7e²]+$/);
      }
    }
  });

  it('labels each kind by a field it has', () => {
    for (const kind of Object.values(LAYER_KINDS)) {
      if (kind.labelField) expect(kind.fields.map((f) => f.key), kind.id).toContain(kind.labelField);
    }
  });

  it('gives each kind a style and a legend', () => {
    for (const kind of Object.values(LAYER_KINDS)) {
      expect(kind.style.length, kind.id).toBeGreaterThan(0);
      expect(kind.legend.length, kind.id).toBeGreaterThan(0);
      expect(new Set(kind.style.map((s) => s.suffix)).size, kind.id).toBe(kind.style.length);
    }
  });

  it('sizes parking lots by 泊位数', () => {
    const circle = getKind('parking_lot').style.find((s) => s.type === 'circle');
    expect(JSON.stringify(circle?.paint)).toContain('泊位数');
  });

  it('keeps coded values unique within a field', () => {
    for (const kind of Object.values(LAYER_KINDS)) {
      for (const f of kind.fields) if (f.values) expect(new Set(f.values).size, `${kind.id}.${f.key}`).toBe(f.values.length);
    }
  });
});
