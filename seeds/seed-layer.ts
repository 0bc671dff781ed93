import type { Feature } from 'geojson';
import type { KindId } from '../shared/layers/types.ts';

/**
 * One layer of seed data, ready to be written into a new project.
 * Features are WGS84 lon/lat; their properties are keyed by the kind's field keys (Chinese column names).
 */
export interface SeedLayer {
  /** ASCII snake_case table name, e.g. 'renewal_parcels'. */
  id: string;
  kind: KindId;
  /** Chinese title shown in the layer list. */
  title: string;
  features: Feature[];
}
