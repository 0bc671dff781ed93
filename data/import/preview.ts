import type { Feature, Geometry } from 'geojson';
import type { ImportOptions, ImportPreview, ImportProblem, PreviewLayer } from '../../shared/api/transfer.ts';
import { createTransform, isIdentity, transformGeometry } from '../../shared/crs/transform.ts';
import { checkGeometry } from '../../shared/geometry/index.ts';
import { matchFields, suggestKind } from '../../shared/import/field-match.ts';
import { getKind } from '../../shared/layers/registry.ts';
import type { FormatReader, RawFeature, SourceLayer } from '../formats/types.ts';
import { assertPlausible, chooseCrs, sampleCoordinates } from './crs-choice.ts';
import { openSource } from './open-source.ts';

const SAMPLE_ROWS = 20;
const SAMPLE_FEATURES = 1000;
const MAX_PROBLEMS = 200;

interface Scan {
  count: number;
  types: Set<string>;
  rows: RawFeature['properties'][];
  sample: RawFeature[];
  problems: ImportProblem[];
  problemCount: number;
  invalidCount: number;
  bbox: [number, number, number, number] | null;
}

async function scanLayer(layer: SourceLayer, signal?: AbortSignal): Promise<Scan> {
  const scan: Scan = { count: 0, types: new Set(), rows: [], sample: [], problems: [], problemCount: 0, invalidCount: 0, bbox: null };
  for await (const f of layer.features(signal)) {
    scan.count++;
    if (scan.rows.length < SAMPLE_ROWS) scan.rows.push(f.properties);
    const checked = checkGeometry(f.geometry, f.index);
    if (checked.geometry) {
      scan.types.add(checked.geometry.type);
      widen(scan, checked.geometry);
    }
    if (scan.sample.length < SAMPLE_FEATURES && checked.geometry) scan.sample.push({ ...f, geometry: checked.geometry });
    scan.problemCount += checked.problems.length;
    if (!checked.valid) scan.invalidCount++;
    for (const p of checked.problems) if (scan.problems.length < MAX_PROBLEMS) scan.problems.push(p);
  }
  return scan;
}

function widen(scan: Scan, g: Geometry): void {
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      const b = scan.bbox;
      scan.bbox = b ? [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] : [x, y, x, y];
      return;
    }
    for (const child of c) visit(child);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((p) => widen(scan, p));
  else visit(g.coordinates);
}

/** Reads every feature of the source once and describes what an import would do, writing nothing. */
export async function previewImport(paths: readonly string[], options: ImportOptions, readers: readonly FormatReader[], signal?: AbortSignal): Promise<ImportPreview> {
  const source = await openSource(paths, options, readers, signal);
  const layers: PreviewLayer[] = [];
  for (const [index, layer] of source.layers.entries()) {
    const scan = await scanLayer(layer, signal);
    const sampleXY = sampleCoordinates(scan.sample.map((f) => f.geometry));
    const choice = chooseCrs(layer, options.crs, sampleXY);
    const warning = assertPlausible(layer.name, sampleXY, choice.crs);
    const toWgs = choice.crs && !isIdentity(choice.crs) ? createTransform(choice.crs).toWgs84 : null;
    const project = (g: Geometry): Geometry => (toWgs ? transformGeometry(g, toWgs) : g);
    const sample: Feature[] = choice.crs
      ? scan.sample.map((f) => ({ type: 'Feature', id: f.index, geometry: project(f.geometry!), properties: f.properties }))
      : [];
    const sourceFields = layer.fields.map((f) => f.key);
    const geometryTypes = [...scan.types].sort();
    const suggested = suggestKind(sourceFields, geometryTypes);
    const notes = [...layer.notes];
    if (index === 0 && source.unused.length) notes.push(`Not used: ${source.unused.join(', ')}`);
    if (choice.crs?.note) notes.push(choice.crs.note);
    if (warning) notes.push(warning);
    layers.push({
      index,
      name: layer.name,
      featureCount: scan.count,
      geometryTypes,
      crs: choice.crs ? { id: choice.crs.id, name: choice.crs.name } : null,
      crsCandidates: choice.candidates,
      encoding: layer.encoding,
      fields: layer.fields,
      sampleRows: scan.rows,
      sample: { type: 'FeatureCollection', features: sample },
      bbox: choice.crs ? bboxToWgs84(scan.bbox, toWgs) : null,
      problems: scan.problems,
      problemCount: scan.problemCount,
      invalidCount: scan.invalidCount,
      notes,
      suggestedKind: suggested,
      mapping: suggested === 'generic' ? {} : matchFields(getKind(suggested), sourceFields),
    });
  }
  return { format: source.reader.id, files: source.files.map((f) => f.path), layers };
}

function bboxToWgs84(b: [number, number, number, number] | null, toWgs: ((xy: [number, number]) => [number, number]) | null): [number, number, number, number] | null {
  if (!b || !toWgs) return b;
  const corners = [toWgs([b[0], b[1]]), toWgs([b[0], b[3]]), toWgs([b[2], b[1]]), toWgs([b[2], b[3]])];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
