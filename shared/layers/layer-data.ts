import type { Feature, Geometry } from 'geojson';
import type { KindId } from './types.ts';

/** A layer's content as handed to the store: a new feature table of a kind, with its features. */
export interface LayerData {
  /** Table name: ASCII, starts with a letter (e.g. 'renewal_parcels'). */
  id: string;
  kind: KindId;
  /** Display title (Chinese first). */
  title: string;
  features: Feature<Geometry | null>[];
}
