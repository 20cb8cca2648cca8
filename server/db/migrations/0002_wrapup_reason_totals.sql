-- WITHOUT ROWID, like the other rollup tables (added by hand: drizzle-kit cannot express it).
CREATE TABLE `wrapup_reason_total_buckets` (
	`bucket` integer NOT NULL,
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`bucket`, `queue_id`, `reason_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_reason_total_days` (
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`day` integer NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `reason_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_reason_total_keys` (
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	PRIMARY KEY(`queue_id`, `reason_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_reason_total_months` (
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`month` integer NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `reason_id`, `month`)
) WITHOUT ROWID;
