import type { KindId, LayerKind } from '../layers/types.ts';
import { LAYER_KINDS } from '../layers/registry.ts';

/** Other names surveyors and web maps use for a field (lower-case, no spaces or underscores). */
const SYNONYMS: Record<string, string[]> = {
  名称: ['name', 'mc', 'title', '名字', 'label'],
  小区: ['name', 'mc', '小区名称', '名称', 'community', 'xqmc'],
  面积: ['area', 'mj', 'shapearea', 'aream2', 'areasqm', 'areaha', 'mianji', '面积m2', '面积ha', '占地面积'],
  长度: ['length', 'len', 'cd', 'shapeleng', 'shapelength'],
  泊位数: ['spaces', 'berths', 'capacity', '车位数', '车位', 'bws', 'parkingspaces'],
  类型: ['type', 'lx', 'class', 'category', '类别', '种类'],
  等级: ['grade', 'level', 'dj', 'class'],
  状态: ['status', 'zt', 'state'],
  计划年度: ['year', 'planyear', 'nd', '年度', '年份'],
  地块编号: ['code', 'id', 'dkbh', 'parcelcode', 'parcelid', '编号'],
  更新方式: ['mode', 'gxfs', 'renewalmode', '方式'],
  投资额: ['investment', 'tze', 'invest', '投资'],
  保护等级: ['grade', 'bhdj', 'protection', '级别'],
  建成年代: ['built', 'year', 'jcnd', '年代', 'yearbuilt'],
  楼栋数: ['buildings', 'lds', '栋数', '幢数'],
  户数: ['households', 'hs', 'hh'],
  人口: ['population', 'pop', 'rk', '人数'],
  服务对象: ['serves', 'fwdx', 'service'],
  行政区划代码: ['adcode', 'code', 'xzqdm', '区划代码'],
};

function norm(s: string): string {
  return s.toLowerCase().replace(/[\s_\-()（）]/g, '');
}

/**
 * Matches the fields of a kind to source fields: exact column name, then the Chinese or English
 * label, then common synonyms. Each source field is used at most once. Target key -> source or null.
 */
export function matchFields(kind: LayerKind, sourceFields: readonly string[]): Record<string, string | null> {
  const bySourceNorm = new Map<string, string>();
  for (const f of sourceFields) if (!bySourceNorm.has(norm(f))) bySourceNorm.set(norm(f), f);
  const used = new Set<string>();
  const mapping: Record<string, string | null> = {};
  const take = (candidate: string): string | null => {
    const hit = bySourceNorm.get(norm(candidate));
    if (hit && !used.has(hit)) {
      used.add(hit);
      return hit;
    }
    return null;
  };
  for (const field of kind.fields) mapping[field.key] = take(field.key) ?? take(field.label.zh) ?? take(field.label.en);
  for (const field of kind.fields) {
    if (mapping[field.key]) continue;
    mapping[field.key] = null;
    for (const syn of SYNONYMS[field.key] ?? []) {
      const hit = take(syn);
      if (hit) {
        mapping[field.key] = hit;
        break;
      }
    }
  }
  return mapping;
}

const GEOMETRY_FAMILY: Record<string, string> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
};

function kindFamily(kind: LayerKind): string | null {
  if (kind.geometry.includes('POINT')) return 'point';
  if (kind.geometry.includes('LINE')) return 'line';
  if (kind.geometry.includes('POLYGON')) return 'polygon';
  return null;
}

/**
 * The plan's kind whose geometry fits and whose fields the source matches best (at least two matched
 * fields, one of them not just 名称); generic otherwise, which keeps every attribute.
 */
export function suggestKind(sourceFields: readonly string[], geometryTypes: readonly string[]): KindId {
  const families = new Set(geometryTypes.map((t) => GEOMETRY_FAMILY[t]).filter(Boolean));
  if (families.size !== 1) return 'generic';
  const family = [...families][0];
  let best: { id: KindId; score: number } = { id: 'generic', score: 0 };
  for (const kind of Object.values(LAYER_KINDS)) {
    if (kind.id === 'generic' || kindFamily(kind) !== family) continue;
    const matched = Object.entries(matchFields(kind, sourceFields)).filter(([, v]) => v !== null);
    const score = matched.filter(([k]) => k !== '名称').length;
    if (matched.length >= 2 && score > best.score) best = { id: kind.id, score };
  }
  return best.id;
}
