import { readColumnValues, readLayerRowIndex, readLayerRows } from '../../data/project/table-rows.ts';
import type { ProjectSession } from './project-session.ts';
import type { ApiHandlers } from './types.ts';

/** The paged attribute table: pages, a feature's row and a column's values, all computed in SQLite. */
export function tableHandlers(session: ProjectSession): Pick<ApiHandlers, 'layerRows' | 'layerRowIndex' | 'layerColumnValues'> {
  return {
    layerRows: ({ layerId, offset, limit, query }) => readLayerRows(session.current.tableSource(layerId), offset, limit, query),
    layerRowIndex: ({ layerId, fid, query }) => ({ index: readLayerRowIndex(session.current.tableSource(layerId), fid, query) }),
    layerColumnValues: ({ layerId, key, limit }) => readColumnValues(session.current.tableSource(layerId), key, limit),
  };
}
