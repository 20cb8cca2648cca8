CREATE TABLE `alerts` (
	`seq` integer PRIMARY KEY NOT NULL,
	`rule` text NOT NULL,
	`queue_id` text,
	`agent_id` text,
	`threshold` real NOT NULL,
	`value` real NOT NULL,
	`raised_at` integer NOT NULL,
	`cleared_at` integer,
	`acked_by` text,
	`acked_at` integer,
	`note` text
);
--> statement-breakpoint
CREATE INDEX `alerts_raised` ON `alerts` (`raised_at`);--> statement-breakpoint
CREATE INDEX `alerts_open` ON `alerts` (`cleared_at`);