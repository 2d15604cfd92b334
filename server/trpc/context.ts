/**
 * Request context. `createContextInner` is pure (tests build it directly); the express adapter
 * wrapper reads the session cookie, resolves its user (a database read, so it is async) and
 * supplies the cookie writer.
 */
import type { Request, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import type { Db } from '../db/client.ts';
import { resolveSession, SESSION_COOKIE, ABSOLUTE_TIMEOUT_MS, type SessionUser } from '../auth/sessions.ts';

export interface SessionCookie {
  set(token: string): void;
  clear(): void;
}

export interface ContextOptions {
  db: Db;
  user: SessionUser | null;
  sessionToken?: string | undefined;
  cookie?: SessionCookie;
  ip?: string | null;
  demo?: boolean;
  now?: () => number;
}

export function createContextInner(opts: ContextOptions) {
  return {
    db: opts.db,
    user: opts.user,
    sessionToken: opts.sessionToken,
    cookie: opts.cookie ?? { set: () => undefined, clear: () => undefined },
    ip: opts.ip ?? null,
    demo: opts.demo ?? false,
    now: opts.now ?? Date.now,
  };
}

export type Context = ReturnType<typeof createContextInner>;

/** The context of one express request, as tRPC's adapter, the query lane and the download routes build it. */
export type MakeContext = (args: { req: Request; res: Response }) => Promise<Context>;

export function makeExpressContext(db: Db, demo: boolean): MakeContext {
  return async ({ req, res }) => {
    const token = parseCookie(req.headers.cookie ?? '')[SESSION_COOKIE];
    const now = Date.now();
    const secure = req.secure;
    return createContextInner({
      db,
      demo,
      user: await resolveSession(db, token, now),
      sessionToken: token,
      ip: req.ip ?? null,
      cookie: {
        set: (value) => res.cookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure, path: '/', maxAge: ABSOLUTE_TIMEOUT_MS }),
        clear: () => res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' }),
      },
    });
  };
}
