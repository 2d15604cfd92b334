-- Custom SQL migration file, put your code below! ---- Scenario versions are immutable (domain.md §6.4): a change is a new version, never an edit.
CREATE TRIGGER scenarios_no_update BEFORE UPDATE ON scenarios BEGIN SELECT RAISE(ABORT, 'scenario versions are immutable: save a new version'); END;
--> statement-breakpoint
CREATE TRIGGER scenarios_no_delete BEFORE DELETE ON scenarios BEGIN SELECT RAISE(ABORT, 'scenario versions are immutable: they cannot be deleted'); END;
