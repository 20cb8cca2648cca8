import type { WireEvent } from '../ingest/event-schema.js';
import type { IngestResult } from '../ingest/ingest-service.js';
import type { SimEngine } from './sim-engine.js';

export interface BackfillProgress {
  /** Simulated time reached. */
  simulatedTo: number;
  /** Events and calls generated so far in this backfill. */
  events: number;
  calls: number;
}

export interface BackfillOptions {
  /** Events per posted batch (at most the ingestion limit). */
  batchSize?: number;
  /** Called after each posted batch. */
  onProgress?: (p: BackfillProgress) => void;
}

export interface BackfillStats {
  fromMs: number;
  toMs: number;
  /** Events generated and posted. */
  events: number;
  /** Of those, how many were new to the store, and how many were already there (a repeated backfill). */
  accepted: number;
  duplicates: number;
  /** Calls started (inbound and outbound). */
  calls: number;
  seconds: number;
  eventsPerSecond: number;
}

/** Runs simulated time up to `toMs` as fast as the ingestion path takes the events. */
export function runBackfill(
  engine: SimEngine,
  post: (events: WireEvent[]) => IngestResult,
  toMs: number,
  batchSize: number,
  onProgress?: (p: BackfillProgress) => void,
): BackfillStats {
  const fromMs = engine.now;
  const events0 = engine.eventCount;
  const calls0 = engine.callCount;
  let accepted = 0;
  let duplicates = 0;
  const started = performance.now();
  engine.advanceTo(
    toMs,
    (events) => {
      const result = post(events);
      accepted += result.accepted;
      duplicates += result.duplicates;
      onProgress?.({ simulatedTo: engine.now, events: engine.eventCount - events0, calls: engine.callCount - calls0 });
    },
    batchSize,
  );
  const seconds = (performance.now() - started) / 1000;
  const events = engine.eventCount - events0;
  return {
    fromMs,
    toMs,
    events,
    accepted,
    duplicates,
    calls: engine.callCount - calls0,
    seconds,
    eventsPerSecond: seconds > 0 ? events / seconds : 0,
  };
}
