import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

/** 居住小区: the homes that coverage is measured for (户数 / 人口 are the denominators). */
export const residentialArea: LayerKind = {
  id: 'residential_area',
  name: { zh: '居住小区', en: 'Residential areas' },
  geometry: 'MULTIPOLYGON',
  base: false,
  labelField: '小区',
  fields: [
    { key: '小区', label: { zh: '小区', en: 'Community' }, type: 'TEXT' },
    { key: '建成年代', label: { zh: '建成年代', en: 'Year built' }, type: 'INTEGER' },
    { key: '楼栋数', label: { zh: '楼栋数', en: 'Buildings' }, type: 'INTEGER', unit: { zh: '幢', en: 'bldgs' } },
    { key: '户数', label: { zh: '户数', en: 'Households' }, type: 'INTEGER', unit: { zh: '户', en: 'hh' } },
    { key: '人口', label: { zh: '人口', en: 'Population' }, type: 'INTEGER', unit: { zh: '人', en: 'people' } },
    { key: '老旧小区', label: { zh: '老旧小区', en: 'Old community' }, type: 'TEXT', values: ['是', '否'] },
    { key: '改造状态', label: { zh: '改造状态', en: 'Renovation' }, type: 'TEXT', values: ['无', '计划', '开工', '完成'] },
  ],
  style: [
    {
      suffix: 'fill',
      type: 'fill',
      paint: {
        'fill-color': ['case', ['==', ['get', '老旧小区'], '是'], '#ffcc80', '#fff59d'],
        'fill-opacity': 0.6,
      },
    },
    { suffix: 'outline', type: 'line', paint: { 'line-color': '#bf8f00', 'line-width': 0.6 } },
    labelLayer('小区', 15, '#5d4037'),
  ],
  legend: [
    { label: { zh: '老旧小区（2000年前）', en: 'Old community (pre-2000)' }, color: '#ffcc80', shape: 'fill' },
    { label: { zh: '其他小区', en: 'Other residential' }, color: '#fff59d', shape: 'fill' },
  ],
};
