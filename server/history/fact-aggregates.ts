import { abandonedAfterShortSql, answeredInServiceLevelSql, DEFAULT_THRESHOLDS } from '../../common/metrics.js';
import { BUCKET_MS, type FactFamily } from '../domain/rollup-cells.js';

/**
 * The rollup families of server/domain/rollup-cells.ts as SQL aggregates over
 * the fact tables: the same closed facts, dimensions and whole-millisecond sums.
 * Rebuilding uses them grouped by bucket; raw-fact reads grouped by key.
 */
export interface FactAggregate {
  /** FROM clause; the fact table is aliased `f`. */
  from: string;
  /** Only closed facts count. */
  closed: string;
  /** The instant a fact counts at (epoch ms). */
  time: string;
  /** Expressions in the order of the family's dims, then of its values. */
  dims: string[];
  values: string[];
  /** The queue ('' for none) and agent a fact is filtered by; a visit's agent is the one who answered it. */
  queue: string;
  agent: string;
}

// Half up, as Math.round in server/domain/rollup-cells.ts and SQLite's round: PostgreSQL's round of a double goes half to even.
const ms = (column: string) => `floor(coalesce(${column}, 0) * 1000 + 0.5)`;
// CASE, not sum(condition): PostgreSQL does not sum booleans.
const count = (condition: string) => `sum(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
const queueOf = "coalesce(f.queue_id, '')";
/** The agent of a fact with no queue, '' for the others (the narrow families' agent dimension). */
const noQueueAgent = "CASE WHEN f.queue_id IS NULL THEN f.agent_id ELSE '' END";

export const bucketExpr = (time: string) => `(${time} - ${time} % ${BUCKET_MS})`;

const wrapupValues = ['count(*)', `sum(${ms('f.wrapup_time')})`];

export const FACT_AGGREGATES: Record<FactFamily, FactAggregate> = {
  agentQueue: {
    from: 'handlings f',
    closed: 'f.ended_at IS NOT NULL AND f.result IS NOT NULL',
    time: 'f.offered_at',
    dims: ['f.agent_id', queueOf, 'f.direction'],
    values: [
      count("f.result = 'answered'"),
      count("f.result = 'bounced'"),
      count("f.result = 'abandoned'"),
      count("f.result = 'other'"),
      `sum(${ms('f.ring_time')})`,
      `sum(${ms('f.connected_time')})`,
      `sum(${ms('f.hold_time')})`,
    ],
    queue: queueOf,
    agent: 'f.agent_id',
  },
  queue: {
    from: 'queue_visits f LEFT JOIN queues q ON q.id = f.queue_id',
    closed: 'f.left_at IS NOT NULL AND f.outcome IS NOT NULL',
    time: 'f.queued_at',
    dims: ['f.queue_id'],
    values: [
      count("f.outcome = 'answered'"),
      count("f.outcome = 'abandoned'"),
      count("f.outcome = 'other'"),
      count(answeredInServiceLevelSql('f.outcome', ms('f.queue_time'), `coalesce(q.service_level_seconds, ${DEFAULT_THRESHOLDS.serviceLevelSeconds})`)),
      count(abandonedAfterShortSql('f.outcome', ms('f.queue_time'), `coalesce(q.short_abandon_seconds, ${DEFAULT_THRESHOLDS.shortAbandonSeconds})`)),
      `sum(CASE WHEN f.outcome = 'answered' THEN ${ms('f.queue_time')} ELSE 0 END)`,
      `sum(${ms('f.hold_time')})`,
      `sum(${ms('f.connected_time')})`,
      `sum(${ms('f.handle_time')})`,
    ],
    queue: 'f.queue_id',
    agent: 'f.agent_id',
  },
  wrapupAgent: {
    from: 'wrapups f',
    closed: 'f.completed_at IS NOT NULL AND f.reason_id IS NOT NULL',
    time: 'f.started_at',
    dims: ['f.agent_id', queueOf],
    values: wrapupValues,
    queue: queueOf,
    agent: 'f.agent_id',
  },
  wrapupReason: {
    from: 'wrapups f',
    closed: 'f.completed_at IS NOT NULL AND f.reason_id IS NOT NULL',
    time: 'f.started_at',
    dims: [queueOf, 'f.reason_id', noQueueAgent],
    values: wrapupValues,
    queue: queueOf,
    agent: 'f.agent_id',
  },
  inboundQueue: {
    from: 'handlings f',
    closed: "f.ended_at IS NOT NULL AND f.result = 'answered' AND f.direction = 'inbound'",
    time: 'f.offered_at',
    dims: [queueOf, noQueueAgent],
    values: [count("f.result = 'answered'"), `sum(${ms('f.connected_time')})`],
    queue: queueOf,
    agent: 'f.agent_id',
  },
  wrapupQueue: {
    from: 'wrapups f',
    closed: 'f.completed_at IS NOT NULL AND f.reason_id IS NOT NULL',
    time: 'f.started_at',
    dims: [queueOf, noQueueAgent],
    values: wrapupValues,
    queue: queueOf,
    agent: 'f.agent_id',
  },
  wrapupReasonTotal: {
    from: 'wrapups f',
    closed: 'f.completed_at IS NOT NULL AND f.reason_id IS NOT NULL',
    time: 'f.started_at',
    dims: [queueOf, 'f.reason_id'],
    values: wrapupValues,
    queue: queueOf,
    agent: 'f.agent_id',
  },
};
