/** How a text encoding was settled, for the import preview's notes. */
export type EncodingSource = 'user' | 'declared' | 'detected' | 'default';

export interface EncodingChoice {
  /** A label TextDecoder accepts, e.g. 'utf-8', 'gbk', 'windows-1252'. */
  encoding: string;
  source: EncodingSource;
}

/** Every character a byte range decodes to under an encoding (for the standards' "common" tiers). */
function decodeRange(label: string, hi: [number, number], lo: [number, number][]): Set<string> {
  const bytes: number[] = [];
  for (let h = hi[0]; h <= hi[1]; h++) for (const [a, b] of lo) for (let l = a; l <= b; l++) bytes.push(h, l);
  return new Set(Array.from(new TextDecoder(label).decode(new Uint8Array(bytes))).filter((ch) => ch !== '\uFFFD'));
}

let commonSets: Record<string, Set<string>> | null = null;

/**
 * The common ideographs of each CJK encoding, taken from the encodings' own standards rather than
 * from a frequency list: GB 2312 level 1 (3,755 characters, rows 0xB0-0xD7), Big5's frequently used
 * characters (5,401, 0xA440-0xC67E) and JIS X 0208 level 1 (2,965, Shift-JIS 0x889F-0x9872). Bytes
 * decoded with the wrong encoding land largely outside the right tier, so the right one scores best.
 */
function commonHan(label: string): Set<string> {
  commonSets ??= {
    gbk: decodeRange('gbk', [0xb0, 0xd7], [[0xa1, 0xfe]]),
    big5: decodeRange('big5', [0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]]),
    shift_jis: decodeRange('shift_jis', [0x88, 0x98], [[0x40, 0x7e], [0x80, 0xfc]]),
  };
  commonSets['euc-jp'] ??= commonSets.shift_jis;
  return commonSets[label] ?? new Set();
}

/** Encodings tried on text that is not UTF-8, in order of preference when they score the same. */
const CANDIDATES = ['gbk', 'big5', 'shift_jis', 'euc-jp', 'windows-1252'] as const;
const JAPANESE = new Set(['shift_jis', 'euc-jp']);
/** Non-letters that real Western text uses: typographic quotes and dashes, units, bullets. */
const LATIN_PUNCTUATION = new Set('‘’‚“”„–—…•°²³µ·«»©®€£§½¼¾'.split(''));

function decodeStrict(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

const isAsciiLetter = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z]$/.test(ch);

/**
 * How plausible a decoding is, about +1 per byte of likely text and -1 per byte of unlikely text:
 * common Chinese characters, kana from a Japanese encoding, and accented letters inside Latin words
 * count for it; rare characters, kana from a Chinese encoding, C1 controls and stray symbols against.
 */
function plausibility(text: string, label: string): number {
  const chars = Array.from(text);
  const common = commonHan(label);
  let score = 0;
  chars.forEach((ch, i) => {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) return;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) score += common.has(ch) ? 2 : -1;
    else if (c >= 0x3040 && c <= 0x30ff) score += JAPANESE.has(label) ? 2 : -2;
    else if (c >= 0xff61 && c <= 0xff9f) score -= 1; // half-width katakana: rare in data, common in mis-decoded bytes
    else if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e)) score += 1;
    else if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) score += isAsciiLetter(chars[i - 1]) || isAsciiLetter(chars[i + 1]) ? 1 : -0.5;
    else if (c >= 0x80 && c <= 0x9f) score -= 3;
    else if (!LATIN_PUNCTUATION.has(ch)) score -= 1;
  });
  return score;
}

/**
 * Guesses the encoding of text bytes with no declaration. Pure ASCII and valid UTF-8 are UTF-8;
 * otherwise each candidate (GBK, Big5, Shift-JIS, EUC-JP, Windows-1252) decodes the bytes and the
 * most plausible text wins (see `plausibility`), GBK first on a tie. Windows-1252 never fails to
 * decode, so it is the answer when nothing else makes sense. Give it a few hundred bytes of text
 * (field values joined with spaces) when you can: a handful of characters can be ambiguous.
 */
export function detectEncoding(sample: Uint8Array): string {
  if (!hasHighBytes(sample) || decodeStrict(sample, 'utf-8') !== null) return 'utf-8';
  let best: { label: string; score: number } = { label: 'windows-1252', score: -Infinity };
  for (const label of CANDIDATES) {
    const text = decodeStrict(sample, label);
    if (text === null) continue;
    const score = plausibility(text, label);
    if (score > best.score) best = { label, score };
  }
  return best.label;
}

const ALIASES: Record<string, string> = {
  '65001': 'utf-8',
  utf8: 'utf-8',
  '936': 'gbk',
  gb2312: 'gbk',
  'gb-2312': 'gbk',
  '54936': 'gb18030',
  '950': 'big5',
  'big-5': 'big5',
  '932': 'shift_jis',
  shiftjis: 'shift_jis',
  sjis: 'shift_jis',
  '949': 'euc-kr',
  '866': 'ibm866',
  '874': 'windows-874',
  koi8r: 'koi8-r',
  '20866': 'koi8-r',
  '21866': 'koi8-u',
  ansi: 'windows-1252',
  latin1: 'iso-8859-1',
  '28591': 'iso-8859-1',
};

/**
 * Normalises an encoding name (from a .cpg, a user or a code page) to a TextDecoder label, or null.
 * Takes what ESRI and GDAL write in .cpg files: 'UTF-8', '936', 'CP936', 'ANSI 1252', '88591',
 * '8859-5', 'Big-5', 'GB2312'. DOS code pages (437, 850, 852) have no TextDecoder and give null.
 */
export function normaliseEncoding(name: string): string | null {
  const raw = name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!raw || raw.startsWith('<') || raw.length > 40) return null; // e.g. a .cpg that is really an HTML page
  const bare = raw.replace(/^(cp|windows-?|ansi\s*|ms)(?=\d)/, '');
  const iso = /^(?:iso-?)?(?:8859-?|2859)(\d{1,2})$/.exec(bare);
  const label =
    ALIASES[raw] ??
    ALIASES[bare] ??
    (iso ? `iso-8859-${iso[1]}` : null) ??
    (/^125\d$/.test(bare) ? `windows-${bare}` : raw);
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}
