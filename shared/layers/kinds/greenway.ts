import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

/** 绿道: line width by grade (区域级 / 城市级 / 社区级). */
export const greenway: LayerKind = {
  id: 'greenway',
  name: { zh: '绿道', en: 'Greenways' },
  geometry: 'LINESTRING',
  base: false,
  labelField: '名称',
  fields: [
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '等级', label: { zh: '等级', en: 'Grade' }, type: 'TEXT', values: ['区域级', '城市级', '社区级'] },
    { key: '长度', label: { zh: '长度', en: 'Length' }, type: 'REAL', unit: { zh: '米', en: 'm' } },
    { key: '状态', label: { zh: '状态', en: 'Status' }, type: 'TEXT', values: ['现状', '新建', '改建', '规划'] },
    { key: '计划年度', label: { zh: '计划年度', en: 'Plan year' }, type: 'INTEGER' },
  ],
  style: [
    {
      suffix: 'line',
      type: 'line',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': '#00a152',
        'line-width': ['match', ['get', '等级'], '区域级', 5, '城市级', 3.5, 2.2],
        'line-dasharray': [2, 1],
      },
    },
    labelLayer('名称', 14, '#00602f', 'line'),
  ],
  legend: [
    { label: { zh: '区域级绿道', en: 'Regional greenway' }, color: '#00a152', shape: 'line', size: 5 },
    { label: { zh: '城市级绿道', en: 'City greenway' }, color: '#00a152', shape: 'line', size: 3.5 },
    { label: { zh: '社区级绿道', en: 'Community greenway' }, color: '#00a152', shape: 'line', size: 2 },
  ],
};
