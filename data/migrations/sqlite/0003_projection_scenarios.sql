CREATE TABLE `projection_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scenario_id` integer NOT NULL,
	`kind` text NOT NULL,
	`paths` integer,
	`seed` integer,
	`status` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`result_json` text,
	`error` text,
	`input_hash` text NOT NULL,
	`model_version` text NOT NULL,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`scenario_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `projection_runs_scenario_idx` ON `projection_runs` (`scenario_id`);--> statement-breakpoint
CREATE TABLE `scenarios` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`lineage` text NOT NULL,
	`version` integer NOT NULL,
	`name` text NOT NULL,
	`scheme` text NOT NULL,
	`region_id` integer,
	`fund_id` integer,
	`preset` text,
	`based_on_id` integer,
	`parameter_set_id` integer,
	`scenario_json` text NOT NULL,
	`input_hash` text NOT NULL,
	`data_vintage` text NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`region_id`) REFERENCES `regions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`based_on_id`) REFERENCES `scenarios`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`parameter_set_id`) REFERENCES `parameter_sets`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scenarios_lineage_version_uq` ON `scenarios` (`lineage`,`version`);--> statement-breakpoint
CREATE INDEX `scenarios_region_idx` ON `scenarios` (`region_id`);