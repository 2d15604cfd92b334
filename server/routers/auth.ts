import { router, publicProcedure, protectedProcedure } from '../trpc/init.ts';
import { loginInput } from '../schemas/auth.ts';
import { login } from '../services/login.ts';
import { endSession } from '../auth/sessions.ts';
import { appendAudit } from '../services/audit.ts';

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const { token, user } = await login(ctx.db, input, { ip: ctx.ip, nowMs: ctx.now(), previousToken: ctx.sessionToken });
    ctx.cookie.set(token);
    return { user };
  }),
  logout: protectedProcedure.mutation(({ ctx }) => {
    if (ctx.sessionToken) endSession(ctx.db, ctx.sessionToken);
    appendAudit(ctx.db, { userId: ctx.user.id, username: ctx.user.username, action: 'auth.logout', ip: ctx.ip });
    ctx.cookie.clear();
    return { ok: true as const };
  }),
  /** The current user (null when logged out) and whether this is a demo database. */
  me: publicProcedure.query(({ ctx }) => ({ user: ctx.user, demo: ctx.demo })),
});
