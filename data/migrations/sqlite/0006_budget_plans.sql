CREATE TABLE `agreement_actions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`institution_id` integer NOT NULL,
	`kind` text NOT NULL,
	`from_period` text NOT NULL,
	`to_period` text,
	`decision_ref` text NOT NULL,
	`reason` text NOT NULL,
	`user_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agreement_actions_institution_idx` ON `agreement_actions` (`institution_id`);--> statement-breakpoint
CREATE TABLE `budget_actual_payments` (
	`institution_id` integer NOT NULL,
	`scheme` text NOT NULL,
	`period` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`file_name` text NOT NULL,
	`imported_by` integer,
	`imported_at` text NOT NULL,
	PRIMARY KEY(`institution_id`, `scheme`, `period`),
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`imported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `budget_adjustments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`kind` text NOT NULL,
	`before_json` text NOT NULL,
	`after_json` text NOT NULL,
	`quota_before_fen` integer NOT NULL,
	`quota_after_fen` integer NOT NULL,
	`reason` text NOT NULL,
	`user_id` integer,
	`username` text,
	`at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_adjustments_plan_idx` ON `budget_adjustments` (`plan_id`);--> statement-breakpoint
CREATE TABLE `budget_decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`plan_id` integer NOT NULL,
	`institution_id` integer,
	`kind` text NOT NULL,
	`outcome` text NOT NULL,
	`decision_ref` text NOT NULL,
	`note` text,
	`user_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `budget_decisions_plan_idx` ON `budget_decisions` (`plan_id`);--> statement-breakpoint
CREATE TABLE `budget_plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`year` integer NOT NULL,
	`scheme` text NOT NULL,
	`region_id` integer NOT NULL,
	`version` integer NOT NULL,
	`based_on_id` integer,
	`status` text DEFAULT 'draft' NOT NULL,
	`params_json` text DEFAULT '{}' NOT NULL,
	`total_source` text,
	`projection_run_id` integer,
	`scenario_id` integer,
	`total_json` text,
	`total_fen` integer,
	`allocated_fen` integer,
	`unallocated_fen` integer,
	`note` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`approved_by` integer,
	`approved_at` text,
	`settled_by` integer,
	`settled_at` text,
	`superseded_by_id` integer,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`based_on_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`projection_run_id`) REFERENCES `projection_runs`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`settled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`superseded_by_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budget_plans_version_uq` ON `budget_plans` (`year`,`scheme`,`region_id`,`version`);--> statement-breakpoint
CREATE INDEX `budget_plans_region_idx` ON `budget_plans` (`region_id`);--> statement-breakpoint
CREATE TABLE `budget_prepayments` (
	`plan_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`month` integer NOT NULL,
	`amount_fen` integer NOT NULL,
	`scheduled_fen` integer NOT NULL,
	`suspended` integer NOT NULL,
	`withheld_fen` integer NOT NULL,
	`profile` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`plan_id`, `institution_id`, `month`),
	FOREIGN KEY (`plan_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `budget_quotas` (
	`plan_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`quota_fen` integer NOT NULL,
	`unallocated_fen` integer DEFAULT 0 NOT NULL,
	`source` text NOT NULL,
	`agreement_status` text NOT NULL,
	`base_fen` integer,
	`raw_fen` integer,
	`assessment_score` real,
	`assessment_factor` real NOT NULL,
	`credit_rating` text,
	`credit_factor` real NOT NULL,
	`violation_deduction_fen` integer NOT NULL,
	`pending_deduction_fen` integer DEFAULT 0 NOT NULL,
	`manual_quota_fen` integer,
	`score_override` real,
	`credit_override` text,
	`explanation_json` text NOT NULL,
	PRIMARY KEY(`plan_id`, `institution_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `budget_settlements` (
	`plan_id` integer NOT NULL,
	`institution_id` integer NOT NULL,
	`quota_fen` integer NOT NULL,
	`actual_fen` integer NOT NULL,
	`prepaid_fen` integer NOT NULL,
	`violation_recovery_fen` integer NOT NULL,
	`band` text NOT NULL,
	`fund_pays_fen` integer NOT NULL,
	`institution_bears_fen` integer NOT NULL,
	`reward_fen` integer NOT NULL,
	`final_fen` integer NOT NULL,
	`detail_json` text NOT NULL,
	PRIMARY KEY(`plan_id`, `institution_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `budget_plans`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE restrict
);
