-- The rollup tables are WITHOUT ROWID, added by hand as in 0001_interval_rollups.sql.
CREATE TABLE `agent_time_buckets` (
	`bucket` integer NOT NULL,
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`staffed_ms` integer NOT NULL,
	`idle_ms` integer NOT NULL,
	PRIMARY KEY(`bucket`, `agent_id`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `agent_time_days` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`day` integer NOT NULL,
	`staffed_ms` integer NOT NULL,
	`idle_ms` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `agent_time_hours` (
	`hour` integer NOT NULL,
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`staffed_ms` integer NOT NULL,
	`idle_ms` integer NOT NULL,
	PRIMARY KEY(`hour`, `agent_id`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `agent_time_keys` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `agent_time_months` (
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`month` integer NOT NULL,
	`staffed_ms` integer NOT NULL,
	`idle_ms` integer NOT NULL,
	PRIMARY KEY(`agent_id`, `queue_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `queue_time_buckets` (
	`bucket` integer NOT NULL,
	`queue_id` text NOT NULL,
	`staffed_ms` integer NOT NULL,
	`idle_ms` integer NOT NULL,
	PRIMARY KEY(`bucket`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `queue_time_days` (
	`queue_id` text NOT NULL,
	`day` integer NOT NULL,
	`staffed_ms` integer NOT NULL,
	`idle_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `queue_time_days_trend` ON `queue_time_days` (`day`,`queue_id`,`staffed_ms`,`idle_ms`);--> statement-breakpoint
CREATE TABLE `queue_time_hours` (
	`hour` integer NOT NULL,
	`queue_id` text NOT NULL,
	`staffed_ms` integer NOT NULL,
	`idle_ms` integer NOT NULL,
	PRIMARY KEY(`hour`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `queue_time_keys` (
	`queue_id` text PRIMARY KEY NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `queue_time_months` (
	`queue_id` text NOT NULL,
	`month` integer NOT NULL,
	`staffed_ms` integer NOT NULL,
	`idle_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `month`)
) WITHOUT ROWID;
