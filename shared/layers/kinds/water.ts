import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

/** 水系: lakes and canals, part of the offline basemap. */
export const water: LayerKind = {
  id: 'water',
  name: { zh: '水系', en: 'Water' },
  geometry: 'MULTIPOLYGON',
  base: true,
  labelField: '名称',
  fields: [
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '类型', label: { zh: '类型', en: 'Type' }, type: 'TEXT', values: ['湖泊', '河道'] },
  ],
  style: [
    { suffix: 'fill', type: 'fill', paint: { 'fill-color': '#a8d4f0', 'fill-outline-color': '#7fb8e0' } },
    labelLayer('名称', 12, '#1565c0'),
  ],
  legend: [{ label: { zh: '水系', en: 'Water' }, color: '#a8d4f0', shape: 'fill' }],
};
