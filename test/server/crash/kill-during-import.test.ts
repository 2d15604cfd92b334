/**
 * Crash safety: SIGKILL the process in the middle of imports, reopen the database, and prove it is
 * intact, that every import acknowledged before the kill is there, and that no import is half there.
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { runUntilKilled } from './kill-harness.ts';

const CHILD = resolve(import.meta.dirname, 'import-child.ts');
const FUNDS_PER_BATCH = 200;
const RUNS = 5;


describe('SIGKILL during imports', () => {
  for (let run = 0; run < RUNS; run++) {
    it(`run ${run + 1}: integrity holds, every acknowledged import is kept, none is partial`, async () => {
      const dbPath = join(mkdtempSync(join(tmpdir(), 'fundrisk-crash-')), 'crash.db');
      const acknowledged = (await runUntilKilled(CHILD, dbPath, 300 + run * 170)).at(-1) ?? -1;
      const db = new Database(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const { n } = db.prepare('select count(*) as n from fund_records').get() as { n: number };
      expect(n % FUNDS_PER_BATCH).toBe(0);
      expect(n / FUNDS_PER_BATCH).toBeGreaterThanOrEqual(acknowledged + 1);
      const perFund = db.prepare('select count(distinct fund_id) as f, count(*) as n from fund_records').get() as { f: number; n: number };
      if (n > 0) expect(perFund.f).toBe(FUNDS_PER_BATCH);
      db.close();
    });
  }
});
