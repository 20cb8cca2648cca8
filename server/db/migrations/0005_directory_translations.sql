CREATE TABLE `state_reasons` (
	`name` text PRIMARY KEY NOT NULL,
	`names` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
ALTER TABLE `queues` ADD `names` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `wrapup_reasons` ADD `names` text DEFAULT '{}' NOT NULL;