/** How a text encoding was settled, for the import preview's notes. */
export type EncodingSource = 'user' | 'declared' | 'detected' | 'default';

export interface EncodingChoice {
  /** A label TextDecoder accepts, e.g. 'utf-8', 'gbk', 'windows-1252'. */
  encoding: string;
  source: EncodingSource;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** Share of characters that are common CJK ideographs or CJK punctuation in a decoded text. */
function cjkShare(text: string): number {
  let cjk = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
    else other++;
  }
  return cjk + other === 0 ? 0 : cjk / (cjk + other);
}

/**
 * Guesses the encoding of text bytes with no declaration: pure ASCII and valid UTF-8 are UTF-8;
 * bytes that decode under GB18030 to mostly Chinese characters are GBK (GB18030 is its superset);
 * anything else is taken as Windows-1252 (Latin-1), which never fails to decode.
 */
export function detectEncoding(sample: Uint8Array): string {
  if (!hasHighBytes(sample) || isValidUtf8(sample)) return 'utf-8';
  const gb = new TextDecoder('gb18030').decode(sample);
  if (!gb.includes('\uFFFD') && cjkShare(gb) > 0.6) return 'gbk';
  return 'windows-1252';
}

/** Normalises an encoding name (from a .cpg, a user or a code page) to a TextDecoder label, or null. */
export function normaliseEncoding(name: string): string | null {
  const raw = name.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!raw || raw.startsWith('<')) return null; // e.g. a .cpg that is really an HTML page
  const aliases: Record<string, string> = {
    '65001': 'utf-8',
    utf8: 'utf-8',
    '936': 'gbk',
    cp936: 'gbk',
    gb2312: 'gbk',
    'gb-2312': 'gbk',
    '54936': 'gb18030',
    '950': 'big5',
    cp950: 'big5',
    '932': 'shift_jis',
    cp932: 'shift_jis',
    sjis: 'shift_jis',
    '1252': 'windows-1252',
    ansi: 'windows-1252',
    '1250': 'windows-1250',
    'ansi 1250': 'windows-1250',
    '1251': 'windows-1251',
    '28591': 'iso-8859-1',
    latin1: 'iso-8859-1',
  };
  const label = aliases[raw] ?? aliases[raw.replace(/^(cp|windows-?)/, '')] ?? raw;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}
