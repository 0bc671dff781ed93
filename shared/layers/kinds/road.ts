import type { LayerKind } from '../types.ts';
import { LABEL_FONT } from './fonts.ts';

const CLASS_WIDTH = ['match', ['get', '等级'], '主干路', 5, '次干路', 3.2, '支路', 1.8, 1.2];

/** Street width grows with zoom, as on any basemap: thin at city scale, street-wide up close. */
function widthByZoom(extra = 0): number {
  return ['interpolate', ['exponential', 1.6], ['zoom'], 11, ['+', ['*', 0.35, CLASS_WIDTH], extra * 0.5], 14, ['+', CLASS_WIDTH, extra], 17, ['+', ['*', 4, CLASS_WIDTH], extra * 1.5]] as unknown as number;
}

/** 道路: the street network, part of the basemap (and the network walking analyses use). */
export const road: LayerKind = {
  id: 'road',
  name: { zh: '道路', en: 'Roads' },
  geometry: 'LINESTRING',
  base: true,
  labelField: '名称',
  fields: [
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '等级', label: { zh: '等级', en: 'Class' }, type: 'TEXT', values: ['主干路', '次干路', '支路', '步行道'] },
    { key: '长度', label: { zh: '长度', en: 'Length' }, type: 'REAL', unit: { zh: '米', en: 'm' } },
  ],
  style: [
    {
      suffix: 'casing',
      type: 'line',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#cfcfcf', 'line-width': widthByZoom(1.5) },
    },
    {
      suffix: 'line',
      type: 'line',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', '等级'], '主干路', '#ffe08a', '#ffffff'] as unknown as string,
        'line-width': widthByZoom(),
      },
    },
    {
      suffix: 'label',
      type: 'symbol',
      minzoom: 14,
      layout: {
        'symbol-placement': 'line',
        'text-field': ['coalesce', ['get', '名称'], ''],
        'text-font': LABEL_FONT,
        'text-size': 11,
      },
      paint: { 'text-color': '#555', 'text-halo-color': '#fff', 'text-halo-width': 1.2 },
    },
  ],
  legend: [
    { label: { zh: '主干路', en: 'Arterial' }, color: '#ffe08a', shape: 'line', size: 5 },
    { label: { zh: '次干路 / 支路', en: 'Collector / local' }, color: '#bdbdbd', shape: 'line', size: 2 },
  ],
};
