import {
  API_NAMES,
  TOKEN_HEADER,
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
