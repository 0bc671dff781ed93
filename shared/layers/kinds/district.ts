import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

/** 行政区: district boundaries (南湖区 330402, 秀洲区 330411 ...), part of the basemap. */
export const district: LayerKind = {
  id: 'district',
  name: { zh: '行政区', en: 'Districts' },
  geometry: 'MULTIPOLYGON',
  base: true,
  labelField: '名称',
  fields: [
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '行政区划代码', label: { zh: '行政区划代码', en: 'Admin code' }, type: 'TEXT' },
  ],
  style: [
    { suffix: 'fill', type: 'fill', paint: { 'fill-color': '#f4f1ea', 'fill-opacity': 1 } },
    { suffix: 'outline', type: 'line', paint: { 'line-color': '#9e8fb0', 'line-width': 2, 'line-dasharray': [4, 2, 1, 2] } },
    { ...labelLayer('名称', 10, '#6d5a86'), maxzoom: 13 },
  ],
  legend: [{ label: { zh: '行政区界', en: 'District boundary' }, color: '#9e8fb0', shape: 'line', size: 2 }],
};
