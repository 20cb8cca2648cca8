-- Rollup tables WITHOUT ROWID, like the others (added by hand: drizzle-kit cannot express it).
CREATE TABLE `agent_queue_hours` (
	`hour` integer NOT NULL,
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
	PRIMARY KEY(`hour`, `agent_id`, `queue_id`, `direction`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `inbound_queue_buckets` (
	`bucket` integer NOT NULL,
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`answered` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	PRIMARY KEY(`bucket`, `queue_id`, `agent_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `inbound_queue_days` (
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`day` integer NOT NULL,
	`answered` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `agent_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `inbound_queue_days_trend` ON `inbound_queue_days` (`day`,`queue_id`,`agent_id`,`answered`,`connected_ms`);--> statement-breakpoint
CREATE TABLE `inbound_queue_hours` (
	`hour` integer NOT NULL,
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`answered` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	PRIMARY KEY(`hour`, `queue_id`, `agent_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `inbound_queue_keys` (
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	PRIMARY KEY(`queue_id`, `agent_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `inbound_queue_months` (
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`month` integer NOT NULL,
	`answered` integer NOT NULL,
	`connected_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `agent_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `queue_hours` (
	`hour` integer NOT NULL,
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
	PRIMARY KEY(`hour`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_agent_hours` (
	`hour` integer NOT NULL,
	`agent_id` text NOT NULL,
	`queue_id` text NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`hour`, `agent_id`, `queue_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_queue_buckets` (
	`bucket` integer NOT NULL,
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`bucket`, `queue_id`, `agent_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_queue_days` (
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`day` integer NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `agent_id`, `day`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `wrapup_queue_days_trend` ON `wrapup_queue_days` (`day`,`queue_id`,`agent_id`,`completed`,`wrapup_ms`);--> statement-breakpoint
CREATE TABLE `wrapup_queue_hours` (
	`hour` integer NOT NULL,
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`hour`, `queue_id`, `agent_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_queue_keys` (
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	PRIMARY KEY(`queue_id`, `agent_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_queue_months` (
	`queue_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`month` integer NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`queue_id`, `agent_id`, `month`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_reason_hours` (
	`hour` integer NOT NULL,
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`agent_id` text NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`hour`, `queue_id`, `reason_id`, `agent_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `wrapup_reason_total_hours` (
	`hour` integer NOT NULL,
	`queue_id` text NOT NULL,
	`reason_id` text NOT NULL,
	`completed` integer NOT NULL,
	`wrapup_ms` integer NOT NULL,
	PRIMARY KEY(`hour`, `queue_id`, `reason_id`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX `agent_queue_days_trend`;--> statement-breakpoint
DROP INDEX `wrapup_agent_days_trend`;--> statement-breakpoint
DROP INDEX `queue_days_trend`;--> statement-breakpoint
CREATE INDEX `queue_days_trend` ON `queue_days` (`day`,`queue_id`,`answered`,`abandoned`,`other`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_wrapups` (
	`call_id` text NOT NULL,
	`handling` integer NOT NULL,
	`agent_id` text NOT NULL,
	`queue_id` text,
	`started_at` integer NOT NULL,
	`completed_at` integer,
	`reason_id` text,
	`wrapup_time` real,
	PRIMARY KEY(`call_id`, `handling`, `agent_id`)
);
--> statement-breakpoint
-- A stored wrap-up follows its agent's latest answered handling of the call begun by its start (else latest handling, else none: 0),
-- as server/domain/call-facts.ts derives it. Two wrap-ups the old key merged stay merged until the facts are
-- re-derived from the event log (npm run rollups:rebuild -- --db <file>).
-- The unary + keeps SQLite on the handlings primary key (call_id first): without statistics it would walk the
-- agent's whole history through handlings_agent_time for every wrap-up (hours on the reference centre).
INSERT INTO `__new_wrapups`("call_id", "handling", "agent_id", "queue_id", "started_at", "completed_at", "reason_id", "wrapup_time")
SELECT w."call_id",
	coalesce(
		(SELECT max(h."handling") FROM `handlings` h WHERE h."call_id" = w."call_id" AND +h."agent_id" = w."agent_id" AND h."result" = 'answered' AND +h."offered_at" <= w."started_at"),
		(SELECT max(h."handling") FROM `handlings` h WHERE h."call_id" = w."call_id" AND +h."agent_id" = w."agent_id" AND +h."offered_at" <= w."started_at"),
		0),
	w."agent_id", w."queue_id", w."started_at", w."completed_at", w."reason_id", w."wrapup_time"
FROM `wrapups` w;--> statement-breakpoint
DROP TABLE `wrapups`;--> statement-breakpoint
ALTER TABLE `__new_wrapups` RENAME TO `wrapups`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `wrapups_time` ON `wrapups` (`started_at`);--> statement-breakpoint
CREATE INDEX `wrapups_agent_time` ON `wrapups` (`agent_id`,`started_at`);