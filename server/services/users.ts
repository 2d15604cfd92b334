/** User accounts: creation (CLI and demo), lookup, disabling. Every change is audited. */
import { eq, asc } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users, userRegions, regions, ROLES, type Role } from '../db/schema.ts';
import { checkPasswordPolicy, hashPassword } from '../auth/password.ts';
import { endUserSessions } from '../auth/sessions.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  /** Region codes; empty or undefined gives access to every region. */
  regionCodes?: string[];
  /** Skip the common-password check (demo accounts only). */
  skipPolicy?: boolean;
}

const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{2,64}$/;

export async function addUser(db: Db, input: NewUser, actor: { id: number; username: string } | null): Promise<number> {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw new DomainError('BAD_REQUEST', `username "${input.username}" must be 2–64 letters, digits, _ . or -`);
  }
  if (!ROLES.includes(input.role)) throw new DomainError('BAD_REQUEST', `unknown role "${input.role}": use ${ROLES.join(', ')}`);
  if (!input.skipPolicy) {
    try { checkPasswordPolicy(input.password); } catch (err) { throw new DomainError('BAD_REQUEST', (err as Error).message); }
  }
  const codes = input.regionCodes?.filter((c) => c.length > 0) ?? [];
  const regionRows = codes.map((code) => {
    const row = db.select({ id: regions.id }).from(regions).where(eq(regions.code, code)).get();
    if (!row) throw new DomainError('BAD_REQUEST', `unknown region code "${code}"`);
    return row.id;
  });
  if (db.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) {
    throw new DomainError('CONFLICT', `user "${input.username}" already exists`);
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const created = tx.insert(users).values({
      username: input.username, passwordHash, role: input.role, allRegions: regionRows.length === 0,
    }).returning({ id: users.id }).get();
    for (const regionId of regionRows) tx.insert(userRegions).values({ userId: created.id, regionId }).run();
    appendAudit(tx, {
      userId: actor?.id ?? null, username: actor?.username ?? 'cli', action: 'user.add', entity: 'user',
      entityId: created.id, after: { username: input.username, role: input.role, regions: codes },
    });
    return created.id;
  });
}

export function disableUser(db: Db, username: string, actor: { id: number; username: string } | null): void {
  const user = db.select().from(users).where(eq(users.username, username)).get();
  if (!user) throw new DomainError('NOT_FOUND', `no user "${username}"`);
  db.transaction((tx) => {
    tx.update(users).set({ disabled: true }).where(eq(users.id, user.id)).run();
    appendAudit(tx, {
      userId: actor?.id ?? null, username: actor?.username ?? 'cli', action: 'user.disable', entity: 'user',
      entityId: user.id, before: { disabled: user.disabled }, after: { disabled: true },
    });
  });
  endUserSessions(db, user.id);
}

export function listUsers(db: Db) {
  const rows = db.select({ id: users.id, username: users.username, role: users.role, disabled: users.disabled, allRegions: users.allRegions, createdAt: users.createdAt })
    .from(users).orderBy(asc(users.username)).all();
  const links = db.select({ userId: userRegions.userId, code: regions.code }).from(userRegions)
    .innerJoin(regions, eq(regions.id, userRegions.regionId)).all();
  return rows.map((u) => ({ ...u, regions: u.allRegions ? ['*'] : links.filter((l) => l.userId === u.id).map((l) => l.code) }));
}
