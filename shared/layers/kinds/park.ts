import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

const TYPE_COLORS = {
  综合公园: '#2e7d32',
  社区公园: '#66bb6a',
  口袋公园: '#aed581',
  滨水公园: '#26a69a',
  专类公园: '#7cb342',
} as const;

/** 公园绿地: colour by park type; pocket parks (口袋公园) are 400–10,000 m². */
export const park: LayerKind = {
  id: 'park',
  name: { zh: '公园绿地', en: 'Parks' },
  geometry: 'MULTIPOLYGON',
  base: false,
  labelField: '名称',
  fields: [
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '类型', label: { zh: '类型', en: 'Type' }, type: 'TEXT', values: Object.keys(TYPE_COLORS) },
    { key: '面积', label: { zh: '面积', en: 'Area' }, type: 'REAL', unit: { zh: '平方米', en: 'm²' } },
    { key: '状态', label: { zh: '状态', en: 'Status' }, type: 'TEXT', values: ['现状', '新建', '改建', '规划'] },
    { key: '计划年度', label: { zh: '计划年度', en: 'Plan year' }, type: 'INTEGER' },
  ],
  style: [
    {
      suffix: 'fill',
      type: 'fill',
      paint: {
        'fill-color': [
          'match', ['get', '类型'],
          ...Object.entries(TYPE_COLORS).flat(),
          '#81c784',
        ] as unknown as string,
        'fill-opacity': 0.7,
      },
    },
    { suffix: 'outline', type: 'line', paint: { 'line-color': '#1b5e20', 'line-width': 0.8 } },
    labelLayer('名称', 13, '#1b5e20'),
  ],
  legend: Object.entries(TYPE_COLORS).map(([zh, color]) => ({
    label: { zh, en: ({ 综合公园: 'City park', 社区公园: 'Community park', 口袋公园: 'Pocket park', 滨水公园: 'Waterfront park', 专类公园: 'Theme park' } as Record<string, string>)[zh] },
    color,
    shape: 'fill' as const,
  })),
};
