-- Custom SQL migration file, put your code below! ---- Approved budget plans are immutable (domain.md §5, issue 6): a change needs a new version. After approval the only moves are approved → settled (settlement) and approved → superseded (a newer version was approved), each changing nothing but the status and its own columns.
CREATE TRIGGER budget_plans_locked_update BEFORE UPDATE ON budget_plans
WHEN OLD.status IN ('approved', 'settled', 'superseded') AND NOT (
  OLD.status = 'approved'
  AND NEW.id IS OLD.id AND NEW.year IS OLD.year AND NEW.scheme IS OLD.scheme AND NEW.region_id IS OLD.region_id
  AND NEW.version IS OLD.version AND NEW.based_on_id IS OLD.based_on_id AND NEW.params_json IS OLD.params_json
  AND NEW.total_source IS OLD.total_source AND NEW.projection_run_id IS OLD.projection_run_id AND NEW.scenario_id IS OLD.scenario_id
  AND NEW.total_json IS OLD.total_json AND NEW.total_fen IS OLD.total_fen AND NEW.allocated_fen IS OLD.allocated_fen
  AND NEW.unallocated_fen IS OLD.unallocated_fen AND NEW.note IS OLD.note AND NEW.created_by IS OLD.created_by
  AND NEW.created_at IS OLD.created_at AND NEW.approved_by IS OLD.approved_by AND NEW.approved_at IS OLD.approved_at
  AND (
    (NEW.status = 'settled' AND NEW.settled_at IS NOT NULL AND NEW.settled_by IS NOT NULL AND NEW.superseded_by_id IS OLD.superseded_by_id)
    OR (NEW.status = 'superseded' AND NEW.superseded_by_id IS NOT NULL AND NEW.settled_at IS OLD.settled_at AND NEW.settled_by IS OLD.settled_by)
  )
)
BEGIN SELECT RAISE(ABORT, 'budget plan is approved and locked: create a new version to change it'); END;
--> statement-breakpoint
CREATE TRIGGER budget_plans_locked_delete BEFORE DELETE ON budget_plans WHEN OLD.status IN ('approved', 'settled', 'superseded')
BEGIN SELECT RAISE(ABORT, 'budget plan is approved and locked: it cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER budget_quotas_locked_insert BEFORE INSERT ON budget_quotas
WHEN (SELECT status FROM budget_plans WHERE id = NEW.plan_id) IN ('approved', 'settled', 'superseded')
BEGIN SELECT RAISE(ABORT, 'quotas of an approved budget plan are locked: create a new version to change them'); END;
--> statement-breakpoint
CREATE TRIGGER budget_quotas_locked_update BEFORE UPDATE ON budget_quotas
WHEN (SELECT status FROM budget_plans WHERE id = OLD.plan_id) IN ('approved', 'settled', 'superseded')
BEGIN SELECT RAISE(ABORT, 'quotas of an approved budget plan are locked: create a new version to change them'); END;
--> statement-breakpoint
CREATE TRIGGER budget_quotas_locked_delete BEFORE DELETE ON budget_quotas
WHEN (SELECT status FROM budget_plans WHERE id = OLD.plan_id) IN ('approved', 'settled', 'superseded')
BEGIN SELECT RAISE(ABORT, 'quotas of an approved budget plan are locked: create a new version to change them'); END;
--> statement-breakpoint
CREATE TRIGGER budget_prepayments_no_update BEFORE UPDATE ON budget_prepayments BEGIN SELECT RAISE(ABORT, 'an issued prepayment schedule is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER budget_prepayments_no_delete BEFORE DELETE ON budget_prepayments BEGIN SELECT RAISE(ABORT, 'an issued prepayment schedule is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER budget_settlements_no_update BEFORE UPDATE ON budget_settlements BEGIN SELECT RAISE(ABORT, 'a settlement is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER budget_settlements_no_delete BEFORE DELETE ON budget_settlements BEGIN SELECT RAISE(ABORT, 'a settlement is immutable'); END;
--> statement-breakpoint
CREATE TRIGGER budget_adjustments_no_update BEFORE UPDATE ON budget_adjustments BEGIN SELECT RAISE(ABORT, 'budget adjustments are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER budget_adjustments_no_delete BEFORE DELETE ON budget_adjustments BEGIN SELECT RAISE(ABORT, 'budget adjustments are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER budget_decisions_no_update BEFORE UPDATE ON budget_decisions BEGIN SELECT RAISE(ABORT, 'budget decisions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER budget_decisions_no_delete BEFORE DELETE ON budget_decisions BEGIN SELECT RAISE(ABORT, 'budget decisions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER agreement_actions_no_update BEFORE UPDATE ON agreement_actions BEGIN SELECT RAISE(ABORT, 'agreement actions are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER agreement_actions_no_delete BEFORE DELETE ON agreement_actions BEGIN SELECT RAISE(ABORT, 'agreement actions are append-only'); END;
