import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

const GRADE_COLORS = {
  全国重点文物保护单位: '#6a1b9a',
  省级文物保护单位: '#8e24aa',
  市级文物保护单位: '#ab47bc',
  历史建筑: '#ce93d8',
} as const;
const GRADE_EN: Record<string, string> = {
  全国重点文物保护单位: 'National heritage site',
  省级文物保护单位: 'Provincial heritage site',
  市级文物保护单位: 'Municipal heritage site',
  历史建筑: 'Historic building',
};

/** 历史建筑: colour by protection grade (保护等级). */
export const historicBuilding: LayerKind = {
  id: 'historic_building',
  name: { zh: '历史建筑', en: 'Historic buildings' },
  geometry: 'POINT',
  base: false,
  labelField: '名称',
  fields: [
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '保护等级', label: { zh: '保护等级', en: 'Protection grade' }, type: 'TEXT', values: Object.keys(GRADE_COLORS) },
    { key: '建成年代', label: { zh: '建成年代', en: 'Built' }, type: 'TEXT' },
    { key: '公布年度', label: { zh: '公布年度', en: 'Listed in' }, type: 'INTEGER' },
  ],
  style: [
    {
      suffix: 'circle',
      type: 'circle',
      paint: {
        'circle-color': ['match', ['get', '保护等级'], ...Object.entries(GRADE_COLORS).flat(), '#ce93d8'] as unknown as string,
        'circle-radius': ['match', ['get', '保护等级'], '全国重点文物保护单位', 8, '省级文物保护单位', 7, '市级文物保护单位', 6, 5],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    },
    labelLayer('名称', 14, '#4a148c'),
  ],
  legend: Object.entries(GRADE_COLORS).map(([zh, color]) => ({
    label: { zh, en: GRADE_EN[zh] },
    color,
    shape: 'circle' as const,
  })),
};
