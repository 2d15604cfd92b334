-- What the SQLite migrations 0001, 0004, 0007 and 0009 enforce with triggers, in PL/pgSQL, with the same messages:
-- the audit log is append-only; scenario versions, issued prepayments, settlements, adjustments, decisions and
-- agreement actions are immutable; an approved budget plan is locked except for approved → settled / superseded;
-- a published parameter set version and its values are immutable.
CREATE FUNCTION fundrisk_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('audit_log is append-only');
--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('audit_log is append-only');
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION fundrisk_refuse('audit_log is append-only');
--> statement-breakpoint
CREATE TRIGGER scenarios_no_update BEFORE UPDATE ON scenarios FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('scenario versions are immutable: save a new version');
--> statement-breakpoint
CREATE TRIGGER scenarios_no_delete BEFORE DELETE ON scenarios FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('scenario versions are immutable: they cannot be deleted');
--> statement-breakpoint
CREATE TRIGGER budget_prepayments_no_update BEFORE UPDATE ON budget_prepayments FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('an issued prepayment schedule is immutable');
--> statement-breakpoint
CREATE TRIGGER budget_prepayments_no_delete BEFORE DELETE ON budget_prepayments FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('an issued prepayment schedule is immutable');
--> statement-breakpoint
CREATE TRIGGER budget_settlements_no_update BEFORE UPDATE ON budget_settlements FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('a settlement is immutable');
--> statement-breakpoint
CREATE TRIGGER budget_settlements_no_delete BEFORE DELETE ON budget_settlements FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('a settlement is immutable');
--> statement-breakpoint
CREATE TRIGGER budget_adjustments_no_update BEFORE UPDATE ON budget_adjustments FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('budget adjustments are append-only');
--> statement-breakpoint
CREATE TRIGGER budget_adjustments_no_delete BEFORE DELETE ON budget_adjustments FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('budget adjustments are append-only');
--> statement-breakpoint
CREATE TRIGGER budget_decisions_no_update BEFORE UPDATE ON budget_decisions FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('budget decisions are append-only');
--> statement-breakpoint
CREATE TRIGGER budget_decisions_no_delete BEFORE DELETE ON budget_decisions FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('budget decisions are append-only');
--> statement-breakpoint
CREATE TRIGGER agreement_actions_no_update BEFORE UPDATE ON agreement_actions FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('agreement actions are append-only');
--> statement-breakpoint
CREATE TRIGGER agreement_actions_no_delete BEFORE DELETE ON agreement_actions FOR EACH ROW EXECUTE FUNCTION fundrisk_refuse('agreement actions are append-only');
--> statement-breakpoint
CREATE FUNCTION budget_plans_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status IN ('approved', 'settled', 'superseded') THEN
      RAISE EXCEPTION 'budget plan is approved and locked: it cannot be deleted' USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status IN ('approved', 'settled', 'superseded') AND NOT (
    OLD.status = 'approved'
    AND (to_jsonb(NEW) - ARRAY['status', 'settled_at', 'settled_by', 'superseded_by_id'])
      = (to_jsonb(OLD) - ARRAY['status', 'settled_at', 'settled_by', 'superseded_by_id'])
    AND (
      (NEW.status = 'settled' AND NEW.settled_at IS NOT NULL AND NEW.settled_by IS NOT NULL AND NEW.superseded_by_id IS NOT DISTINCT FROM OLD.superseded_by_id)
      OR (NEW.status = 'superseded' AND NEW.superseded_by_id IS NOT NULL AND NEW.settled_at IS NOT DISTINCT FROM OLD.settled_at AND NEW.settled_by IS NOT DISTINCT FROM OLD.settled_by)
    )
  ) THEN
    RAISE EXCEPTION 'budget plan is approved and locked: create a new version to change it' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER budget_plans_locked BEFORE UPDATE OR DELETE ON budget_plans FOR EACH ROW EXECUTE FUNCTION budget_plans_locked();
--> statement-breakpoint
CREATE FUNCTION budget_quotas_locked() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  plan_status text;
BEGIN
  SELECT status INTO plan_status FROM budget_plans WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.plan_id ELSE OLD.plan_id END;
  IF plan_status IN ('approved', 'settled', 'superseded') THEN
    RAISE EXCEPTION 'quotas of an approved budget plan are locked: create a new version to change them' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER budget_quotas_locked BEFORE INSERT OR UPDATE OR DELETE ON budget_quotas FOR EACH ROW EXECUTE FUNCTION budget_quotas_locked();
--> statement-breakpoint
CREATE FUNCTION parameter_sets_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'parameter set version is published and immutable: it cannot be deleted' USING ERRCODE = 'restrict_violation';
    END IF;
    RAISE EXCEPTION 'parameter set version is published and immutable: create a new version to change it' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER parameter_sets_published BEFORE UPDATE OR DELETE ON parameter_sets FOR EACH ROW EXECUTE FUNCTION parameter_sets_published();
--> statement-breakpoint
CREATE FUNCTION parameter_values_published() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND (SELECT status FROM parameter_sets WHERE id = OLD.set_id) = 'published' THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION 'parameter set version is published and immutable: it cannot be deleted' USING ERRCODE = 'restrict_violation';
    END IF;
    RAISE EXCEPTION 'parameter set version is published and immutable: create a new version to change it' USING ERRCODE = 'restrict_violation';
  END IF;
  IF TG_OP <> 'DELETE' AND (SELECT status FROM parameter_sets WHERE id = NEW.set_id) = 'published' THEN
    RAISE EXCEPTION 'parameter set version is published and immutable: create a new version to change it' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
CREATE TRIGGER parameter_values_published BEFORE INSERT OR UPDATE OR DELETE ON parameter_values FOR EACH ROW EXECUTE FUNCTION parameter_values_published();
