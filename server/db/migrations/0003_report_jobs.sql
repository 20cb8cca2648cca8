CREATE TABLE `report_chunks` (
	`report_id` text NOT NULL,
	`seq` integer NOT NULL,
	`row_count` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`report_id`, `seq`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `reports_supervisor`;--> statement-breakpoint
ALTER TABLE `reports` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `started_at` integer;--> statement-breakpoint
ALTER TABLE `reports` ADD `expected_rows` integer;--> statement-breakpoint
ALTER TABLE `reports` ADD `byte_size` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `chunk_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `cursor` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `lease_owner` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `reports` ADD `interruptions` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `reports` ADD `error_code` text;--> statement-breakpoint
CREATE INDEX `reports_supervisor_seq` ON `reports` (`supervisor_id`,`seq`);--> statement-breakpoint
CREATE INDEX `reports_status` ON `reports` (`status`,`seq`);