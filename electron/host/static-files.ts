import fs from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.ico': 'image/x-icon',
};

/** Content-Security-Policy of the app page in browser mode (the same rules as the Electron window). */
export const BROWSER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' blob: data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface StaticFile {
  body: Buffer;
  type: string;
}

/** The built app's file for a URL path, or null; never a file outside `root`. */
export function readStatic(root: string, urlPath: string, token: string): StaticFile | null {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const full = path.resolve(root, '.' + rel);
  if (!full.startsWith(path.resolve(root) + path.sep)) return null;
  let body: Buffer;
  try {
    if (!fs.statSync(full).isFile()) return null;
    body = fs.readFileSync(full);
  } catch {
    return null;
  }
  const ext = path.extname(full).toLowerCase();
  if (rel === '/index.html') {
    const html = body.toString('utf8').replace('<head>', `<head>\n    <meta name="atlas-token" content="${token}" />`);
    body = Buffer.from(html, 'utf8');
  }
  return { body, type: TYPES[ext] ?? 'application/octet-stream' };
}
