import {
  API_NAMES,
  TOKEN_HEADER,
  UPLOAD_PATH,
  type ApiArgs,
  type ApiName,
  type ApiResults,
  type AtlasApi,
  type MenuCommand,
  type PreloadBridge,
} from '../../shared/api/contract.ts';
import { AtlasError, type AtlasErrorCode, type AtlasErrorData } from '../../shared/api/errors.ts';

/*
 * The renderer's only way to the data layer. Under Electron the preload exposes `window.renewalAtlas`
 * (one function per call); in browser mode each call is POST /api/<name> to the 127.0.0.1 host with the
 * per-run token from index.html. Either way callers get an AtlasApi that throws AtlasError.
 */

declare global {
  interface Window {
    renewalAtlas?: PreloadBridge;
  }
}

type Response<T> = { ok: true; result: T } | { ok: false; error: AtlasErrorData };

const KNOWN_CODES: readonly AtlasErrorCode[] = [
  'not_found', 'not_a_geopackage', 'corrupt_file', 'read_only', 'file_exists',
  'invalid_argument', 'no_project', 'unsupported', 'io_error', 'internal',
  'invalid_file', 'unsupported_format', 'needs_input', 'bad_coordinates', 'cancelled',
];

/** Any thrown value as an AtlasError, keeping code and params when the value carries them. */
export function toAtlasError(err: unknown): AtlasError {
  if (err instanceof AtlasError) return err;
  // Electron's bridge rejects with plain data ({ name, code, message, params }): contextBridge would
  // strip everything but the message from an Error.
  const e = (err ?? {}) as Partial<AtlasErrorData> & { name?: string };
  const message = typeof e.message === 'string' ? e.message : String(err);
  if (typeof e === 'object' && typeof e.code === 'string' && KNOWN_CODES.includes(e.code as AtlasErrorCode)) {
    const params = e.params && typeof e.params === 'object' ? e.params : {};
    return new AtlasError(e.code as AtlasErrorCode, message, params);
  }
  return new AtlasError('internal', message);
}

function bridgeClient(bridge: PreloadBridge): AtlasApi {
  const client = {} as Record<ApiName, (args: unknown) => Promise<unknown>>;
  for (const name of API_NAMES) {
    const call = bridge[name] as (args: unknown) => Promise<unknown>;
    client[name] = async (args) => {
      try {
        return await call(args ?? {});
      } catch (err) {
        throw toAtlasError(err);
      }
    };
  }
  return client as AtlasApi;
}

/** The per-run token the browser-mode host writes into index.html. */
export function readToken(doc: Document = document): string {
  return doc.querySelector('meta[name="atlas-token"]')?.getAttribute('content') ?? '';
}

/** A client that talks HTTP to the browser-mode host (exported for tests). */
export function httpClient(token: string, fetchImpl: typeof fetch = (...a) => fetch(...a)): AtlasApi {
  async function call<K extends ApiName>(name: K, args: ApiArgs[K]): Promise<ApiResults[K]> {
    let res: globalThis.Response;
    try {
      res = await fetchImpl(`/api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(args ?? {}),
      });
    } catch (err) {
      throw new AtlasError('io_error', `Cannot reach the Renewal Atlas host: ${(err as Error).message}`);
    }
    let body: Response<ApiResults[K]>;
    try {
      body = (await res.json()) as Response<ApiResults[K]>;
    } catch {
      throw new AtlasError('io_error', `The host answered ${name} with HTTP ${res.status} and no readable body`, {
        status: res.status,
      });
    }
    if (body.ok) return body.result;
    throw AtlasError.from(body.error);
  }
  const client = {} as Record<ApiName, unknown>;
  for (const name of API_NAMES) client[name] = (args: ApiArgs[typeof name]) => call(name, args);
  return client as AtlasApi;
}

/** The API client for this window: the Electron preload bridge if present, else the HTTP host. */
export function createClient(): AtlasApi {
  const bridge = typeof window !== 'undefined' ? window.renewalAtlas : undefined;
  return bridge ? bridgeClient(bridge) : httpClient(readToken());
}

/**
 * Subscribes to Electron's native menu. In browser mode there is no native menu (the app draws its
 * own menu bar), so this does nothing.
 */
export function onNativeMenuCommand(listener: (cmd: MenuCommand) => void): () => void {
  const bridge = typeof window !== 'undefined' ? window.renewalAtlas : undefined;
  return bridge ? bridge.onMenuCommand(listener) : () => {};
}

/** Header naming one drop: the host stages files sent with the same id into the same folder. */
export const STAGE_ID_HEADER = 'x-stage-id';

function newStageId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/**
 * Browser mode: sends each file's bytes to the host (POST UPLOAD_PATH), which stages it on the local
 * disk and answers its path. One stage id for the whole drop keeps a shapefile's .shp, .dbf and .prj
 * together in one folder. Files go one after another, in order (exported for tests).
 */
export async function uploadFiles(
  files: readonly File[],
  token: string,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
  stageId: string = newStageId(),
): Promise<string[]> {
  const paths: string[] = [];
  for (const file of files) {
    let res: globalThis.Response;
    try {
      res = await fetchImpl(UPLOAD_PATH, {
        method: 'POST',
        headers: { [TOKEN_HEADER]: token, 'x-file-name': encodeURIComponent(file.name), [STAGE_ID_HEADER]: stageId },
        body: file,
      });
    } catch (err) {
      throw new AtlasError('io_error', `Cannot send ${file.name} to the Renewal Atlas host: ${(err as Error).message}`, { file: file.name });
    }
    let body: Response<string>;
    try {
      body = (await res.json()) as Response<string>;
    } catch {
      throw new AtlasError('io_error', `The host answered the upload of ${file.name} with HTTP ${res.status} and no readable body`, {
        file: file.name,
        status: res.status,
      });
    }
    if (!body.ok) throw AtlasError.from(body.error);
    paths.push(body.result);
  }
  return paths;
}

/**
 * Local paths for files dropped on the window: Electron knows each file's path (the preload's
 * pathForFile); browser mode uploads the bytes to the host, which stages them under the data folder.
 */
export async function stageFiles(files: File[]): Promise<string[]> {
  const bridge = typeof window !== 'undefined' ? window.renewalAtlas : undefined;
  if (!bridge) return uploadFiles(files, readToken());
  return files.map((file) => {
    const path = bridge.pathForFile(file);
    if (!path) throw new AtlasError('unsupported', `${file.name} is not a file on this computer`, { file: file.name });
    return path;
  });
}
