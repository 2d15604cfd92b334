-- Custom SQL migration file, put your code below! ---- Policy parameter set versions are immutable once published (domain.md §3, issue 5): a change is a new
-- version with its own effective-from month, so a past warning can be recomputed under the rules then in force.
-- A version is written as a draft, its values inserted, then published, all in one transaction.
CREATE TRIGGER parameter_sets_published_no_update BEFORE UPDATE ON parameter_sets WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'parameter set version is published and immutable: create a new version to change it'); END;
--> statement-breakpoint
CREATE TRIGGER parameter_sets_published_no_delete BEFORE DELETE ON parameter_sets WHEN OLD.status = 'published'
BEGIN SELECT RAISE(ABORT, 'parameter set version is published and immutable: it cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER parameter_values_published_no_insert BEFORE INSERT ON parameter_values
WHEN (SELECT status FROM parameter_sets WHERE id = NEW.set_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'parameter set version is published and immutable: create a new version to change it'); END;
--> statement-breakpoint
CREATE TRIGGER parameter_values_published_no_update BEFORE UPDATE ON parameter_values
WHEN (SELECT status FROM parameter_sets WHERE id = OLD.set_id) = 'published' OR (SELECT status FROM parameter_sets WHERE id = NEW.set_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'parameter set version is published and immutable: create a new version to change it'); END;
--> statement-breakpoint
CREATE TRIGGER parameter_values_published_no_delete BEFORE DELETE ON parameter_values
WHEN (SELECT status FROM parameter_sets WHERE id = OLD.set_id) = 'published'
BEGIN SELECT RAISE(ABORT, 'parameter set version is published and immutable: it cannot be deleted'); END;
