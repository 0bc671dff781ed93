import { kmlGen } from '@tmcw/togeojson';
import type { Document, Element, Node } from '@xmldom/xmldom';
import type { RawFeature, SourceFieldType } from '../types.ts';
import { collectFields, fillMissing, toRawFeature } from './togeojson-features.ts';

/** A layer found in a KML document, its features already read (KML files are read whole). */
export interface KmlLayer {
  name: string;
  fields: { key: string; type: SourceFieldType }[];
  features: RawFeature[];
  /** Ground overlays and network links, which are not vector features. */
  skipped: number;
}

const SCHEMA_TYPES: Record<string, SourceFieldType> = {
  int: 'INTEGER', uint: 'INTEGER', short: 'INTEGER', ushort: 'INTEGER', float: 'REAL', double: 'REAL', bool: 'BOOLEAN',
};

function localName(node: Node): string {
  return ((node as Element).localName ?? node.nodeName).replace(/^.*:/, '');
}

function childElements(node: Node, ...names: string[]): Element[] {
  const out: Element[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && names.includes(localName(c))) out.push(c as Element);
  return out;
}

function hasPlacemarks(node: Node): boolean {
  return (node as Element).getElementsByTagName('Placemark').length > 0;
}

/**
 * Types declared by <Schema><SimpleField type="…">; the fields are then marked "string" in the DOM so
 * togeojson hands over the text and the values are converted here (togeojson reads bool "0" as true).
 */
function takeDeclaredTypes(doc: Document): Map<string, SourceFieldType> {
  const declared = new Map<string, SourceFieldType>();
  const fields = doc.getElementsByTagName('SimpleField');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    const name = f.getAttribute('name');
    if (name) declared.set(name, SCHEMA_TYPES[(f.getAttribute('type') ?? '').toLowerCase()] ?? 'TEXT');
    f.setAttribute('type', 'string');
  }
  return declared;
}

function convert(value: string | number | boolean | null, type: SourceFieldType): string | number | boolean | null {
  if (typeof value !== 'string') return value;
  const t = value.trim();
  if (t === '') return null;
  if (type === 'INTEGER' || type === 'REAL') return Number.isFinite(Number(t)) ? Number(t) : null;
  if (type === 'BOOLEAN') return /^(1|true)$/i.test(t) ? true : /^(0|false)$/i.test(t) ? false : null;
  return value;
}

function readLayer(name: string, node: Node, declared: Map<string, SourceFieldType>): KmlLayer {
  const features: RawFeature[] = [];
  let skipped = 0;
  // togeojson walks any node; its types only admit documents.
  for (const f of kmlGen(node as unknown as Document)) {
    if (f.properties && '@geometry-type' in f.properties) {
      skipped++;
      continue;
    }
    const raw = toRawFeature(f, features.length);
    for (const [k, type] of declared) if (k in raw.properties) raw.properties[k] = convert(raw.properties[k], type);
    features.push(raw);
  }
  const fields = collectFields(features, declared);
  fillMissing(features, fields);
  return { name, fields, features, skipped };
}

function nameOf(node: Node): string | null {
  const n = childElements(node, 'name')[0]?.textContent?.trim();
  return n || null;
}

/**
 * Splits a KML document into layers: one per top-level Folder (or nested Document, as GDAL's LIBKML
 * driver writes) that holds placemarks, plus one for placemarks outside any folder; one layer for the
 * whole document when it has no such folders. A lone wrapper folder is looked through.
 */
export function kmlLayers(doc: Document, fileStem: string): KmlLayer[] {
  const declared = takeDeclaredTypes(doc);
  const top = doc.getElementsByTagName('Document')[0] ?? doc.documentElement!;
  let node: Node = top;
  for (;;) {
    const inner = childElements(node, 'Folder', 'Document');
    if (inner.length !== 1 || childElements(node, 'Placemark').length > 0) break;
    node = inner[0];
  }
  const baseName = node === top ? fileStem : (nameOf(node) ?? fileStem);
  const containers = childElements(node, 'Folder', 'Document').filter(hasPlacemarks);
  if (containers.length === 0) return [readLayer(baseName, node, declared)];
  const layers: KmlLayer[] = [];
  const used = new Set<string>();
  const unique = (name: string) => {
    let n = name;
    for (let i = 2; used.has(n); i++) n = `${name} (${i})`;
    used.add(n);
    return n;
  };
  const loose = node.cloneNode(true);
  for (const c of childElements(loose, 'Folder', 'Document')) loose.removeChild(c);
  if (hasPlacemarks(loose)) layers.push(readLayer(unique(baseName), loose, declared));
  containers.forEach((c, i) => layers.push(readLayer(unique(nameOf(c) ?? `${fileStem} ${i + 1}`), c, declared)));
  return layers;
}
