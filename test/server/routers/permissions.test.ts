/**
 * Walks every procedure × role and asserts the permission matrix of server/auth/permissions.ts
 * (the README's table): anonymous → UNAUTHORIZED, a role outside the matrix → FORBIDDEN,
 * a role inside it never gets either.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { TRPCError } from '@trpc/server';
import { makeTestDb, callerFor, TEST_PASSWORD } from '../harness.ts';
import { appRouter } from '../../../server/routers/_app.ts';
import { PERMISSIONS, ALL_ROLES } from '../../../server/auth/permissions.ts';
import type { Role } from '../../../server/db/schema.ts';
import type { Db } from '../../../server/db/client.ts';

const upload = (kind: string) => ({ kind, unit: 'yuan', fileName: 'x.csv', contentBase64: Buffer.from('a,b\n1,2\n').toString('base64') });

/** path → [allowed roles or 'public', a valid input]. */
const MATRIX: Record<string, [readonly Role[] | 'public', unknown]> = {
  'auth.login': ['public', { username: 'viewer', password: TEST_PASSWORD }],
  'auth.me': ['public', undefined],
  'auth.logout': [ALL_ROLES, undefined],
  'region.tree': [PERMISSIONS.read, undefined],
  'fund.overview': [PERMISSIONS.read, {}],
  'fund.detail': [PERMISSIONS.read, { fundId: 999 }],
  'importer.preview': [PERMISSIONS.importFundData, upload('fund_records')],
  'importer.commit': [PERMISSIONS.importInstitutionData, upload('institutions')],
  'forecast.run': [PERMISSIONS.read, { target: { kind: 'fund', fundId: 999, measure: 'income' }, horizon: 3 }],
  'forecast.backtest': [PERMISSIONS.read, { target: { kind: 'fund', fundId: 999, measure: 'income' }, horizon: 3 }],
  'forecast.save': [PERMISSIONS.forecast, { target: { kind: 'fund', fundId: 999, measure: 'income' }, horizon: 3 }],
  'forecast.saved': [PERMISSIONS.read, {}],
};

async function codeOf(p: Promise<unknown>): Promise<string> {
  try { await p; return 'OK'; } catch (err) { return err instanceof TRPCError ? err.code : `THROWN ${String(err)}`; }
}

function call(db: Db, who: Role | null, path: string, input: unknown): Promise<unknown> {
  const [ns, proc] = path.split('.') as [string, string];
  const caller = callerFor(db, who) as unknown as Record<string, Record<string, (i: unknown) => Promise<unknown>>>;
  const fn = caller[ns]?.[proc];
  if (!fn) throw new Error(`no procedure ${path}`);
  return fn(input);
}

describe('permission matrix', () => {
  let db: Db;
  beforeAll(async () => { db = await makeTestDb(); });

  it('covers every procedure of the app router', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(MATRIX).sort());
  });

  for (const [path, [allowed, input]] of Object.entries(MATRIX)) {
    it(`${path}: anonymous`, async () => {
      const code = await codeOf(call(db, null, path, input));
      if (allowed === 'public') expect(code).not.toBe('FORBIDDEN');
      else expect(code).toBe('UNAUTHORIZED');
    });
    for (const role of ALL_ROLES) {
      it(`${path}: ${role}`, async () => {
        const code = await codeOf(call(db, role, path, input));
        if (allowed === 'public' || allowed.includes(role)) {
          expect(code).not.toMatch(/FORBIDDEN|UNAUTHORIZED|THROWN/);
        } else {
          expect(code).toBe('FORBIDDEN');
        }
      });
    }
  }
});
