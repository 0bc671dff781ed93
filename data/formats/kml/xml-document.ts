import { DOMParser, type Document } from '@xmldom/xmldom';
import { AtlasError } from '../../../shared/api/errors.ts';
import { normaliseEncoding } from '../encoding/detect.ts';

/** Text of XML bytes: a BOM or the XML declaration's encoding wins, UTF-8 otherwise. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  const encoding = (declared && normaliseEncoding(declared)) || 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** Parsed XML plus the parser's non-fatal complaints (the document was still read). */
export interface ParsedXml {
  doc: Document;
  warnings: string[];
}

/**
 * Parses XML text; a document that is not well-formed is an invalid_file error naming the file and,
 * where the parser knows it, the line.
 */
export function parseXml(text: string, file: string): ParsedXml {
  const warnings: string[] = [];
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'error') warnings.push(message.split('\n')[0]);
      },
    }).parseFromString(text, 'text/xml');
  } catch (err) {
    const e = err as Error & { locator?: { lineNumber?: number } };
    const line = e.locator?.lineNumber;
    const where = line && line > 0 ? ` at line ${line}` : '';
    const detail = e.message.split('\n')[0];
    throw new AtlasError('invalid_file', `${file} is not well-formed XML${where}: ${detail}`, {
      file,
      ...(line && line > 0 ? { line } : {}),
    });
  }
  if (!doc.documentElement) throw new AtlasError('invalid_file', `${file} is not an XML document`, { file });
  return { doc, warnings };
}
