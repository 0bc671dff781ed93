import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

/** 公共停车场: sized on the map by its number of spaces (泊位数). */
export const parkingLot: LayerKind = {
  id: 'parking_lot',
  name: { zh: '公共停车场', en: 'Parking lots' },
  geometry: 'POINT',
  base: false,
  labelField: '名称',
  fields: [
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '泊位数', label: { zh: '泊位数', en: 'Spaces' }, type: 'INTEGER', unit: { zh: '个', en: 'spaces' } },
    { key: '类型', label: { zh: '类型', en: 'Type' }, type: 'TEXT', values: ['地面', '地下', '立体', '机械'] },
    { key: '服务对象', label: { zh: '服务对象', en: 'Serves' }, type: 'TEXT', values: ['学校', '医院', '商业', '居住', '综合'] },
    { key: '状态', label: { zh: '状态', en: 'Status' }, type: 'TEXT', values: ['现状', '新建', '在建', '规划'] },
    { key: '计划年度', label: { zh: '计划年度', en: 'Plan year' }, type: 'INTEGER' },
  ],
  style: [
    {
      suffix: 'circle',
      type: 'circle',
      paint: {
        'circle-color': '#1e88e5',
        'circle-radius': ['interpolate', ['linear'], ['coalesce', ['get', '泊位数'], 0], 0, 3, 100, 6, 300, 10, 600, 15],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.2,
        'circle-opacity': 0.85,
      },
    },
    labelLayer('名称', 15, '#0d47a1'),
  ],
  legend: [
    { label: { zh: '泊位 < 100', en: '< 100 spaces' }, color: '#1e88e5', shape: 'circle', size: 5 },
    { label: { zh: '泊位 100–300', en: '100–300 spaces' }, color: '#1e88e5', shape: 'circle', size: 8 },
    { label: { zh: '泊位 > 300', en: '> 300 spaces' }, color: '#1e88e5', shape: 'circle', size: 12 },
  ],
};
