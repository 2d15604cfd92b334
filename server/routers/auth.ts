import { router, publicProcedure, protectedProcedure } from '../trpc/init.ts';
import type { Context } from '../trpc/context.ts';
import { changePasswordInput, loginInput, totpCodeInput } from '../schemas/auth.ts';
import { login } from '../services/login.ts';
import { accountStatus, changePassword, totpDisable, totpEnable, totpSetup } from '../services/account.ts';
import { createSession, endSession, type SessionUser } from '../auth/sessions.ts';
import { appendAudit } from '../services/audit.ts';

const metaOf = (ctx: Context) => ({ ip: ctx.ip, nowMs: ctx.now() });

/** After a credential change ended every session of the user: a fresh one for this browser (no fixation). */
async function startFreshSession(ctx: Context & { user: SessionUser }): Promise<{ ok: true }> {
  ctx.cookie.set(await createSession(ctx.db, ctx.user.id, ctx.now()));
  return { ok: true };
}

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { token, user } = await login(ctx.db, input, { ...metaOf(ctx), previousToken: ctx.sessionToken });
    ctx.cookie.set(token);
    return { user };
  }),
  logout: protectedProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await endSession(ctx.db, ctx.sessionToken);
    await appendAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action: 'auth.logout', ip: ctx.ip }, new Date(ctx.now()));
    ctx.cookie.clear();
    return { ok: true as const };
  }),
  /** The current user (null when logged out) and whether this is a demo database. */
  me: publicProcedure.query(({ ctx }) => ({ user: ctx.user, demo: ctx.demo })),
  /** The account page: password age and the state of the second factor. */
  account: protectedProcedure.query(({ ctx }) => accountStatus(ctx.db, ctx.user)),
  /** Ends the user's other sessions; this browser continues with a fresh one. */
  changePassword: protectedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.db, ctx.user, input, metaOf(ctx));
    return startFreshSession(ctx);
  }),
  /** The secret (base32, for typing in) and its otpauth:// URI (for a QR code); pending until confirmed. */
  totpSetup: protectedProcedure.mutation(({ ctx }) => totpSetup(ctx.db, ctx.user, metaOf(ctx))),
  totpEnable: protectedProcedure.input(totpCodeInput).mutation(async ({ ctx, input }) => {
    await totpEnable(ctx.db, ctx.user, input.code, metaOf(ctx));
    return startFreshSession(ctx);
  }),
  totpDisable: protectedProcedure.input(totpCodeInput).mutation(async ({ ctx, input }) => {
    await totpDisable(ctx.db, ctx.user, input.code, metaOf(ctx));
    return startFreshSession(ctx);
  }),
});
