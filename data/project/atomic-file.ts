import fs from 'node:fs';
import path from 'node:path';
import { AtlasError } from '../../shared/api/errors.ts';

/**
 * Writes a file through a temporary sibling that is renamed over the target only once `write` has
 * finished, so a crash or error never leaves a half-written file and an existing file stays as it was.
 */
export function writeAtomically(target: string, write: (tmpPath: string) => void): void {
  const dir = path.dirname(target);
  if (!fs.existsSync(dir)) throw new AtlasError('not_found', `Folder ${dir} does not exist`, { file: target });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    write(tmp);
    fs.renameSync(tmp, target);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
    if (err instanceof AtlasError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AtlasError('read_only', `Cannot write ${target}: permission denied`, { file: target });
    }
    throw new AtlasError('io_error', `Cannot write ${target}: ${(err as Error).message}`, { file: target });
  }
}
