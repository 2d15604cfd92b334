/** The one initTRPC call: procedures, the auth and role middleware, and the error mapping. */
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { Context } from './context.ts';
import type { Role } from '../db/schema.ts';
import { DomainError } from '../services/errors.ts';
import { logger } from '../logger.ts';
import { transformer } from './transformer.ts';

const t = initTRPC.context<Context>().create({
  transformer,
  errorFormatter({ shape, error }) {
    const zodIssues = error.cause instanceof z.ZodError ? z.flattenError(error.cause) : null;
    return { ...shape, data: { ...shape.data, stack: undefined, zodError: zodIssues } };
  },
});

/** Maps model and service errors to tRPC codes in one place; hides internals from clients. */
const errorMapping = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof DomainError) {
      throw new TRPCError({ code: cause.code, message: cause.message, cause });
    }
    if (result.error.code === 'INTERNAL_SERVER_ERROR') {
      logger.error({ err: result.error.cause ?? result.error, path }, 'procedure failed');
      throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'internal error' });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure.use(errorMapping);

/** A logged-in user; narrows `ctx.user` to non-null. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'login required' });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A logged-in user with one of `roles`. */
export function roleProcedure(...roles: Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `role ${ctx.user.role} may not do this` });
    }
    return next();
  });
}
