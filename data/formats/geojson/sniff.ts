/**
 * Whether the first bytes of a `.json` file look like GeoJSON: an RFC 8142 record separator, or an
 * object whose opening bytes name a GeoJSON type or a `features` array. Never throws.
 */
const TYPE_RE = /"type"\s*:\s*"(FeatureCollection|Feature|Point|MultiPoint|LineString|MultiLineString|Polygon|MultiPolygon|GeometryCollection)"/;
const FEATURES_RE = /"features"\s*:\s*\[/;

export function looksLikeGeoJson(head: Uint8Array): boolean {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  if (head[i] === 0x1e) return true;
  if (head[i] !== 0x7b) return false;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(i));
  return TYPE_RE.test(text) || FEATURES_RE.test(text);
}
