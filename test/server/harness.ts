/** Router-test harness: an in-memory migrated database, one user per role, callers for them, and the app on loopback. */
import type { Db } from '../../server/db/client.ts';
import { openTestDatabase } from '../support/test-database.ts';
import { ensureNationalParameterSet } from '../../server/services/parameters.ts';
import { addUser } from '../../server/services/users.ts';
import { appRouter } from '../../server/routers/_app.ts';
import { createCallerFactory } from '../../server/trpc/init.ts';
import { createContextInner } from '../../server/trpc/context.ts';
import { loadSessionUser } from '../../server/auth/sessions.ts';
import { users, ROLES, type Role } from '../../server/db/schema.ts';
import { eq } from 'drizzle-orm';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';

export const TEST_PASSWORD = 'correct-horse-battery';
const createCaller = createCallerFactory(appRouter);

export async function makeTestDb(): Promise<Db> {
  const db = await openTestDatabase();
  await ensureNationalParameterSet(db);
  for (const role of ROLES) await addUser(db, { username: role, password: TEST_PASSWORD, role }, null);
  return db;
}

/** A caller logged in as the user named like the role (or `username`), or anonymous for null. */
export async function callerFor(db: Db, who: Role | string | null, now: () => number = () => 1_700_000_000_000) {
  if (who === null) return createCaller(createContextInner({ db, user: null, now }));
  const [row] = await db.select().from(users).where(eq(users.username, who)).limit(1);
  if (!row) throw new Error(`no test user ${who}`);
  return createCaller(createContextInner({ db, user: await loadSessionUser(db, row), now }));
}

export function anonymousCallerWithCookies(db: Db, now: () => number = () => 1_700_000_000_000) {
  const jar: { token?: string | undefined } = {};
  const caller = createCaller(createContextInner({
    db, user: null, now, cookie: { set: (t) => { jar.token = t; }, clear: () => { jar.token = undefined; } },
  }));
  return { caller, jar };
}

/** The whole app (createApp without a client build) on a free loopback port: the server to close and its base URL. */
export async function listenApp(db: Db): Promise<{ server: Server; base: string }> {
  const server = createApp({ db, demo: false, clientDir: null }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
