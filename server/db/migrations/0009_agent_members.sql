CREATE TABLE `agent_members` (
	`agent_id` text NOT NULL,
	`member` text NOT NULL,
	PRIMARY KEY(`agent_id`, `member`),
	FOREIGN KEY (`agent_id`) REFERENCES `agents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `supervisors` ADD `device` text;