-- The rollup tables (*_buckets, *_days, *_months, *_keys) are WITHOUT ROWID: their rows live in the
-- primary-key b-tree. drizzle-kit cannot express that, so it was added to the generated SQL by hand.
CREATE TABLE `agent_queue_buckets` (
	`bucket` integer NOT NULL,
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`direction` text NOT NULL,
	`answered` integer NOT NULL,
	`bounced` integer NOT NULL,
	`abandoned` integer NOT NULL,
	`other_unanswered` integer NOT NULL,
	`ring_ms` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	`hold_ms` integer NOT NULL,
	PRIMARY KEY(`bucket`, `agent_id`, `queue_id`, `direction`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `agent_queue_days` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`direction` text NOT NULL,
	`day` integer NOT NULL,
	`answered` integer NOT NULL,
	`bounced` integer NOT NULL,
	`abandoned` integer NOT NULL,
	`other_unanswered` integer NOT NULL,
	`ring_ms` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	`hold_ms` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`, `direction`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `agent_queue_days_trend` ON `agent_queue_days` (`day`,`direction`,`answered`,`connected_ms`);--> statement-breakpoint
CREATE TABLE `agent_queue_keys` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`direction` text NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`, `direction`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `agent_queue_months` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`direction` text NOT NULL,
	`month` integer NOT NULL,
	`answered` integer NOT NULL,
	`bounced` integer NOT NULL,
	`abandoned` integer NOT NULL,
	`other_unanswered` integer NOT NULL,
	`ring_ms` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	`hold_ms` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`, `direction`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `queue_buckets` (
	`bucket` integer NOT NULL,
	`queue_id` text NOT NULL,
	`answered` integer NOT NULL,
	`abandoned` integer NOT NULL,
	`other` integer NOT NULL,
	`answered_in_service_level` integer NOT NULL,
	`abandoned_after_short` integer NOT NULL,
	`answered_queue_ms` integer NOT NULL,
	`hold_ms` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	`handle_ms` integer NOT NULL,
	PRIMARY KEY(`bucket`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `queue_days` (
	`queue_id` text NOT NULL,
	`day` integer NOT NULL,
	`answered` integer NOT NULL,
	`abandoned` integer NOT NULL,
	`other` integer NOT NULL,
	`answered_in_service_level` integer NOT NULL,
	`abandoned_after_short` integer NOT NULL,
	`answered_queue_ms` integer NOT NULL,
	`hold_ms` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	`handle_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `queue_days_trend` ON `queue_days` (`day`,`answered`,`abandoned`,`other`);--> statement-breakpoint
CREATE TABLE `queue_keys` (
	`queue_id` text PRIMARY KEY NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `queue_months` (
	`queue_id` text NOT NULL,
	`month` integer NOT NULL,
	`answered` integer NOT NULL,
	`abandoned` integer NOT NULL,
	`other` integer NOT NULL,
	`answered_in_service_level` integer NOT NULL,
	`abandoned_after_short` integer NOT NULL,
	`answered_queue_ms` integer NOT NULL,
	`hold_ms` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	`handle_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `rollup_meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `wrapup_agent_buckets` (
	`bucket` integer NOT NULL,
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`bucket`, `agent_id`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_agent_days` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`day` integer NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `wrapup_agent_days_trend` ON `wrapup_agent_days` (`day`,`completed`,`wrapup_ms`);--> statement-breakpoint
CREATE TABLE `wrapup_agent_keys` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_agent_months` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`month` integer NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_reason_buckets` (
	`bucket` integer NOT NULL,
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`bucket`, `queue_id`, `reason_id`, `agent_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_reason_days` (
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`day` integer NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `reason_id`, `agent_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_reason_keys` (
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`agent_id` text NOT NULL,
	PRIMARY KEY(`queue_id`, `reason_id`, `agent_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_reason_months` (
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`month` integer NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `reason_id`, `agent_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `queue_visits_time` ON `queue_visits` (`queued_at`);--> statement-breakpoint
CREATE INDEX `wrapups_agent_time` ON `wrapups` (`agent_id`,`started_at`);