/** A WKT node: `KEYWORD[arg, ...]`; an arg is a quoted string, a number, a bare word or a node. */
export interface WktNode {
  keyword: string;
  args: WktValue[];
}
/** A WKT argument: a nested node, a quoted string (unquoted), a number or a bare word such as EAST. */
export type WktValue = WktNode | string | number;

const WORD = /[A-Za-z_][A-Za-z0-9_.]*/y;
const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/y;

/**
 * Parses OGC WKT 1/2 or ESRI WKT into a tree, or returns undefined when the text is not well-formed
 * WKT (an HTML page saved as .prj, a truncated file). Accepts `[ ]` and `( )` brackets and `""`
 * escapes inside strings; only whitespace may follow the root node.
 */
export function parseWkt(text: string): WktNode | undefined {
  let pos = 0;
  const skip = (): void => {
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  };
  const match = (re: RegExp): string | undefined => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return undefined;
    pos += m[0].length;
    return m[0];
  };
  const quoted = (): string | undefined => {
    let out = '';
    for (pos++; pos < text.length; pos++) {
      if (text[pos] !== '"') {
        out += text[pos];
      } else if (text[pos + 1] === '"') {
        out += '"';
        pos++;
      } else {
        pos++;
        return out;
      }
    }
    return undefined;
  };
  const value = (): WktValue | undefined => {
    skip();
    if (text[pos] === '"') return quoted();
    const num = match(NUMBER);
    if (num !== undefined) return Number(num);
    const word = match(WORD);
    if (word === undefined) return undefined;
    skip();
    return text[pos] === '[' || text[pos] === '(' ? node(word) : word;
  };
  const node = (keyword: string): WktNode | undefined => {
    const close = text[pos] === '[' ? ']' : ')';
    pos++;
    const args: WktValue[] = [];
    for (;;) {
      const v = value();
      if (v === undefined) return undefined;
      args.push(v);
      skip();
      if (text[pos] === close) {
        pos++;
        return { keyword: keyword.toUpperCase(), args };
      }
      if (text[pos] !== ',') return undefined;
      pos++;
    }
  };
  const root = value();
  skip();
  return typeof root === 'object' && pos === text.length ? root : undefined;
}

/** Direct child nodes of `node` with one of the given keywords (upper case). */
export function wktChildren(node: WktNode, ...keywords: string[]): WktNode[] {
  return node.args.filter((a): a is WktNode => typeof a === 'object' && keywords.includes(a.keyword));
}

/** The geographic CRS node of a WKT 1 CRS (itself, or inside a PROJCS / COMPD_CS). */
export function wktGeographicNode(node: WktNode): WktNode | undefined {
  if (node.keyword === 'GEOGCS') return node;
  for (const child of wktChildren(node, 'PROJCS', 'GEOGCS')) {
    const found = wktGeographicNode(child);
    if (found) return found;
  }
  return undefined;
}

/** The name of a WKT CRS node (its first argument), or ''. */
export function wktName(node: WktNode): string {
  return typeof node.args[0] === 'string' ? node.args[0] : '';
}

/** The EPSG code in the node's own AUTHORITY["EPSG","4549"] (WKT1) or ID["EPSG",4549] (WKT2). */
export function wktEpsgCode(node: WktNode): number | undefined {
  for (const id of wktChildren(node, 'AUTHORITY', 'ID')) {
    const [authority, code] = id.args;
    if (typeof authority === 'string' && authority.toUpperCase() === 'EPSG' && Number.isInteger(Number(code))) return Number(code);
  }
  return undefined;
}

/** WKT 2 / EPSG parameter names as their WKT 1 (ESRI) equivalents. */
const PARAMETER_ALIASES = new Map<string, string>(Object.entries({
  longitude_of_natural_origin: 'central_meridian',
  longitude_of_origin: 'central_meridian',
  latitude_of_natural_origin: 'latitude_of_origin',
  scale_factor_at_natural_origin: 'scale_factor',
}));

/** Projection parameters by normalized WKT 1 name ('false_easting', 'central_meridian'...), from WKT 1 or 2. */
export function wktParameters(node: WktNode): Map<string, number> {
  const holders = [node, ...wktChildren(node, 'CONVERSION')];
  const out = new Map<string, number>();
  for (const p of holders.flatMap((h) => wktChildren(h, 'PARAMETER'))) {
    const [name, value] = p.args;
    if (typeof name !== 'string' || typeof value !== 'number') continue;
    const key = normalizeWktName(name);
    out.set(PARAMETER_ALIASES.get(key) ?? key, value);
  }
  return out;
}

/** Lower case with runs of anything but letters and digits turned into one '_'. */
export function normalizeWktName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}
