import type { Db } from '../db/client.js';
import type { Directory } from '../directory/directory.js';
import type { FloorEvent, IncomingEvent } from '../domain/events.js';
import { badRequest, fieldsFromIssues } from '../errors.js';
import type { LiveFloor } from '../floor/live-floor.js';
import { eventBatchSchema, type WireEvent } from './event-schema.js';
import { EventStore } from './event-store.js';
import { FactWriter } from './fact-writer.js';

export interface IngestResult {
  accepted: number;
  duplicates: number;
}

/** Events stamped further ahead than this are refused: a clock that far off corrupts history. */
const MAX_FUTURE_MS = 5 * 60_000;

/**
 * The one ingestion path (SPEC §3), for integrations and the simulator alike:
 * validate the whole batch, store the new events and their history facts in one
 * transaction, then apply them to the live floor. A batch is accepted or
 * rejected as a whole.
 */
export class IngestService {
  readonly store: EventStore;
  private readonly facts: FactWriter;
  private readonly listeners: ((fresh: readonly FloorEvent[]) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly directory: Directory,
    private readonly floor: LiveFloor | null,
    private readonly clock: () => number = Date.now,
    store?: EventStore,
    /** `rollups: false` leaves the statistics rollups to a later rebuild (benchmarks, bulk loads). */
    options: { rollups?: boolean } = {},
  ) {
    this.store = store ?? new EventStore(db);
    this.facts = new FactWriter(db, this.store, options);
  }

  /** Called with each committed batch's new events (after the floor has them). */
  onIngested(listener: (fresh: readonly FloorEvent[]) => void): void {
    this.listeners.push(listener);
  }

  /** Validates an untrusted body; throws a 400 `ApiError` naming each bad field. */
  ingestBody(body: unknown): IngestResult {
    const parsed = eventBatchSchema.safeParse(body);
    if (!parsed.success) throw badRequest('The event batch is invalid; nothing was stored.', fieldsFromIssues(parsed.error.issues));
    return this.ingest(parsed.data.events);
  }

  ingest(batch: readonly WireEvent[]): IngestResult {
    const fields = this.checkReferences(batch);
    if (Object.keys(fields).length > 0) throw badRequest('The event batch is invalid; nothing was stored.', fields);
    const incoming = batch.map(toIncoming);

    let fresh: FloorEvent[];
    try {
      fresh = this.db.transaction(() => {
        const stored = this.store.append(incoming);
        this.facts.record(stored);
        return stored;
      });
    } catch (err) {
      this.facts.forget();
      throw err;
    }
    this.floor?.apply(fresh);
    for (const l of this.listeners) l(fresh);
    return { accepted: fresh.length, duplicates: batch.length - fresh.length };
  }

  /** Directory references and clocks: what a schema alone cannot know. */
  private checkReferences(batch: readonly WireEvent[]): Record<string, string> {
    const dir = this.directory;
    const fields: Record<string, string> = {};
    const latest = this.clock() + MAX_FUTURE_MS;
    batch.forEach((e, i) => {
      const bad = (field: string, message: string) => (fields[`events[${i}].${field}`] = message);
      if (Date.parse(e.at) > latest) bad('at', 'is more than 5 minutes in the future');
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
    });
    return fields;
  }
}

function toIncoming(e: WireEvent): IncomingEvent {
  return { ...e, at: Date.parse(e.at) } as IncomingEvent;
}
