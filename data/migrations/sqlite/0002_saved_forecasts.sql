CREATE TABLE `saved_forecasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`fund_id` integer,
	`institution_id` integer,
	`measure` text NOT NULL,
	`method` text NOT NULL,
	`model` text NOT NULL,
	`horizon` integer NOT NULL,
	`result_json` text NOT NULL,
	`data_vintage` text NOT NULL,
	`last_period` text NOT NULL,
	`model_version` text NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`fund_id`) REFERENCES `funds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `saved_forecasts_fund_idx` ON `saved_forecasts` (`fund_id`);