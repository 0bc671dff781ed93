import type { LayerKind } from '../types.ts';
import { labelLayer } from './fonts.ts';

const MODE_COLORS = { 留: '#4caf50', 改: '#ff9800', 拆: '#e53935' } as const;

/** 城市更新地块: a parcel in the renewal plan, kept (留), renovated (改) or rebuilt (拆). */
export const renewalParcel: LayerKind = {
  id: 'renewal_parcel',
  name: { zh: '更新地块', en: 'Renewal parcels' },
  geometry: 'MULTIPOLYGON',
  base: false,
  labelField: '名称',
  fields: [
    { key: '地块编号', label: { zh: '地块编号', en: 'Parcel code' }, type: 'TEXT' },
    { key: '名称', label: { zh: '名称', en: 'Name' }, type: 'TEXT' },
    { key: '更新方式', label: { zh: '更新方式', en: 'Renewal mode' }, type: 'TEXT', values: ['留', '改', '拆'] },
    { key: '状态', label: { zh: '状态', en: 'Status' }, type: 'TEXT', values: ['规划', '启动', '在建', '完成'] },
    { key: '计划年度', label: { zh: '计划年度', en: 'Plan year' }, type: 'INTEGER' },
    { key: '面积', label: { zh: '面积', en: 'Area' }, type: 'REAL', unit: { zh: '公顷', en: 'ha' } },
    { key: '投资额', label: { zh: '投资额', en: 'Investment' }, type: 'REAL', unit: { zh: '亿元', en: '100M CNY' } },
  ],
  style: [
    {
      suffix: 'fill',
      type: 'fill',
      paint: {
        'fill-color': ['match', ['get', '更新方式'], '留', MODE_COLORS.留, '改', MODE_COLORS.改, '拆', MODE_COLORS.拆, '#9e9e9e'],
        'fill-opacity': 0.55,
      },
    },
    { suffix: 'outline', type: 'line', paint: { 'line-color': '#5d4037', 'line-width': 0.6 } },
    labelLayer('名称', 15),
  ],
  legend: [
    { label: { zh: '留（保留）', en: 'Keep (留)' }, color: MODE_COLORS.留, shape: 'fill' },
    { label: { zh: '改（改造）', en: 'Renovate (改)' }, color: MODE_COLORS.改, shape: 'fill' },
    { label: { zh: '拆（拆建）', en: 'Rebuild (拆)' }, color: MODE_COLORS.拆, shape: 'fill' },
  ],
};
