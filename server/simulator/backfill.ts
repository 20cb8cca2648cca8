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

/**
 * A progress line every `everyMs` of wall time (a backfill of days takes seconds to minutes,
 * and a silent one looks hung): how far simulated time has got, and what it produced.
 */
export function progressLines(fromMs: number, toMs: number, log: (line: string) => void, everyMs = 2_000): (p: BackfillProgress) => void {
  const started = performance.now();
  let last = started;
  return (p) => {
    const now = performance.now();
    if (now - last < everyMs) return;
    last = now;
    const done = ((p.simulatedTo - fromMs) / (toMs - fromMs)) * 100;
    const rate = Math.round(p.events / ((now - started) / 1000));
    log(
      `  ${done.toFixed(0).padStart(3)}%  ${new Date(p.simulatedTo).toISOString().slice(0, 16).replace('T', ' ')}  ` +
        `${p.events.toLocaleString('en')} events  ${p.calls.toLocaleString('en')} calls  ${rate.toLocaleString('en')} events/s`,
    );
  };
}

/** Runs simulated time up to `toMs` as fast as the ingestion path takes the events. */
export async function runBackfill(
  engine: SimEngine,
  post: (events: WireEvent[]) => Promise<IngestResult>,
  toMs: number,
  batchSize: number,
  onProgress?: (p: BackfillProgress) => void,
): Promise<BackfillStats> {
  const fromMs = engine.now;
  const events0 = engine.eventCount;
  const calls0 = engine.callCount;
  let accepted = 0;
  let duplicates = 0;
  const started = performance.now();
  await engine.advanceTo(
    toMs,
    async (events) => {
      const result = await post(events);
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
