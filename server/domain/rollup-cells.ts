import type { CallFacts } from './call-facts.js';
import { abandonedAfterShort, answeredInServiceLevel, type QueueThresholds } from '../../common/metrics.js';

/**
 * What each closed history fact adds to the interval rollups (SPEC §4).
 *
 * A rollup *family* is a set of additive integer counters per cell: a cell is
 * an interval and a few dimensions. Sums are whole milliseconds so adding and
 * subtracting contributions is exact, whatever the order: a rollup maintained
 * event by event equals one rebuilt from scratch, bit for bit.
 *
 * Every glossary figure is a ratio or sum of these counters:
 * presented = answered + bounced + abandoned + otherUnanswered, talk = connected − hold,
 * handle = ring + connected, totalCalls = answered + abandoned + other.
 *
 * The same definitions exist once more as SQL (server/history/fact-aggregates.ts, the conditions from ./metrics.ts),
 * for rebuilding and for reading raw facts; tests hold the two equal.
 */

export const BUCKET_MS = 15 * 60_000;

export const bucketOf = (ms: number) => ms - (((ms % BUCKET_MS) + BUCKET_MS) % BUCKET_MS);

export const FAMILIES = {
  /** Presentations of calls to agents (handlings), in the interval they were offered. */
  agentQueue: {
    dims: ['agentId', 'queueId', 'direction'],
    values: ['answered', 'bounced', 'abandoned', 'otherUnanswered', 'ringMs', 'connectedMs', 'holdMs'],
  },
  /** Stays of calls in queues (visits), in the interval they were queued. */
  queue: {
    dims: ['queueId'],
    values: [
      'answered',
      'abandoned',
      'other',
      'answeredInServiceLevel',
      'abandonedAfterShort',
      'answeredQueueMs',
      'holdMs',
      'connectedMs',
      'handleMs',
    ],
  },
  /** Completed wrap-ups by agent and queue, in the interval they started. */
  wrapupAgent: {
    dims: ['agentId', 'queueId'],
    values: ['completed', 'wrapupMs'],
  },
  /**
   * Completed wrap-ups by queue and reason. A wrap-up with no queue (after an
   * outbound call) keeps its agent, so it can still be scoped to a supervisor's
   * agents; queued ones are scoped by their queue and need no agent.
   */
  wrapupReason: {
    dims: ['queueId', 'reasonId', 'agentId'],
    values: ['completed', 'wrapupMs'],
  },
  /**
   * The same with every wrap-up with no queue together: all a request that sees
   * every queue and agent needs, in a few hundred cells instead of thousands.
   */
  wrapupReasonTotal: {
    dims: ['queueId', 'reasonId'],
    values: ['completed', 'wrapupMs'],
  },
  /**
   * Narrow families, for trends: what a trend of a request with no agent filter
   * needs, by queue; like the reason family, a fact with no queue keeps its
   * agent for scoping. Inbound connections (answered presentations) …
   */
  inboundQueue: {
    dims: ['queueId', 'agentId'],
    values: ['answered', 'connectedMs'],
  },
  /** … and completed wrap-ups. */
  wrapupQueue: {
    dims: ['queueId', 'agentId'],
    values: ['completed', 'wrapupMs'],
  },
  /**
   * Agent time (server/domain/agent-time.ts), in the interval it passed: staffed
   * and idle time per agent, whatever the queue (queue '') and per queue joined …
   */
  agentTime: {
    dims: ['agentId', 'queueId'],
    values: ['staffedMs', 'idleMs'],
  },
  /** … and added over agents, per queue. */
  queueTime: {
    dims: ['queueId'],
    values: ['staffedMs', 'idleMs'],
  },
} as const;

/**
 * Families with no facts beneath them: time is accounted as it passes, so their
 * 15-minute rows are their record (a rebuild from the facts keeps them).
 */
export const TIME_FAMILIES = ['agentTime', 'queueTime'] as const;
export type TimeFamily = (typeof TIME_FAMILIES)[number];

export type FamilyName = keyof typeof FAMILIES;
/** Families summed from call facts (server/history/fact-aggregates.ts). */
export type FactFamily = Exclude<FamilyName, TimeFamily>;
export type ValueName<F extends FamilyName> = (typeof FAMILIES)[F]['values'][number];

/** `queueId` of a fact with no queue (outbound calls, calls offered directly). */
export const NO_QUEUE = '';

/** One closed fact's share of one cell: `dims` and `values` in the family's order. */
export interface Contribution {
  family: FamilyName;
  bucket: number;
  dims: string[];
  values: number[];
}


/** The facts that feed rollups: rows as derived, or as read back from the store (nulls for absent values). */
export type RollupFacts = Pick<CallFacts, 'visits' | 'handlings' | 'wrapups'>;

const ms = (seconds: number | null | undefined) => Math.round((seconds ?? 0) * 1000);
const one = (b: boolean) => (b ? 1 : 0);

/**
 * Contributions of a call's closed facts: a handling once it ended, a visit once
 * it left the queue, a wrap-up once completed; each in the bucket of its start.
 */
export function contributionsOf(facts: RollupFacts, thresholds: (queueId: string) => QueueThresholds): Contribution[] {
  const out: Contribution[] = [];
  for (const h of facts.handlings) {
    if (h.endedAt == null || h.result == null) continue;
    const queueId = h.queueId ?? NO_QUEUE;
    // Only connections count here (an unanswered presentation would add a cell of zeros).
    if (h.direction === 'inbound' && h.result === 'answered') {
      out.push({
        family: 'inboundQueue',
        bucket: bucketOf(h.offeredAt),
        dims: [queueId, queueId === NO_QUEUE ? h.agentId : ''],
        values: [1, ms(h.connectedTime)],
      });
    }
    out.push({
      family: 'agentQueue',
      bucket: bucketOf(h.offeredAt),
      dims: [h.agentId, queueId, h.direction],
      values: [
        one(h.result === 'answered'),
        one(h.result === 'bounced'),
        one(h.result === 'abandoned'),
        one(h.result === 'other'),
        ms(h.ringTime),
        ms(h.connectedTime),
        ms(h.holdTime),
      ],
    });
  }
  for (const v of facts.visits) {
    if (v.leftAt == null || v.outcome == null) continue;
    const t = thresholds(v.queueId);
    const queueMs = ms(v.queueTime);
    const answered = v.outcome === 'answered';
    const abandoned = v.outcome === 'abandoned';
    out.push({
      family: 'queue',
      bucket: bucketOf(v.queuedAt),
      dims: [v.queueId],
      values: [
        one(answered),
        one(abandoned),
        one(v.outcome === 'other'),
        one(answeredInServiceLevel(v.outcome, queueMs, t)),
        one(abandonedAfterShort(v.outcome, queueMs, t)),
        answered ? queueMs : 0,
        ms(v.holdTime),
        ms(v.connectedTime),
        ms(v.handleTime),
      ],
    });
  }
  for (const w of facts.wrapups) {
    if (w.completedAt == null || w.reasonId == null) continue;
    const bucket = bucketOf(w.startedAt);
    const queueId = w.queueId ?? NO_QUEUE;
    const values = [1, ms(w.wrapupTime)];
    out.push({ family: 'wrapupAgent', bucket, dims: [w.agentId, queueId], values });
    out.push({ family: 'wrapupReason', bucket, dims: [queueId, w.reasonId, queueId === NO_QUEUE ? w.agentId : ''], values });
    out.push({ family: 'wrapupReasonTotal', bucket, dims: [queueId, w.reasonId], values });
    out.push({ family: 'wrapupQueue', bucket, dims: [queueId, queueId === NO_QUEUE ? w.agentId : ''], values });
  }
  return out;
}
