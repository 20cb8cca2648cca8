import { eq } from 'drizzle-orm';
import type { Store } from '../../db/store.js';
import type { WireEvent } from '../../ingest/event-schema.js';
import { EARLIEST_EVENT, type IngestResult, type IngestService } from '../../ingest/ingest-service.js';
import { ApiError, type ErrorBody } from '../../lib/errors.js';
import { isQueueLogEventId } from './queue-log-events.js';
import { RefusedBatch, type EventSink } from './queue-log-import.js';

/**
 * Into this process's ingestion, on the database itself (the server stopped): the whole validation of
 * POST /api/v1/events, but history of any age since 2000 is accepted: an import is an administrator's
 * deliberate act on the database, not a platform's clock that may be wrong (FLOORVIEW_EVENT_MAX_AGE_DAYS).
 */
export function ingestionSink(ingest: IngestService, database: Store): EventSink {
  const { events } = database.tables;
  return {
    async recordedElsewhere(callId) {
      const stored = await database.db.select({ id: events.id }).from(events).where(eq(events.callId, callId));
      return stored.some((e) => !isQueueLogEventId(e.id));
    },
    async write(events) {
      try {
        return await ingest.backfilling(EARLIEST_EVENT, () => ingest.ingestBody({ events }));
      } catch (err) {
        if (err instanceof ApiError && err.status === 400) throw new RefusedBatch(err.fields ?? { '(batch)': err.message });
        throw err;
      }
    },
  };
}

/** Attempts at a batch the server did not answer (restarting, unreachable) before the import stops. */
const ATTEMPTS = 6;

/** To a running server's POST /api/v1/events, as any integration: its age window applies (`--follow` of a live file). */
export function httpSink(api: string, secret: string): EventSink {
  const url = new URL('/api/v1/events', api);
  return {
    // The server is not asked: `--follow` of a live log is for a centre without AMI (README), where no call has another source.
    recordedElsewhere: async () => false,
    async write(events: WireEvent[]): Promise<IngestResult> {
      for (let attempt = 1; ; attempt++) {
        let res: Response;
        try {
          res = await fetch(url, {
            method: 'POST',
            headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
            body: JSON.stringify({ events }),
          });
        } catch (err) {
          if (attempt >= ATTEMPTS) throw new Error(`${url} cannot be reached: ${(err as Error).message}`);
          await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
          continue;
        }
        if (res.ok) return (await res.json()) as IngestResult;
        const body = (await res.json().catch(() => null)) as ErrorBody | null;
        if (res.status === 400) throw new RefusedBatch(body?.error.fields ?? { '(batch)': body?.error.message ?? 'refused' });
        if (res.status < 500 || attempt >= ATTEMPTS) throw new Error(`${url} answered ${res.status}: ${body?.error.message ?? res.statusText}`);
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    },
  };
}
