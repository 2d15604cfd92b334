import { TRPCError } from '@trpc/server';
import { router, protectedProcedure } from '../trpc/init.ts';
import { can } from '../auth/permissions.ts';
import { importUploadInput } from '../schemas/importer.ts';
import { importUpload } from '../services/upload-import.ts';
import type { Role } from '../db/schema.ts';

const FUND_KINDS = new Set(['regions', 'fund_records']);

function assertMayImport(role: Role, kind: string): void {
  const permission = FUND_KINDS.has(kind) ? 'importFundData' : 'importInstitutionData';
  if (!can(role, permission)) throw new TRPCError({ code: 'FORBIDDEN', message: `role ${role} may not import ${kind}` });
}

const today = (nowMs: number) => new Date(nowMs).toISOString().slice(0, 10);

export const importerRouter = router({
  /** Validates the file and lists what would change; writes nothing. */
  preview: protectedProcedure.input(importUploadInput).mutation(({ ctx, input }) => {
    assertMayImport(ctx.user.role, input.kind);
    return importUpload(ctx.db, ctx.user, input, true, today(ctx.now()));
  }),
  /** Imports the file in one transaction; a file with any error imports nothing. */
  commit: protectedProcedure.input(importUploadInput).mutation(({ ctx, input }) => {
    assertMayImport(ctx.user.role, input.kind);
    return importUpload(ctx.db, ctx.user, input, false, today(ctx.now()));
  }),
});
