import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Routes = (path: string) => { type: string; body: string | Buffer } | null;

/** A plain local HTTP server for the reference pages of the benchmarks (127.0.0.1 only). */
export function serveRoutes(routes: Routes): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const hit = routes((req.url ?? '/').split('?')[0]);
    if (!hit) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': hit.type, 'cache-control': 'no-store' });
    res.end(hit.body);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
        close: () => new Promise<void>((r) => server.close(() => r())),
      }),
    ),
  );
}
