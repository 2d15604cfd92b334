/**
 * HTTP hardening: helmet with a CSP that works on plain-HTTP intranets (stack-notes.md: no
 * `upgrade-insecure-requests` unless served over HTTPS; `base-uri 'none'`), and a guard that
 * refuses cross-site or non-JSON writes to /trpc (tRPC would accept a form POST otherwise), a
 * nesting limit for JSON bodies, and the last handler, which answers errors in JSON without their stack.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import helmet from 'helmet';
import { logger } from '../logger.ts';

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

/** The host of an Origin header; null for one that is no URL (`Origin: null` from a sandboxed frame or a file). */
function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** Rejects state-changing /trpc requests that are not JSON or come from another site (or from an opaque origin). */
export const trpcWriteGuard: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
  const contentType = req.headers['content-type'] ?? '';
  const site = req.headers['sec-fetch-site'];
  const origin = req.headers.origin;
  const host = req.headers.host;
  const crossSite = (typeof site === 'string' && site !== 'same-origin' && site !== 'none')
    || (typeof origin === 'string' && host !== undefined && originHost(origin) !== host);
  if (!contentType.startsWith('application/json') || crossSite) {
    res.status(403).json({ error: { message: 'cross-site or non-JSON request refused' } });
    return;
  }
  next();
};

/** Deeper than any input of the API (a scenario with cohorts and its superjson meta is about 8 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * The deepest nesting of arrays and objects in a JSON text (brackets inside strings do not count).
 * @example jsonDepth(Buffer.from('{"a":[1,"]"]}')) // => 2
 */
export function jsonDepth(text: Uint8Array): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return deepest;
}

/**
 * `express.json` verify hook: a body nested deeper than MAX_JSON_DEPTH is refused with 400 before
 * it is parsed (tRPC's adapter re-serialises the parsed body, and a deep one overflows the stack: a 500).
 * @throws an HTTP 400 error `JSON nested deeper than 64 levels`.
 */
export function refuseDeepJson(_req: unknown, _res: unknown, body: Buffer): void {
  if (jsonDepth(body) > MAX_JSON_DEPTH) {
    throw Object.assign(new Error(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`), { status: 400, expose: true });
  }
}

/**
 * Errors that reach express (a malformed or oversized JSON body, a failing route): their status and,
 * for a client error, its message (body-parser's are safe: "request entity too large"); never the
 * stack, which express's default handler puts in the page outside production. Details go to the log.
 */
export const errorResponder: ErrorRequestHandler = (err: { status?: unknown; expose?: unknown; message?: unknown }, req, res, next) => {
  if (res.headersSent) return next(err);
  const status = typeof err.status === 'number' && err.status >= 400 && err.status < 600 ? err.status : 500;
  const message = status < 500 && err.expose === true && typeof err.message === 'string' ? err.message : 'internal error';
  if (status >= 500) logger.error({ err, path: req.path }, 'request failed');
  res.status(status).json({ error: { message } });
};
