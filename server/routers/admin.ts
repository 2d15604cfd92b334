/** User administration and the audit log: administrators only (PERMISSIONS.administer). */
import { router, roleProcedure } from '../trpc/init.ts';
import type { Context } from '../trpc/context.ts';
import { PERMISSIONS } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/sessions.ts';
import { auditListInput, createUserInput, resetPasswordInput, setAccessInput, usernameInput } from '../schemas/admin.ts';
import { addUser, disableUser, enableUser, listUsers, resetPassword, resetTotp, setAccess, type Actor } from '../services/users.ts';
import { listAudit } from '../services/audit-log.ts';
import { verifyAuditChain } from '../services/audit-verify.ts';

const adminProcedure = roleProcedure(...PERMISSIONS.administer);
const actorOf = (ctx: Context & { user: SessionUser }): Actor => ({ id: ctx.user.id, username: ctx.user.username, ip: ctx.ip, nowMs: ctx.now() });
const done = (username: string) => ({ username });

export const adminRouter = router({
  users: adminProcedure.query(({ ctx }) => listUsers(ctx.db)),
  createUser: adminProcedure.input(createUserInput).mutation(async ({ ctx, input }) => ({ id: await addUser(ctx.db, input, actorOf(ctx)) })),
  disableUser: adminProcedure.input(usernameInput).mutation(async ({ ctx, input }) => {
    await disableUser(ctx.db, input.username, actorOf(ctx));
    return done(input.username);
  }),
  enableUser: adminProcedure.input(usernameInput).mutation(async ({ ctx, input }) => {
    await enableUser(ctx.db, input.username, actorOf(ctx));
    return done(input.username);
  }),
  /** Sets a new password and ends that user's sessions. */
  resetPassword: adminProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await resetPassword(ctx.db, input.username, input.password, actorOf(ctx));
    return done(input.username);
  }),
  /** Role and regions (none: every region); ends the user's sessions so the new rights apply at once. */
  setAccess: adminProcedure.input(setAccessInput).mutation(async ({ ctx, input }) => {
    await setAccess(ctx.db, input.username, input, actorOf(ctx));
    return done(input.username);
  }),
  /** Turns a user's second factor off (a lost phone) and ends their sessions. */
  resetTotp: adminProcedure.input(usernameInput).mutation(async ({ ctx, input }) => {
    await resetTotp(ctx.db, input.username, actorOf(ctx));
    return done(input.username);
  }),
  audit: adminProcedure.input(auditListInput).query(({ ctx, input }) => listAudit(ctx.db, input)),
  auditVerify: adminProcedure.query(({ ctx }) => verifyAuditChain(ctx.db)),
});
