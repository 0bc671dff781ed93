import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

/** 历史文化街区: a protected historic district, drawn as a hatched-looking outlined area. */
export const historicDistrict: LayerKind = {
  id: 'historic_district',
  name: { zh: '历史文化街区', en: 'Historic districts' },
  geometry: 'MULTIPOLYGON',
  base: false,
  labelField: '名称',
  fields: [
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '级别', label: { zh: '级别', en: 'Level' }, type: 'TEXT', values: ['省级', '市级'] },
    { key: '面积', label: { zh: '面积', en: 'Area' }, type: 'REAL', unit: { zh: '公顷', en: 'ha' } },
    { key: '公布年度', label: { zh: '公布年度', en: 'Listed in' }, type: 'INTEGER' },
  ],
  style: [
    { suffix: 'fill', type: 'fill', paint: { 'fill-color': '#9c27b0', 'fill-opacity': 0.12 } },
    { suffix: 'outline', type: 'line', paint: { 'line-color': '#7b1fa2', 'line-width': 2.5, 'line-dasharray': [3, 2] } },
    labelLayer('名称', 12, '#4a148c'),
  ],
  legend: [{ label: { zh: '历史文化街区', en: 'Historic district' }, color: '#7b1fa2', shape: 'line', size: 2.5 }],
};
