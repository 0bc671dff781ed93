import { describe, expect, it } from 'vitest';
import { changeTone, formatChange, formatCount, formatHectares, formatRunTime, formatShare, formatThreshold } from '../../../renderer/analysis/figures-format.ts';
import { runName } from '../../../renderer/analysis/run-name.ts';
import { runFileName } from '../../../renderer/analysis/export-run.ts';
import { thresholdStandard } from '../../../renderer/analysis/preset-standard.ts';
import { PRESETS } from '../../../shared/analysis/presets.ts';
import { i18n, initI18n } from '../../../renderer/i18n/i18n.ts';

describe('analysis figures', () => {
  it('write shares with one decimal, as the CLI does', () => {
    expect(formatShare(0.13979270453200646, 'zh')).toBe('14.0%');
    expect(formatShare(0.23055800047138977, 'en')).toBe('23.1%');
    expect(formatShare(1, 'en')).toBe('100.0%');
    expect(formatShare(null, 'zh')).toBe('—');
    expect(formatThreshold(0.9, 'zh')).toBe('90%');
    expect(formatThreshold(0.825, 'en')).toBe('82.5%');
  });

  it('write hectares and counts with digit grouping', () => {
    expect(formatHectares(271912.456, 'en')).toBe('27.2');
    expect(formatHectares(123_456_789, 'zh')).toBe('12,345.7');
    expect(formatCount(12934.39, 'en')).toBe('12,934');
    expect(formatCount(null, 'en')).toBe('—');
  });

  it('write the change between stages in signed percentage points', () => {
    expect(formatChange(0.1397927, 0.2305580, 'zh')).toBe('+9.1');
    expect(formatChange(0.5, 0.42, 'en')).toBe('−8.0');
    expect(formatChange(0.5, 0.50004, 'en')).toBe('0.0');
    expect([changeTone(0.1, 0.2), changeTone(0.2, 0.1), changeTone(0.3, 0.30001)]).toEqual(['up', 'down', 'same']);
  });

  it('name a run after preset, mode, plan stage and time in the UI language', () => {
    initI18n('zh');
    const when = new Date(2024, 4, 1, 14, 3);
    const request = { preset: 'green-5min', mode: 'straight', plan: 'compare', layers: { facilities: 'parks', targets: 'homes' } } as const;
    expect(formatRunTime(when)).toBe('2024-05-01 14:03');
    expect(runName(request, 'zh', i18n.getFixedT('zh'), when)).toBe('5分钟见绿 · 直线距离 · 规划前后对比 · 2024-05-01 14:03');
    expect(runName({ ...request, mode: 'walk', plan: 'after' }, 'en', i18n.getFixedT('en'), when)).toBe('5-minute green · Walking along streets · After the 2023 plan · 2024-05-01 14:03');
  });

  it('turn a run name into a file name', () => {
    expect(runFileName('5分钟见绿 · 直线距离 · 规划前后对比 · 2024-05-01 14:03', 'gpkg')).toBe('5分钟见绿_直线距离_规划前后对比_2024-05-01 14_03.gpkg');
    expect(runFileName('a/b', 'csv')).toBe('a_b.csv');
  });
});

describe('the standard behind a preset\'s share', () => {
  it('is read from the preset\'s source', () => {
    expect(thresholdStandard(PRESETS['green-5min'])).toBe('GB/T 51346-2019');
    expect(thresholdStandard(PRESETS['park-service'])).toBe('GB/T 51346-2019');
    expect(thresholdStandard(PRESETS['life-15min'])).toBeNull();
    expect(thresholdStandard({ ...PRESETS['service-10min'], threshold: 0.8, source: 'local rule' })).toBeNull();
  });
});
