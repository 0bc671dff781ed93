import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { dispatch } from '../api/dispatch.ts';
import type { ApiHandlers } from '../api/types.ts';
import { checkRequest, newToken } from './request-guard.ts';
import { BROWSER_CSP, readStatic } from './static-files.ts';
import { stageUpload } from './upload.ts';
import { UPLOAD_PATH } from '../../shared/api/contract.ts';
import { toErrorData } from '../../shared/api/errors.ts';

/** Request bodies are small except a saved analysis run, which carries its result layers. */
const MAX_BODY = 1 << 20;
const LARGE_BODY_CALLS: Record<string, number> = { saveAnalysisRun: 512 << 20 };

export interface HostOptions {
  handlers: ApiHandlers;
  /** Folder of the built renderer (dist/renderer). */
  staticDir: string;
  /** Where dropped files are staged (browser mode). */
  stagingDir?: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    // Past the limit the rest is read and dropped, so the client gets the answer instead of a reset.
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => (size > limit ? reject(new Error(`request body larger than ${limit >> 20} MiB`)) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * Browser mode: serves the built app and the API (POST /api/<name>) on 127.0.0.1 only, guarded by a
 * per-run token and Host/Origin checks.
 */
export function startHost(opts: HostOptions): Promise<RunningHost> {
  const token = opts.token ?? newToken();
  let port = opts.port ?? 0;
  const server = http.createServer(async (req, res) => {
    const urlPath = (req.url ?? '/').split('?')[0];
    const verdict = checkRequest(
      { method: req.method ?? 'GET', path: urlPath, remoteAddress: req.socket.remoteAddress, headers: req.headers },
      { port, token },
    );
    if (!verdict.ok) return send(res, verdict.status, 'text/plain; charset=utf-8', `Refused: ${verdict.reason}\n`);
    if (urlPath === UPLOAD_PATH) {
      if (!opts.stagingDir) return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
      try {
        const staged = await stageUpload(req, opts.stagingDir);
        return send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ ok: true, result: staged }));
      } catch (err) {
        return send(res, 400, 'application/json; charset=utf-8', JSON.stringify({ ok: false, error: toErrorData(err) }));
      }
    }
    if (urlPath.startsWith('/api/')) {
      let args: unknown = {};
      const name = decodeURIComponent(urlPath.slice(5));
      try {
        const text = await readBody(req, LARGE_BODY_CALLS[name] ?? MAX_BODY);
        args = text ? JSON.parse(text) : {};
      } catch (err) {
        const error = { code: 'invalid_argument', message: `Bad request body: ${(err as Error).message}` };
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, error }));
      }
      const response = await dispatch(opts.handlers, name, args);
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(response));
    }
    const file = readStatic(opts.staticDir, urlPath, token);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', 'Not found\n');
    send(res, 200, file.type, req.method === 'HEAD' ? '' : file.body, { 'content-security-policy': BROWSER_CSP });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        token,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            // Browsers keep connections alive; without this, close() waits for them to time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}
