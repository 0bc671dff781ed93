import { AtlasError } from '../../../shared/api/errors.ts';
import { detectEncoding, type EncodingChoice } from '../encoding/detect.ts';
import { encodingOfLdid, resolveEncoding } from './code-pages.ts';
import { fieldType, type DbfField, type DbfHeader } from './dbf-reader.ts';

/** LDID 0x57 means "the writer's ANSI code page": GBK on a Chinese Windows, Windows-1252 on a Western one. */
const LDID_CURRENT_ANSI = 0x57;

const hex = (n: number): string => `0x${n.toString(16).toUpperCase().padStart(2, '0')}`;
const hasHighBytes = (b: Uint8Array): boolean => b.some((x) => x >= 0x80);

export interface DbfEncodingInput {
  dbfName: string;
  header: DbfHeader;
  /** The user's choice (ReadOptions.encoding). */
  user?: string;
  /** The .cpg beside the .dbf: its name and text, when there is one. */
  cpg?: { name: string; text: string };
  /** Text bytes of the first records, read only when needed. */
  sample: () => Uint8Array;
}

/**
 * Settles the text encoding of a DBF: the user's choice, else the .cpg (ignored, with a note, when it
 * names no encoding, e.g. an HTML page saved as .cpg), else the language driver byte, else detected
 * from the text. LDID 0x57 only says "the writer's ANSI code page", so there the text is checked and
 * a clear CJK or UTF-8 reading wins over Windows-1252. Pushes a note saying what was chosen and why.
 */
export function chooseDbfEncoding(input: DbfEncodingInput, notes: string[]): EncodingChoice {
  const { dbfName, header, user, cpg } = input;
  if (user) {
    const encoding = resolveEncoding(user);
    if (!encoding) throw new AtlasError('invalid_argument', `"${user}" is not a text encoding Renewal Atlas knows (try utf-8, gbk, big5)`, { file: dbfName });
    notes.push(`Text of ${dbfName} read as ${encoding} (your choice)`);
    return { encoding, source: 'user' };
  }
  if (cpg) {
    const encoding = resolveEncoding(cpg.text);
    if (encoding) {
      notes.push(`Text of ${dbfName} read as ${encoding}, as ${cpg.name} says`);
      return { encoding, source: 'declared' };
    }
    const what = cpg.text.trimStart().startsWith('<') ? 'it looks like an HTML page' : `"${cpg.text.trim().slice(0, 30)}"`;
    notes.push(`${cpg.name} does not name a text encoding (${what}), ignored`);
  }
  const declared = encodingOfLdid(header.ldid);
  if (declared && header.ldid === LDID_CURRENT_ANSI) {
    const sample = input.sample();
    const detected = detectEncoding(sample);
    if (hasHighBytes(sample) && detected !== 'windows-1252') {
      notes.push(`${dbfName} declares the writer's ANSI code page (language driver 0x57) and its text reads as ${detected}: read as ${detected}`);
      return { encoding: detected, source: 'detected' };
    }
  }
  if (declared) {
    notes.push(`Text of ${dbfName} read as ${declared}, the code page its header declares (language driver ${hex(header.ldid)})`);
    return { encoding: declared, source: 'declared' };
  }
  if (header.ldid !== 0) notes.push(`${dbfName} declares language driver ${hex(header.ldid)}, which is not known; the encoding was detected`);
  const sample = input.sample();
  if (!hasHighBytes(sample)) return { encoding: 'utf-8', source: 'default' };
  const encoding = detectEncoding(sample);
  notes.push(`Text of ${dbfName} detected as ${encoding}; choose another encoding if it looks wrong`);
  return { encoding, source: 'detected' };
}

/**
 * The fields of a DBF as read: names decoded, blank names replaced, duplicates made unique (e.g. two
 * names cut to the same 10 bytes), and fields of types that are not read (memo, binary) left out,
 * each with a note.
 */
export function dbfFields(header: DbfHeader, decode: (b: Uint8Array) => string, dbfName: string, notes: string[]): DbfField[] {
  const fields: DbfField[] = [];
  const used = new Set<string>();
  header.fields.forEach((descriptor, i) => {
    const name = decode(descriptor.nameBytes).replace(/\0/g, '').trim() || `field_${i + 1}`;
    const type = fieldType(descriptor);
    if (!type) {
      const kind = descriptor.type === 'M' ? 'memo' : `type ${descriptor.type}`;
      notes.push(`Field ${name} of ${dbfName} is a ${kind} field, which is not read; it was left out`);
      return;
    }
    let key = name;
    for (let n = 2; used.has(key); n++) key = `${name}_${n}`;
    if (key !== name) notes.push(`${dbfName} has two fields named ${name}; the second is read as ${key}`);
    used.add(key);
    fields.push({ key, type, descriptor });
  });
  return fields;
}
