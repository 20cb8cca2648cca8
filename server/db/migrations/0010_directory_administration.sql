CREATE TABLE `directory_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_id` text NOT NULL,
	`actor_name` text NOT NULL,
	`action` text NOT NULL,
	`resource` text NOT NULL,
	`resource_id` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE TABLE `directory_file_imports` (
	`sha256` text PRIMARY KEY NOT NULL,
	`imported_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `display_tokens` ADD `label` text;--> statement-breakpoint
ALTER TABLE `display_tokens` ADD `created_at` integer;--> statement-breakpoint
ALTER TABLE `display_tokens` ADD `revoked_at` integer;--> statement-breakpoint
ALTER TABLE `integration_keys` ADD `label` text;--> statement-breakpoint
ALTER TABLE `integration_keys` ADD `created_at` integer;--> statement-breakpoint
ALTER TABLE `integration_keys` ADD `revoked_at` integer;--> statement-breakpoint
ALTER TABLE `agents` ADD `retired_at` integer;--> statement-breakpoint
ALTER TABLE `queues` ADD `retired_at` integer;--> statement-breakpoint
ALTER TABLE `supervisors` ADD `retired_at` integer;--> statement-breakpoint
ALTER TABLE `wrapup_reasons` ADD `retired_at` integer;