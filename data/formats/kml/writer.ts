import fs from 'node:fs';
import { writeAtomically } from '../../project/atomic-file.ts';
import { fieldKind } from '../gpkg/field-types.ts';
import type { ExportLayer, FormatWriter } from '../types.ts';
import { kmlGeometry, xmlText } from './kml-markup.ts';

const KML_TYPES: Record<string, string> = { INTEGER: 'int', REAL: 'double', BOOLEAN: 'bool' };
const FLUSH_BYTES = 1 << 20;

/** Buffered text output to a file descriptor. */
function textSink(fd: number) {
  let parts: string[] = [];
  let size = 0;
  const flush = () => {
    if (parts.length) fs.writeSync(fd, parts.join(''));
    parts = [];
    size = 0;
  };
  return {
    write(s: string) {
      parts.push(s);
      size += s.length;
      if (size >= FLUSH_BYTES) flush();
    },
    flush,
  };
}

function schemaId(name: string, i: number): string {
  const id = name.replace(/[^\p{L}\p{N}_.-]/gu, '_');
  return /^[\p{L}_]/u.test(id) ? `${id}_${i}` : `s_${id}_${i}`;
}

function valueText(v: unknown, type: string): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'BOOLEAN') return v === true || v === 1 || v === '1' || v === 'true' ? '1' : '0';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** The fields that become the placemark's <name> and <description>, and the rest (ExtendedData). */
function splitFields(layer: ExportLayer) {
  const nameKey = layer.fields.find((f) => f.key.toLowerCase() === 'name')?.key;
  const descKey = layer.fields.find((f) => f.key.toLowerCase() === 'description')?.key;
  return { nameKey, descKey, data: layer.fields.filter((f) => f.key !== nameKey && f.key !== descKey) };
}

function writeLayer(out: ReturnType<typeof textSink>, layer: ExportLayer, id: string): void {
  const { nameKey, descKey, data } = splitFields(layer);
  out.write(`<Folder><name>${xmlText(layer.name)}</name>\n`);
  for (const f of layer.features) {
    const p = f.properties;
    out.write('  <Placemark>');
    const name = nameKey ? valueText(p[nameKey], 'TEXT') : null;
    if (name !== null) out.write(`<name>${xmlText(name)}</name>`);
    const desc = descKey ? valueText(p[descKey], 'TEXT') : null;
    if (desc !== null) out.write(`<description>${xmlText(desc)}</description>`);
    const cells = data
      .map((d) => [d.key, valueText(p[d.key], fieldKind(d.type))] as const)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `<SimpleData name="${xmlText(k)}">${xmlText(v!)}</SimpleData>`);
    if (cells.length) out.write(`<ExtendedData><SchemaData schemaUrl="#${id}">${cells.join('')}</SchemaData></ExtendedData>`);
    if (f.geometry) out.write(kmlGeometry(f.geometry));
    out.write('</Placemark>\n');
  }
  out.write('</Folder>\n');
}

/**
 * Writes KML 2.2: one Folder per layer, attributes as typed ExtendedData (a Schema per layer), fields
 * called name / description as the placemark's own. KML is WGS84 lon/lat by definition, so a target
 * CRS is not applied (and a note says so).
 */
export const kmlWriter: FormatWriter = {
  id: 'kml',
  name: { zh: 'KML（谷歌地球）', en: 'KML (Google Earth)' },
  extension: '.kml',
  async write(layers, outPath, opts) {
    const notes: string[] = [];
    if (opts.crs && opts.crs.id !== 'EPSG:4326') {
      notes.push(`KML is always WGS84 longitude/latitude; the chosen coordinate system ${opts.crs.id} (${opts.crs.name}) was not applied`);
    }
    const ids = layers.map((l, i) => schemaId(l.name, i));
    writeAtomically(outPath, (tmp) => {
      const fd = fs.openSync(tmp, 'w');
      try {
        const out = textSink(fd);
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n');
        layers.forEach((layer, i) => {
          const fields = splitFields(layer).data;
          out.write(`<Schema name="${xmlText(layer.name)}" id="${ids[i]}">\n`);
          for (const f of fields) out.write(`  <SimpleField name="${xmlText(f.key)}" type="${KML_TYPES[fieldKind(f.type)] ?? 'string'}"></SimpleField>\n`);
          out.write('</Schema>\n');
        });
        layers.forEach((layer, i) => writeLayer(out, layer, ids[i]));
        out.write('</Document>\n</kml>\n');
        out.flush();
      } finally {
        fs.closeSync(fd);
      }
    });
    return { files: [outPath], notes };
  },
};
