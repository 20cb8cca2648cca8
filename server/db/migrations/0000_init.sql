CREATE TABLE `agent_queues` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`queue_id`) REFERENCES `queues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agent_queues_queue` ON `agent_queues` (`queue_id`);--> statement-breakpoint
CREATE TABLE `agent_state_changes` (
	`seq` integer PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`at` integer NOT NULL,
	`state` text NOT NULL,
	`reason` text
);
--> statement-breakpoint
CREATE INDEX `agent_state_changes_agent_time` ON `agent_state_changes` (`agent_id`,`at`);--> statement-breakpoint
CREATE TABLE `agents` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`location` text,
	`email` text
);
--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`supervisor_id` text NOT NULL,
	`action` text NOT NULL,
	`agent_id` text,
	`queue_id` text,
	`detail` text,
	`outcome` text NOT NULL,
	`message` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_supervisor` ON `audit_log` (`supervisor_id`,`at`);--> statement-breakpoint
CREATE TABLE `calls` (
	`id` text PRIMARY KEY NOT NULL,
	`direction` text NOT NULL,
	`queue_id` text,
	`started_at` integer NOT NULL,
	`answered_at` integer,
	`ended_at` integer,
	`ended_by` text,
	`outcome` text
);
--> statement-breakpoint
CREATE INDEX `calls_started` ON `calls` (`started_at`);--> statement-breakpoint
CREATE TABLE `display_token_queues` (
	`token_id` text NOT NULL,
	`queue_id` text NOT NULL,
	PRIMARY KEY(`token_id`, `queue_id`),
	FOREIGN KEY (`token_id`) REFERENCES `display_tokens`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`queue_id`) REFERENCES `queues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `display_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `display_tokens_secret` ON `display_tokens` (`secret_hash`);--> statement-breakpoint
CREATE TABLE `events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	`agent_id` text,
	`call_id` text,
	`queue_id` text,
	`data` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `events_id` ON `events` (`id`);--> statement-breakpoint
CREATE INDEX `events_at` ON `events` (`at`);--> statement-breakpoint
CREATE INDEX `events_call` ON `events` (`call_id`);--> statement-breakpoint
CREATE TABLE `floor_snapshots` (
	`id` integer PRIMARY KEY NOT NULL,
	`last_seq` integer NOT NULL,
	`watermark` integer NOT NULL,
	`state` text NOT NULL,
	`saved_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `handlings` (
	`call_id` text NOT NULL,
	`handling` integer NOT NULL,
	`agent_id` text NOT NULL,
	`queue_id` text,
	`direction` text NOT NULL,
	`offered_at` integer NOT NULL,
	`answered_at` integer,
	`ended_at` integer,
	`result` text,
	`ring_time` real,
	`connected_time` real,
	`hold_time` real,
	`talk_time` real,
	`handle_time` real,
	PRIMARY KEY(`call_id`, `handling`)
);
--> statement-breakpoint
CREATE INDEX `handlings_agent_time` ON `handlings` (`agent_id`,`offered_at`);--> statement-breakpoint
CREATE INDEX `handlings_time` ON `handlings` (`offered_at`);--> statement-breakpoint
CREATE TABLE `integration_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`secret_hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integration_keys_secret` ON `integration_keys` (`secret_hash`);--> statement-breakpoint
CREATE TABLE `locations` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY NOT NULL,
	`agent_id` text NOT NULL,
	`supervisor_id` text NOT NULL,
	`sender` text NOT NULL,
	`body` text NOT NULL,
	`sent_at` integer NOT NULL,
	`read_at` integer
);
--> statement-breakpoint
CREATE INDEX `messages_conversation` ON `messages` (`agent_id`,`supervisor_id`,`id`);--> statement-breakpoint
CREATE TABLE `queue_visits` (
	`call_id` text NOT NULL,
	`visit` integer NOT NULL,
	`queue_id` text NOT NULL,
	`queued_at` integer NOT NULL,
	`answered_at` integer,
	`left_at` integer,
	`outcome` text,
	`agent_id` text,
	`queue_time` real,
	`hold_time` real,
	`connected_time` real,
	`handle_time` real,
	PRIMARY KEY(`call_id`, `visit`)
);
--> statement-breakpoint
CREATE INDEX `queue_visits_queue_time` ON `queue_visits` (`queue_id`,`queued_at`);--> statement-breakpoint
CREATE TABLE `queues` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`location` text,
	`service_level_seconds` integer DEFAULT 20 NOT NULL,
	`short_abandon_seconds` integer DEFAULT 5 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`supervisor_id` text NOT NULL,
	`status` text NOT NULL,
	`params` text NOT NULL,
	`created_at` integer NOT NULL,
	`finished_at` integer,
	`row_count` integer,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `reports_supervisor` ON `reports` (`supervisor_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`principal_id` text NOT NULL,
	`parent_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sessions_expires` ON `sessions` (`expires_at`);--> statement-breakpoint
CREATE TABLE `supervisor_queues` (
	`supervisor_id` text NOT NULL,
	`queue_id` text NOT NULL,
	PRIMARY KEY(`supervisor_id`, `queue_id`),
	FOREIGN KEY (`supervisor_id`) REFERENCES `supervisors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`queue_id`) REFERENCES `queues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `supervisors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `supervisors_email` ON `supervisors` (`email`);--> statement-breakpoint
CREATE TABLE `wrapup_reasons` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `wrapups` (
	`call_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`queue_id` text,
	`started_at` integer NOT NULL,
	`completed_at` integer,
	`reason_id` text,
	`wrapup_time` real,
	PRIMARY KEY(`call_id`, `agent_id`)
);
--> statement-breakpoint
CREATE INDEX `wrapups_time` ON `wrapups` (`started_at`);