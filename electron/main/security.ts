/**
 * The window's security decisions as pure functions (no Electron import), so they are unit-tested
 * and the window module only wires them to Electron's events.
 */

/** The Content-Security-Policy of the app's page, directive by directive. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // MapLibre runs its tile workers from a file or a blob URL.
  'worker-src': ["'self'", 'blob:'],
  'img-src': ["'self'", 'data:', 'blob:'],
  // React and MapLibre set inline styles.
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': ["'self'", 'blob:', 'data:'],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
});

/** The policy as one header value. */
export function cspHeader(): string {
  return Object.entries(CSP_DIRECTIVES)
    .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * Response headers with our policy added. Existing headers are kept: a second policy can only
 * narrow what the page may do, never widen it.
 */
export function withCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return { ...headers, 'Content-Security-Policy': [cspHeader()] };
}

/**
 * The file a `file:` URL points to, as a comparable key, or null for anything else. Query and hash
 * are ignored (the UI routes by hash); percent-encoding is decoded so Chromium's and Node's
 * spellings of the same path agree; Windows drive paths compare case-insensitively.
 */
function fileKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'file:') return null;
  // An encoded separator would decode into a different path than the one the browser loads.
  if (/%2f|%5c/i.test(parsed.pathname)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (/^\/[a-z]:\//i.test(pathname)) pathname = pathname.toLowerCase();
  const host = parsed.host === 'localhost' ? '' : parsed.host.toLowerCase();
  return `${host}${pathname}`;
}

/** True when `url` is the app's own page (`appUrl`, a `file:` URL), whatever its query or hash. */
export function isAppUrl(url: string, appUrl: string): boolean {
  const key = fileKey(url);
  return key !== null && key === fileKey(appUrl);
}

/** Whether the window may navigate to `url`: only to the app's own page, never elsewhere. */
export function isNavigationAllowed(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

/** Whether an IPC message comes from the app's page (the sender frame's URL; null once it is gone). */
export function isTrustedSender(frameUrl: string | null | undefined, appUrl: string): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl, appUrl);
}

/** Web permissions the page may use: full screen for presenting, writing to the clipboard. */
export const ALLOWED_PERMISSIONS: readonly string[] = Object.freeze(['fullscreen', 'clipboard-sanitized-write']);

/** Whether the page may have `permission`; everything else (camera, geolocation, ...) is refused. */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission);
}
