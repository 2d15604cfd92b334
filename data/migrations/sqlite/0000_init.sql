CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`user_id` integer,
	`username` text,
	`action` text NOT NULL,
	`entity` text,
	`entity_id` text,
	`before_json` text,
	`after_json` text,
	`ip` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `fund_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer NOT NULL,
	`period` text NOT NULL,
	`period_index` integer NOT NULL,
	`income_employer_fen` integer,
	`income_individual_fen` integer,
	`income_subsidy_fen` integer,
	`income_interest_fen` integer,
	`income_other_fen` integer,
	`income_fen` integer NOT NULL,
	`expenditure_inpatient_fen` integer,
	`expenditure_outpatient_fen` integer,
	`expenditure_pharmacy_fen` integer,
	`expenditure_other_fen` integer,
	`expenditure_fen` integer NOT NULL,
	`balance_fen` integer NOT NULL,
	`adjustment_fen` integer DEFAULT 0 NOT NULL,
	`adjustment_reason` text,
	`active_members` integer,
	`retirees` integer,
	`residents` integer,
	`avg_contribution_base_fen` integer,
	`vintage` text NOT NULL,
	`import_id` integer,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fund_records_fund_period_uq` ON `fund_records` (`fund_id`,`period_index`);--> statement-breakpoint
CREATE TABLE `funds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`region_id` integer NOT NULL,
	`scheme` text NOT NULL,
	`account` text DEFAULT 'pooling' NOT NULL,
	`caliber` text DEFAULT 'pooling_fund' NOT NULL,
	`period_kind` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `funds_region_scheme_account_uq` ON `funds` (`region_id`,`scheme`,`account`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`unit` text NOT NULL,
	`rows_inserted` integer NOT NULL,
	`rows_updated` integer NOT NULL,
	`user_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `institution_years` (
	`institution_id` integer NOT NULL,
	`year` integer NOT NULL,
	`payments_fen` integer NOT NULL,
	`budget_fen` integer,
	`assessment_score` real,
	`credit_rating` text,
	`import_id` integer,
	PRIMARY KEY(`institution_id`, `year`),
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`level` integer,
	`region_id` integer NOT NULL,
	`schemes` text DEFAULT 'employee,resident' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institutions_code_uq` ON `institutions` (`code`);--> statement-breakpoint
CREATE INDEX `institutions_region_idx` ON `institutions` (`region_id`);--> statement-breakpoint
CREATE TABLE `parameter_sets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`version` integer NOT NULL,
	`region_id` integer,
	`scheme` text,
	`effective_from` text NOT NULL,
	`effective_to` text,
	`note` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `parameter_sets_name_version_uq` ON `parameter_sets` (`name`,`version`);--> statement-breakpoint
CREATE TABLE `parameter_values` (
	`set_id` integer NOT NULL,
	`key` text NOT NULL,
	`value_json` text NOT NULL,
	`provenance` text NOT NULL,
	`source` text NOT NULL,
	PRIMARY KEY(`set_id`, `key`),
	FOREIGN KEY (`set_id`) REFERENCES `parameter_sets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `regions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`name_en` text,
	`level` text NOT NULL,
	`parent_id` integer,
	`source` text,
	`synthetic` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`parent_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `regions_code_uq` ON `regions` (`code`);--> statement-breakpoint
CREATE INDEX `regions_parent_idx` ON `regions` (`parent_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at_ms` integer NOT NULL,
	`last_seen_at_ms` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `user_regions` (
	`user_id` integer NOT NULL,
	`region_id` integer NOT NULL,
	PRIMARY KEY(`user_id`, `region_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`all_regions` integer DEFAULT false NOT NULL,
	`password_changed_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_uq` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `violations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`institution_id` integer NOT NULL,
	`date` text NOT NULL,
	`amount_fen` integer NOT NULL,
	`count` integer DEFAULT 1 NOT NULL,
	`nature` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'confirmed' NOT NULL,
	`import_id` integer,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `violations_institution_idx` ON `violations` (`institution_id`);