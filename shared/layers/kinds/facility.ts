import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

const TYPE_COLORS = { 学校: '#f57c00', 医院: '#d32f2f', 驿站: '#0097a7', 中转站: '#616161', 其他: '#795548' } as const;
const TYPE_EN: Record<string, string> = { 学校: 'School', 医院: 'Hospital', 驿站: 'Service station', 中转站: 'Transfer station', 其他: 'Other' };

/** 公共设施: schools, hospitals, service stations and the like. */
export const facility: LayerKind = {
  id: 'facility',
  name: { zh: '公共设施', en: 'Facilities' },
  geometry: 'POINT',
  base: false,
  labelField: '名称',
  fields: [
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '类型', label: { zh: '类型', en: 'Type' }, type: 'TEXT', values: Object.keys(TYPE_COLORS) },
    { key: '子类', label: { zh: '子类', en: 'Subtype' }, type: 'TEXT' },
    { key: '规模', label: { zh: '规模', en: 'Size' }, type: 'INTEGER' },
  ],
  style: [
    {
      suffix: 'circle',
      type: 'circle',
      paint: {
        'circle-color': ['match', ['get', '类型'], ...Object.entries(TYPE_COLORS).flat(), '#795548'] as unknown as string,
        'circle-radius': 6,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    labelLayer('名称', 14, '#3e2723'),
  ],
  legend: Object.entries(TYPE_COLORS).map(([zh, color]) => ({ label: { zh, en: TYPE_EN[zh] }, color, shape: 'circle' as const })),
};
