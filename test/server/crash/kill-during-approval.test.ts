/**
 * Crash safety of budget approval: SIGKILL a process that approves plan after plan, reopen the
 * database, and prove it is intact, that every approval acknowledged before the kill is there and
 * complete, and that no plan is half approved: approved ⇔ all its quotas present, summing to its
 * total, with its audit row (approval and audit are one synchronous=FULL transaction).
 */
import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { runUntilKilled } from './kill-harness.ts';

const CHILD = resolve(import.meta.dirname, 'approve-child.ts');
const INSTITUTIONS_PER_REGION = 30;
const RUNS = 5;


interface PlanState { id: number; status: string; total_fen: number | null; quotas: number; sum: number | null; approvals: number }

describe('SIGKILL during plan approvals', () => {
  for (let run = 0; run < RUNS; run++) {
    it(`run ${run + 1}: integrity holds, every acknowledged approval is kept and complete, none is partial`, async () => {
      const dbPath = join(mkdtempSync(join(tmpdir(), 'fundrisk-approve-crash-')), 'crash.db');
      const acknowledged = await runUntilKilled(CHILD, dbPath, 400 + run * 230);
      expect(acknowledged.length).toBeGreaterThan(0);
      const db = new Database(dbPath);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const plans = db.prepare(`
        select p.id, p.status, p.total_fen,
          (select count(*) from budget_quotas q where q.plan_id = p.id) as quotas,
          (select sum(q.quota_fen + q.unallocated_fen) from budget_quotas q where q.plan_id = p.id) as sum,
          (select count(*) from audit_log a where a.action = 'budget.approve' and a.entity_id = cast(p.id as text)) as approvals
        from budget_plans p`).all() as PlanState[];
      const byId = new Map(plans.map((p) => [p.id, p]));
      for (const id of acknowledged) expect(byId.get(id)?.status).toBe('approved');
      for (const p of plans) {
        const approved = p.status === 'approved';
        expect(approved).toBe(p.approvals === 1);
        if (approved) {
          expect(p.quotas).toBe(INSTITUTIONS_PER_REGION);
          expect(p.sum).toBe(p.total_fen);
        } else {
          // an unapproved plan is a draft (no quotas) or fully allocated, never in between
          expect([0, INSTITUTIONS_PER_REGION]).toContain(p.quotas);
          if (p.status === 'allocated') expect(p.sum).toBe(p.total_fen);
        }
      }
      db.close();
    });
  }
});
