/** Path helpers for the in-app file dialog (the renderer has no node:path; paths come from the host). */

/** The separator a host path uses: backslash for Windows paths, slash otherwise. */
export function separatorOf(path: string): '/' | '\\' {
  return /^[A-Za-z]:\\/.test(path) || (path.includes('\\') && !path.includes('/')) ? '\\' : '/';
}

export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

export function joinPath(dir: string, name: string): string {
  const sep = separatorOf(dir);
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : dir + sep + name;
}

/** The last segment of a path. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter(Boolean);
  return parts[parts.length - 1] ?? path;
}

export function withGpkgExtension(name: string): string {
  return withExtension(name, '.gpkg');
}

/** `name` ending in `extension` (e.g. '.zip'), added when missing. */
export function withExtension(name: string, extension: string): string {
  return name.toLowerCase().endsWith(extension.toLowerCase()) ? name : `${name}${extension}`;
}

/** The extension of a file name, lower-case with the dot ('' when none). */
export function extensionOf(name: string): string {
  const base = baseName(name);
  const i = base.lastIndexOf('.');
  return i > 0 ? base.slice(i).toLowerCase() : '';
}

/** A file name without its extension. */
export function stemOf(name: string): string {
  const base = baseName(name);
  const i = base.lastIndexOf('.');
  return i > 0 ? base.slice(0, i) : base;
}

/**
 * The path a file dialog answers with: the typed name in the current folder (or as typed when absolute);
 * saving and creating always get the `extension` (.gpkg unless told). Null when no name was typed.
 */
export function dialogTarget(dir: string, typed: string, purpose: 'open' | 'save' | 'new', extension = '.gpkg'): string | null {
  const name = typed.trim();
  if (!name) return null;
  const file = purpose === 'open' ? name : withExtension(name, extension);
  return isAbsolutePath(file) ? file : joinPath(dir, file);
}

/** Several names typed or picked in one field, separated by ';' (a file name rarely holds one). */
export function splitNames(typed: string): string[] {
  return typed.split(';').map((n) => n.trim()).filter(Boolean);
}

/** The folder part of a path ("" when there is none). */
export function dirName(path: string): string {
  const i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (i < 0) return '';
  return i === 0 ? path.slice(0, 1) : path.slice(0, i);
}
