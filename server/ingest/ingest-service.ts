import type { Store } from '../db/store.js';
import type { Directory } from '../directory/directory.js';
import type { FloorEvent, IncomingEvent } from '../domain/events.js';
import { badRequest, fieldsFromIssues } from '../lib/errors.js';
import { eventBatchSchema, type WireEvent } from './event-schema.js';
import { eventAppend, type EventAppend } from './event-append.js';
import { EventStore } from './event-store.js';

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/** No contact centre ran on this: an event before it comes from a clock that was never set. */
export const EARLIEST_EVENT = Date.parse('2000-01-01T00:00:00Z');
const DAY_MS = 86_400_000;

/** Told of a batch's new events; `backfill` while a simulated backfill writes the past. */
export type IngestListener = (fresh: readonly FloorEvent[], backfill: boolean) => void;

export interface IngestOptions {
  /** Oldest event accepted, in days before the clock (default: any since 2000; the server passes FLOORVIEW_EVENT_MAX_AGE_DAYS). */
  maxAgeDays?: number;
  /** How far ahead of the clock an event may be stamped (default 300 s): a clock that far off corrupts history. */
  maxFutureSeconds?: number;
}

/**
 * The one ingestion path (SPEC §3), for integrations and the simulator alike:
 * validate the whole batch, store the new events in one transaction, then tell
 * whoever subscribed (the live floor first, the history, commands awaiting the
 * platform). A batch is accepted or rejected as a whole, and once accepted it is in the log.
 */
export class IngestService {
  /** SQLite's event log, its prepared statements (null on PostgreSQL, whose reads are asynchronous: event-log.ts, event-store.postgres.ts). */
  readonly store: EventStore | null;
  private readonly appender: EventAppend;
  private readonly listeners: IngestListener[] = [];
  private readonly maxAgeMs: number;
  private readonly maxFutureMs: number;
  /** A backfill's start, while one runs: it is older than the window by design. */
  private backfillFrom: number | null = null;

  constructor(
    database: Store,
    private readonly directory: Directory,
    private readonly clock: () => number = Date.now,
    store?: EventStore | null,
    options: IngestOptions = {},
  ) {
    this.store = store ?? (database.sqlite && new EventStore(database.sqlite));
    this.appender = eventAppend(database, this.store);
    this.maxAgeMs = options.maxAgeDays === undefined ? Infinity : options.maxAgeDays * DAY_MS;
    this.maxFutureMs = (options.maxFutureSeconds ?? 300) * 1000;
  }

  /** Called with each committed batch's new events, in the order of subscription (the floor subscribes first). */
  onIngested(listener: IngestListener): void {
    this.listeners.push(listener);
  }

  /** A platform's events in, validated as a posted batch (server/platforms/platform.ts). */
  readonly sink = (events: readonly unknown[]): Promise<IngestResult> => this.ingestBody({ events });

  /** Validates an untrusted body; rejects with a 400 `ApiError` naming each bad field. */
  async ingestBody(body: unknown): Promise<IngestResult> {
    const parsed = eventBatchSchema.safeParse(body);
    if (!parsed.success) throw badRequest('The event batch is invalid; nothing was stored.', fieldsFromIssues(parsed.error.issues));
    return this.ingest(parsed.data.events);
  }

  async ingest(batch: readonly WireEvent[]): Promise<IngestResult> {
    const fields = this.checkReferences(batch);
    if (Object.keys(fields).length > 0) throw badRequest('The event batch is invalid; nothing was stored.', fields);
    const incoming = batch.map(toIncoming);

    const fresh = await this.appender.append(incoming);
    const backfill = this.backfillFrom !== null;
    for (const l of this.listeners) l(fresh, backfill);
    return { accepted: fresh.length, duplicates: batch.length - fresh.length };
  }

  /** Runs `fn` (a simulated backfill) accepting events from `fromMs` on, older than the window allows. */
  async backfilling<T>(fromMs: number, fn: () => Promise<T>): Promise<T> {
    this.backfillFrom = fromMs;
    try {
      return await fn();
    } finally {
      this.backfillFrom = null;
    }
  }

  /** Directory references and clocks: what a schema alone cannot know. */
  private checkReferences(batch: readonly WireEvent[]): Record<string, string> {
    const dir = this.directory;
    const fields: Record<string, string> = {};
    const now = this.clock();
    const latest = now + this.maxFutureMs;
    const windowStart = Math.max(EARLIEST_EVENT, now - this.maxAgeMs);
    const earliest = Math.max(EARLIEST_EVENT, Math.min(windowStart, this.backfillFrom ?? windowStart));
    const tooOld = `is older than ${this.maxAgeMs / DAY_MS} days (FLOORVIEW_EVENT_MAX_AGE_DAYS)`;
    const tooNew = `is more than ${this.maxFutureMs / 1000} seconds in the future (FLOORVIEW_EVENT_MAX_FUTURE_SECONDS)`;
    // One `bad` for the batch, not a closure per event: this runs for every event ingested.
    let i = 0;
    const bad = (field: string, message: string) => (fields[`events[${i}].${field}`] = message);
    for (; i < batch.length; i++) {
      const e = batch[i]!;
      const at = Date.parse(e.at);
      if (at > latest) bad('at', tooNew);
      else if (at < earliest) bad('at', at < EARLIEST_EVENT ? 'is older than 2000-01-01' : tooOld);
      if ('agentId' in e && !dir.agents.has(e.agentId)) bad('agentId', `unknown agent "${e.agentId}"`);
      if ('queueId' in e && !dir.queues.has(e.queueId)) bad('queueId', `unknown queue "${e.queueId}"`);
      switch (e.type) {
        case 'agent.queue_joined':
        case 'agent.queue_left':
          if (dir.agents.has(e.agentId) && dir.queues.has(e.queueId) && !dir.isAssigned(e.agentId, e.queueId))
            bad('queueId', `agent "${e.agentId}" is not assigned to queue "${e.queueId}"`);
          break;
        case 'call.transferred':
          if (e.toQueueId !== undefined && !dir.queues.has(e.toQueueId)) bad('toQueueId', `unknown queue "${e.toQueueId}"`);
          if (e.toAgentId !== undefined && !dir.agents.has(e.toAgentId)) bad('toAgentId', `unknown agent "${e.toAgentId}"`);
          break;
        case 'wrapup.completed':
          if (!dir.wrapupReasons.has(e.reasonId)) bad('reasonId', `unknown wrap-up reason "${e.reasonId}"`);
          break;
        case 'monitor.started':
        case 'monitor.ended':
          if (!dir.supervisors.has(e.supervisorId)) bad('supervisorId', `unknown supervisor "${e.supervisorId}"`);
          break;
      }
    }
    return fields;
  }
}

function toIncoming(e: WireEvent): IncomingEvent {
  return { ...e, at: Date.parse(e.at) } as IncomingEvent;
}
