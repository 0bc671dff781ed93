import crypto from 'node:crypto';
import { TOKEN_HEADER, UPLOAD_PATH } from '../../shared/api/contract.ts';

export interface GuardConfig {
  port: number;
  token: string;
}

export interface RequestFacts {
  method: string;
  path: string;
  remoteAddress: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

export type GuardVerdict = { ok: true } | { ok: false; status: 403 | 401 | 405; reason: string };

/** A fresh random token for one run of the browser-mode host. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

function header(facts: RequestFacts, name: string): string | undefined {
  const v = facts.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Decides whether the browser-mode host serves a request: only from this machine, only for its own
 * Host (defeats DNS rebinding), never for a foreign Origin or a cross-site fetch, and API calls only
 * with the per-run token and POST.
 */
export function checkRequest(facts: RequestFacts, cfg: GuardConfig): GuardVerdict {
  if (!isLoopback(facts.remoteAddress)) return { ok: false, status: 403, reason: 'not from this machine' };
  const allowedHosts = [`127.0.0.1:${cfg.port}`, `localhost:${cfg.port}`];
  const host = header(facts, 'host');
  if (!host || !allowedHosts.includes(host.toLowerCase())) return { ok: false, status: 403, reason: `foreign Host header ${host ?? '(none)'}` };
  const origin = header(facts, 'origin');
  if (origin !== undefined && !allowedHosts.some((h) => origin.toLowerCase() === `http://${h}`)) {
    return { ok: false, status: 403, reason: `foreign Origin ${origin}` };
  }
  if (header(facts, 'sec-fetch-site') === 'cross-site') return { ok: false, status: 403, reason: 'cross-site request' };
  if (facts.path.startsWith('/api/') || facts.path === UPLOAD_PATH) {
    if (facts.method !== 'POST') return { ok: false, status: 405, reason: 'API calls and uploads are POST' };
    if (!sameToken(header(facts, TOKEN_HEADER), cfg.token)) return { ok: false, status: 401, reason: 'missing or wrong token' };
  } else if (facts.method !== 'GET' && facts.method !== 'HEAD') {
    return { ok: false, status: 405, reason: 'only GET for files' };
  }
  return { ok: true };
}
