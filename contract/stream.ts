import { z } from '@hono/zod-openapi';
import type { Alert } from './alerts.js';
import type { ChatMessage, ChatRead } from './chat.js';
import type { AgentRow, QueueRow } from './live.js';
import type { PlatformStatus } from './platform.js';
import type { Report, ReportDeletion } from './reports.js';

/**
 * The live stream's frames (`GET /stream`, SPEC §5): the rows that changed, and what was
 * published for this viewer only. Made of the schemas' types; a stream has no schema of its
 * own in the OpenAPI document.
 */

export const streamQuery = z.object({
  ticket: z.string().max(200).optional(),
  lastEventId: z.string().max(100).optional(),
});

/** What a frame can carry for particular viewers only, by field name. */
export interface ViewerChannels {
  messages: ChatMessage;
  reads: ChatRead;
  /** A supervisor's wrap-up report, created or changed (status, progress). */
  reports: Report;
  reportsDeleted: ReportDeletion;
  /** An alert raised, cleared or acknowledged, for the supervisors (and wallboards) whose scope holds it. */
  alerts: Alert;
}

/** A viewer's own part of a frame: present only when something was published for them. */
export type ViewerParts = { [K in keyof ViewerChannels]?: ViewerChannels[K][] };

export interface FloorFrame extends ViewerParts {
  agents: AgentRow[];
  queues: QueueRow[];
  serverTime: string;
  /** The telephony platform's connection: in every snapshot, and in a delta when it changed. */
  platform?: PlatformStatus;
}
export type StreamQuery = z.input<typeof streamQuery>;
