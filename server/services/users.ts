/**
 * User administration (admin procedures, CLI and demo): create, disable, enable, reset the
 * password or the second factor, set role and regions, list. Every change is audited with who,
 * when, what, before → after and from where, never with a password, hash or TOTP secret; a change
 * of rights or credentials ends the user's sessions so it applies at once.
 */
import { and, asc, count, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { users, userRegions, regions, ROLES, type Role } from '../db/schema.ts';
import { checkPasswordPolicy, hashPassword } from '../auth/password.ts';
import { endUserSessions } from '../auth/sessions.ts';
import { appendAudit } from './audit.ts';
import { DomainError } from './errors.ts';

/** Who makes a change: an admin in the app (with address and clock), or null for the CLI operator. */
export interface Actor {
  id: number;
  username: string;
  ip?: string | null;
  nowMs?: number;
}

export interface NewUser {
  username: string;
  password: string;
  role: Role;
  /** Region codes; empty or undefined gives access to every region. */
  regionCodes?: string[];
  /** Skip the common-password check (demo accounts only). */
  skipPolicy?: boolean;
}

export interface Access {
  role: Role;
  /** Region codes; empty gives access to every region. */
  regionCodes: string[];
}

type UserRow = typeof users.$inferSelect;

const USERNAME_PATTERN = /^[A-Za-z0-9_.-]{2,64}$/;

/** The audit fields naming the actor, and the instant of the change. */
export function auditActor(actor: Actor | null) {
  return {
    who: { userId: actor?.id ?? null, username: actor?.username ?? 'cli', ip: actor?.ip ?? null },
    at: new Date(actor?.nowMs ?? Date.now()),
  };
}

/** @throws DomainError BAD_REQUEST with the policy's message (auth/password.ts). */
export function enforcePasswordPolicy(password: string, username: string): void {
  try { checkPasswordPolicy(password, { username }); } catch (err) { throw new DomainError('BAD_REQUEST', (err as Error).message); }
}

export async function addUser(db: Db, input: NewUser, actor: Actor | null): Promise<number> {
  if (!USERNAME_PATTERN.test(input.username)) {
    throw new DomainError('BAD_REQUEST', `username "${input.username}" must be 2–64 letters, digits, _ . or -`);
  }
  checkRole(input.role);
  if (!input.skipPolicy) enforcePasswordPolicy(input.password, input.username);
  const codes = cleanCodes(input.regionCodes ?? []);
  // hashed before the transaction, which may await only queries; the checks are made inside it
  const passwordHash = await hashPassword(input.password);
  const { who, at } = auditActor(actor);
  return db.transaction(async (tx) => {
    const regionIds = await regionIdsOf(tx, codes);
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).limit(1);
    if (existing) throw new DomainError('CONFLICT', `user "${input.username}" already exists`);
    const [{ id }] = await tx.insert(users).values({
      username: input.username, passwordHash, role: input.role, allRegions: regionIds.length === 0,
    }).returning({ id: users.id }) as [{ id: number }];
    for (const regionId of regionIds) await tx.insert(userRegions).values({ userId: id, regionId });
    await appendAudit(tx, {
      ...who, action: 'user.add', entity: 'user', entityId: id,
      after: { username: input.username, role: input.role, regions: codes.length === 0 ? ['*'] : codes },
    }, at);
    return id;
  });
}

/**
 * Disables a user and ends their sessions. From the app (an actor), the last active admin cannot
 * be disabled; the CLI operator, who holds the database file, may (and can re-enable or add one).
 * @throws DomainError NOT_FOUND `no user "<name>"`; CONFLICT `"<name>" is the last active admin; make another user admin first`.
 */
export async function disableUser(db: Db, username: string, actor: Actor | null): Promise<void> {
  const { who, at } = auditActor(actor);
  await db.transaction(async (tx) => {
    const user = await findUser(tx, username);
    if (actor) await guardLastAdmin(tx, user);
    await tx.update(users).set({ disabled: true }).where(eq(users.id, user.id));
    await appendAudit(tx, { ...who, action: 'user.disable', entity: 'user', entityId: user.id, before: { disabled: user.disabled }, after: { disabled: true } }, at);
    await endUserSessions(tx, user.id);
  });
}

/** @throws DomainError NOT_FOUND `no user "<name>"`. */
export async function enableUser(db: Db, username: string, actor: Actor | null): Promise<void> {
  const { who, at } = auditActor(actor);
  await db.transaction(async (tx) => {
    const user = await findUser(tx, username);
    await tx.update(users).set({ disabled: false }).where(eq(users.id, user.id));
    await appendAudit(tx, { ...who, action: 'user.enable', entity: 'user', entityId: user.id, before: { disabled: user.disabled }, after: { disabled: false } }, at);
  });
}

/** Sets a new password (policy checked) and ends the user's sessions. */
export async function resetPassword(db: Db, username: string, password: string, actor: Actor | null): Promise<void> {
  const user = await findUser(db, username);
  enforcePasswordPolicy(password, user.username);
  const passwordHash = await hashPassword(password);
  const { who, at } = auditActor(actor);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, passwordChangedAt: at.toISOString() }).where(eq(users.id, user.id));
    await appendAudit(tx, { ...who, action: 'user.password.reset', entity: 'user', entityId: user.id, after: { passwordChangedAt: at.toISOString() } }, at);
    await endUserSessions(tx, user.id);
  });
}

/**
 * Replaces role and regions and ends the user's sessions, so the new rights apply at their next request.
 * @throws DomainError CONFLICT when it would demote the last active admin (from the app).
 */
export async function setAccess(db: Db, username: string, access: Access, actor: Actor | null): Promise<void> {
  const codes = cleanCodes(access.regionCodes);
  const { who, at } = auditActor(actor);
  await db.transaction(async (tx) => {
    const user = await findUser(tx, username);
    checkRole(access.role);
    const regionIds = await regionIdsOf(tx, codes);
    if (actor && access.role !== 'admin') await guardLastAdmin(tx, user);
    const before = { role: user.role, regions: await regionCodesOf(tx, user) };
    await tx.update(users).set({ role: access.role, allRegions: regionIds.length === 0 }).where(eq(users.id, user.id));
    await tx.delete(userRegions).where(eq(userRegions.userId, user.id));
    for (const regionId of regionIds) await tx.insert(userRegions).values({ userId: user.id, regionId });
    await appendAudit(tx, {
      ...who, action: 'user.access', entity: 'user', entityId: user.id,
      before, after: { role: access.role, regions: codes.length === 0 ? ['*'] : codes },
    }, at);
    await endUserSessions(tx, user.id);
  });
}

/** Turns the second factor off (a lost phone) and ends the user's sessions; they may set it up again. */
export async function resetTotp(db: Db, username: string, actor: Actor | null): Promise<void> {
  const { who, at } = auditActor(actor);
  await db.transaction(async (tx) => {
    const user = await findUser(tx, username);
    await clearTotp(tx, user.id);
    await appendAudit(tx, { ...who, action: 'user.totp.reset', entity: 'user', entityId: user.id, before: { totp: user.totpSecret !== null }, after: { totp: false } }, at);
    await endUserSessions(tx, user.id);
  });
}

export async function clearTotp(db: Db, userId: number): Promise<void> {
  await db.update(users).set({ totpSecret: null, totpPendingSecret: null, totpLastStep: null }).where(eq(users.id, userId));
}

export async function listUsers(db: Db) {
  const [rows, links] = await Promise.all([
    db.select({
      id: users.id, username: users.username, role: users.role, disabled: users.disabled, allRegions: users.allRegions,
      totpSecret: users.totpSecret, passwordChangedAt: users.passwordChangedAt, createdAt: users.createdAt,
    }).from(users).orderBy(asc(users.username)),
    db.select({ userId: userRegions.userId, code: regions.code }).from(userRegions)
      .innerJoin(regions, eq(regions.id, userRegions.regionId)).orderBy(asc(regions.code)),
  ]);
  return rows.map(({ totpSecret, ...u }) => ({
    ...u, totpEnabled: totpSecret !== null, regions: u.allRegions ? ['*'] : links.filter((l) => l.userId === u.id).map((l) => l.code),
  }));
}

/** @throws DomainError NOT_FOUND `no user "<name>"`. */
export async function findUser(db: Db, username: string): Promise<UserRow> {
  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  if (!user) throw new DomainError('NOT_FOUND', `no user "${username}"`);
  return user;
}

/** @throws DomainError CONFLICT when `user` is an active admin and no other active admin exists. */
async function guardLastAdmin(db: Db, user: UserRow): Promise<void> {
  if (user.role !== 'admin' || user.disabled) return;
  const [others] = await db.select({ n: count() }).from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false), ne(users.id, user.id)));
  if ((others?.n ?? 0) === 0) throw new DomainError('CONFLICT', `"${user.username}" is the last active admin; make another user admin first`);
}

function checkRole(role: string): void {
  if (!(ROLES as readonly string[]).includes(role)) throw new DomainError('BAD_REQUEST', `unknown role "${role}": use ${ROLES.join(', ')}`);
}

function cleanCodes(codes: readonly string[]): string[] {
  return [...new Set(codes.map((c) => c.trim()).filter((c) => c.length > 0))].sort();
}

/** @throws DomainError BAD_REQUEST `unknown region code "<code>"`. */
async function regionIdsOf(db: Db, codes: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const code of codes) {
    const [row] = await db.select({ id: regions.id }).from(regions).where(eq(regions.code, code)).limit(1);
    if (!row) throw new DomainError('BAD_REQUEST', `unknown region code "${code}"`);
    ids.push(row.id);
  }
  return ids;
}

async function regionCodesOf(db: Db, user: UserRow): Promise<string[]> {
  if (user.allRegions) return ['*'];
  const rows = await db.select({ code: regions.code }).from(userRegions).innerJoin(regions, eq(regions.id, userRegions.regionId))
    .where(eq(userRegions.userId, user.id)).orderBy(asc(regions.code));
  return rows.map((r) => r.code);
}
