import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AtlasError } from '../../shared/api/errors.ts';

const STAGE_ID = /^[A-Za-z0-9-]{1,64}$/;

/** A file name from the page made safe for the disk: no folders, no leading dots, not empty. */
export function safeFileName(raw: string): string {
  let name: string;
  try {
    name = decodeURIComponent(raw);
  } catch {
    name = raw;
  }
  name = path.basename(name.replace(/\\/g, '/')).replace(/[\x00-\x1f<>:"|?*]/g, '_').replace(/^\.+/, '');
  return name || 'upload';
}

/**
 * Browser mode's file drop: streams the request body (a dropped file) to the staging folder, files
 * of one drop (same x-stage-id) side by side so a shapefile's parts stay together. Returns the path.
 */
export async function stageUpload(req: http.IncomingMessage, stagingDir: string): Promise<string> {
  const header = (n: string) => {
    const v = req.headers[n];
    return Array.isArray(v) ? v[0] : v;
  };
  const stageId = header('x-stage-id') ?? crypto.randomUUID();
  if (!STAGE_ID.test(stageId)) throw new AtlasError('invalid_argument', 'Bad x-stage-id header', {});
  const name = safeFileName(header('x-file-name') ?? 'upload');
  const dir = path.join(stagingDir, stageId);
  fs.mkdirSync(dir, { recursive: true });
  const target = path.join(dir, name);
  await pipeline(req, fs.createWriteStream(target));
  return target;
}

/** Removes staged files older than a day (left by earlier runs). */
export function cleanStaging(stagingDir: string, maxAgeMs = 24 * 3600 * 1000): void {
  if (!fs.existsSync(stagingDir)) return;
  for (const entry of fs.readdirSync(stagingDir)) {
    const full = path.join(stagingDir, entry);
    if (Date.now() - fs.statSync(full).mtimeMs > maxAgeMs) fs.rmSync(full, { recursive: true, force: true });
  }
}
