import type { TableQuery } from '../../shared/api/analysis-runs.ts';
import { AtlasError } from '../../shared/api/errors.ts';
import type { FeatureTableInfo } from '../gpkg/feature-table.ts';
import { quoteIdent } from '../gpkg/sql.ts';

/** A value as stored in an attribute cell (BLOBs are never compared). */
export type SqlValue = string | number | null;

/** Pieces of SQL for one table query; `params` belong to `where`, in order. */
export interface QuerySql {
  /** `WHERE …` or ''. */
  where: string;
  params: SqlValue[];
  /** `ORDER BY …`: the sort column (empty cells last), then the feature id, so the order is total. */
  orderBy: string;
  /** True when the rows are in plain feature-id order: no sort column, no search, no filter. */
  byFid: boolean;
  dir: 'asc' | 'desc';
  /** A stable text for the query (the same rows in the same order give the same key). */
  key: string;
  /** The sort column when it holds text: sorted by the Chinese collation (pinyin) in JS, not by SQLite's code-point order. */
  textSort: string | null;
}

/** Characters LIKE treats specially are escaped with this one. */
const LIKE_ESCAPE = '\\';

/** `%text%` for LIKE with `%`, `_` and the escape character itself taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c)}%`;
}

/** A column's value with empty text folded into NULL: one "empty" for sorting, filtering and counting. */
export function keyExpr(column: string): string {
  return `nullif(${quoteIdent(column)}, '')`;
}

/**
 * The layer's column for a key from the UI: one of its attribute fields, or its feature id column.
 * Anything else is refused with an error naming the field and the layer.
 */
export function checkColumn(table: FeatureTableInfo, key: string): string {
  if (key === table.idColumn || table.columns.some((c) => c.key === key)) return key;
  throw new AtlasError('invalid_argument', `Layer "${table.table}" has no field "${key}"`, { layer: table.table, field: key });
}

/** Attribute columns the search box looks in (all but binary ones). */
function searchColumns(table: FeatureTableInfo): string[] {
  return table.columns.filter((c) => c.type !== 'BLOB').map((c) => c.key);
}

/**
 * The SQL for a table query over a feature table: a case-insensitive substring search over every
 * attribute column (LIKE, escaped; ASCII letters fold case, Chinese matches as written), value filters
 * as IN lists (null or '' in a filter matches empty cells), and the order — the chosen column ascending
 * or descending with empty cells last, then the feature id; without a sort key the feature id alone.
 * Column names come only from the layer's own fields and are quoted; values are bound parameters.
 */
export function buildQuerySql(table: FeatureTableInfo, query: TableQuery | undefined): QuerySql {
  const conds: string[] = [];
  const params: SqlValue[] = [];
  const search = query?.search?.trim() ?? '';
  if (search) {
    const cols = searchColumns(table);
    if (cols.length === 0) conds.push('0');
    else {
      const pattern = likePattern(search);
      conds.push(`(${cols.map((c) => `${quoteIdent(c)} LIKE ? ESCAPE '${LIKE_ESCAPE}'`).join(' OR ')})`);
      for (let i = 0; i < cols.length; i++) params.push(pattern);
    }
  }
  for (const filter of query?.filters ?? []) {
    const col = quoteIdent(checkColumn(table, filter.key));
    const empty = filter.values.some((v) => v === null || v === '');
    const values = filter.values.filter((v): v is string | number => v !== null && v !== '');
    const parts: string[] = [];
    if (values.length) {
      parts.push(`${col} IN (${values.map(() => '?').join(', ')})`);
      params.push(...values);
    }
    if (empty) parts.push(`${keyExpr(filter.key)} IS NULL`);
    conds.push(parts.length ? `(${parts.join(' OR ')})` : '0');
  }
  const dir = query?.sortDir ?? 'asc';
  const id = quoteIdent(table.idColumn);
  const sortKey = query?.sortKey ? checkColumn(table, query.sortKey) : null;
  const bySortKey = sortKey !== null && sortKey !== table.idColumn;
  // NULLS LAST (with '' folded into NULL) is markedly faster in SQLite's sorter than a separate
  // "is empty" sort term.
  const orderBy = bySortKey
    ? `ORDER BY ${keyExpr(sortKey)} ${dir.toUpperCase()} NULLS LAST, ${id} ASC`
    : `ORDER BY ${id} ${dir.toUpperCase()}`;
  const where = conds.length ? `WHERE ${conds.join(' AND ')}` : '';
  const key = JSON.stringify([table.table, bySortKey ? sortKey : null, dir, search, query?.filters ?? []]);
  const sortType = bySortKey ? table.columns.find((c) => c.key === sortKey)?.type.toUpperCase() ?? '' : '';
  const textSort = bySortKey && /TEXT|CHAR|CLOB/.test(sortType) ? sortKey : null;
  return { where, params, orderBy, byFid: !bySortKey && !where, dir, key, textSort };
}
