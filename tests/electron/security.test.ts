import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CSP_DIRECTIVES,
  cspHeader,
  isAppUrl,
  isNavigationAllowed,
  isPermissionAllowed,
  isTrustedSender,
  withCsp,
} from '../../electron/main/security.ts';

const APP_URL = 'file:///opt/renewal-atlas/dist/renderer/index.html';

describe('cspHeader', () => {
  it('is the agreed strict policy', () => {
    expect(cspHeader()).toBe(
      "default-src 'self'; script-src 'self'; worker-src 'self' blob:; img-src 'self' data: blob:; " +
        "style-src 'self' 'unsafe-inline'; connect-src 'self' blob: data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('allows no inline or evaluated script and no remote source', () => {
    const header = cspHeader();
    expect(header).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
    expect(header).not.toMatch(/https?:|\*/);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(CSP_DIRECTIVES)).toBe(true);
  });
});

describe('withCsp', () => {
  it('adds the policy and keeps the other response headers', () => {
    const headers = Object.freeze({ 'Content-Type': ['text/html'] });
    expect(withCsp(headers)).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [cspHeader()] });
  });

  it('works when the response had no headers', () => {
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [cspHeader()] });
  });
});

describe('isNavigationAllowed', () => {
  it.each([
    ['the page itself', APP_URL],
    ['the page with a hash route', `${APP_URL}#/scenes/2`],
    ['the page with a query', `${APP_URL}?lang=en`],
    ['the same file through a dot segment', 'file:///opt/renewal-atlas/dist/renderer/../renderer/index.html'],
    ['the same file with localhost as host', 'file://localhost/opt/renewal-atlas/dist/renderer/index.html'],
  ])('allows %s', (_what, url) => {
    expect(isNavigationAllowed(url, APP_URL)).toBe(true);
  });

  it.each([
    ['a web page', 'https://example.com/'],
    ['a plain-http page on this machine', 'http://127.0.0.1:8080/index.html'],
    ['another local file', 'file:///opt/renewal-atlas/dist/renderer/other.html'],
    ['a file beside the app', 'file:///etc/passwd'],
    ['a script URL', 'javascript:alert(1)'],
    ['a data URL', 'data:text/html,<h1>hi</h1>'],
    ['an encoded separator', 'file:///opt/renewal-atlas/dist%2Frenderer/index.html'],
    ['the same path on a network host', 'file://fileserver/opt/renewal-atlas/dist/renderer/index.html'],
    ['a malformed URL', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s', (_what, url) => {
    expect(isNavigationAllowed(url, APP_URL)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('matches a Chinese path whether or not it is percent-encoded', () => {
    const app = 'file:///home/%E5%BC%A0%E4%B8%89/atlas/dist/renderer/index.html';
    expect(isAppUrl('file:///home/张三/atlas/dist/renderer/index.html', app)).toBe(true);
  });

  it('matches a Windows drive path whatever the letter case', () => {
    expect(isAppUrl('file:///c:/Program%20Files/Atlas/index.html', 'file:///C:/Program Files/Atlas/index.html')).toBe(true);
  });

  it('never matches when the app URL itself is not a file', () => {
    expect(isAppUrl('https://example.com/', 'https://example.com/')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts the app page and nothing else', () => {
    expect(isTrustedSender(`${APP_URL}#/map`, APP_URL)).toBe(true);
    expect(isTrustedSender('https://example.com/', APP_URL)).toBe(false);
  });

  it('does not trust a frame that is gone', () => {
    expect(isTrustedSender(null, APP_URL)).toBe(false);
    expect(isTrustedSender(undefined, APP_URL)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it('allows full screen and clipboard writing only', () => {
    expect(isPermissionAllowed('fullscreen')).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write')).toBe(true);
    for (const refused of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'unknown']) {
      expect(isPermissionAllowed(refused), refused).toBe(false);
    }
  });
});

describe('the shell modules unit tests load', () => {
  // The electron package downloads its binary when required from plain Node: these modules may
  // only import its types.
  it.each([
    'electron/main/security.ts',
    'electron/main/menu.ts',
    'electron/main/menu-labels.ts',
    'electron/main/ipc.ts',
    'electron/main/window.ts',
    'electron/main/app-paths.ts',
    'electron/main/argv.ts',
    'electron/main/file-dialog.ts',
    'electron/preload/bridge.ts',
    'electron/preload/channels.ts',
  ])('%s imports electron for types only', (file) => {
    const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    const electronImports = source.match(/^\s*import\b[^;]*?from\s+['"]electron['"]/gm) ?? [];
    for (const statement of electronImports) expect(statement).toMatch(/^\s*import\s+type\b/);
    expect(source).not.toMatch(/require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/);
  });
});
