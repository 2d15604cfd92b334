/**
 * HTTP hardening: helmet with a CSP that works on plain-HTTP intranets (stack-notes.md: no
 * `upgrade-insecure-requests` unless served over HTTPS; `base-uri 'none'`), and a guard that
 * refuses cross-site or non-JSON writes to /trpc (tRPC would accept a form POST otherwise).
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function securityHeaders(): RequestHandler {
  const plain = helmet({
    contentSecurityPolicy: { useDefaults: true, directives: { 'base-uri': ["'none'"], 'upgrade-insecure-requests': null, 'img-src': ["'self'", 'data:', 'blob:'] } },
    strictTransportSecurity: false,
  });
  const secure = helmet({
    contentSecurityPolicy: { useDefaults: true, directives: { 'base-uri': ["'none'"], 'img-src': ["'self'", 'data:', 'blob:'] } },
  });
  return (req, res, next) => (req.secure ? secure : plain)(req, res, next);
}

/** Rejects state-changing /trpc requests that are not JSON or come from another site. */
export const trpcWriteGuard: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  const contentType = req.headers['content-type'] ?? '';
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const host = req.headers.host;
  const crossSite = (typeof site === 'string' && site !== 'same-origin' && site !== 'none')
    || (typeof origin === 'string' && host !== undefined && new URL(origin).host !== host);
  if (!contentType.startsWith('application/json') || crossSite) {
    res.status(403).json({ error: { message: 'cross-site or non-JSON request refused' } });
    return;
  }
  next();
};
