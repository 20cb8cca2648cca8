import { sql, type SQL } from 'drizzle-orm';
import type { CallPage, CallRow } from '../../contract/stats.js';
import type { Directory } from '../directory/directory.js';
import { NO_NAMES } from '../../common/local-name.js';
import { badRequest } from '../lib/errors.js';
import { filterSql, type CellFilter } from './cell-filter.js';
import { bucketExpr } from '../history/fact-aggregates.js';
import { bucketsOf, type StatsRange } from './stats-range.js';
import { numberOrNull, selectList, type StatsSnapshot } from './stats-snapshot.js';

/**
 * What one row of the list is, and so which figure it explains:
 * `queue` a stay in a queue (queue figures, counted when queued),
 * `agent` a presentation to an agent (agent figures, counted when offered),
 * `wrapup` a completed wrap-up (wrap-up figures, counted when it started).
 */
export type CallListBasis = 'queue' | 'agent' | 'wrapup';

export interface CallListInput {
  by: CallListBasis;
  /** Visit outcome, handling result, or the call's outcome, by basis. */
  outcome?: 'answered' | 'bounced' | 'abandoned' | 'other' | undefined;
  direction?: 'inbound' | 'outbound' | undefined;
  reason?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

interface Basis {
  /** callId, sub-key, start, answered, end, queue, agent, outcome, direction, wait, talk, hold, reason, wrap-up time */
  select: string[];
  /** Given the visit index to use (SQLite), or nothing. */
  from: (visitIndex: SQL) => SQL;
  closed: string;
  time: string;
  id: string;
  sub: string;
  queue: string;
  agent: string;
  outcome: string;
  direction: string;
  reason: string;
}

const BASES: Record<CallListBasis, Basis> = {
  queue: {
    select: ['v.call_id', 'v.visit', 'v.queued_at', 'v.answered_at', 'v.left_at', 'v.queue_id', 'v.agent_id', 'v.outcome', "'inbound'",
      'v.queue_time', 'h.talk_time', 'h.hold_time', 'w.reason_id', 'w.wrapup_time'],
    // The handling that answered the visit, and its agent's wrap-up.
    from: (visitIndex) => sql`queue_visits v ${visitIndex}
      LEFT JOIN handlings h ON h.call_id = v.call_id AND h.handling = (SELECT min(x.handling) FROM handlings x
        WHERE x.call_id = v.call_id AND x.agent_id = v.agent_id AND x.answered_at = v.answered_at)
      LEFT JOIN wrapups w ON w.call_id = v.call_id AND w.handling = h.handling AND w.agent_id = h.agent_id`,
    closed: 'v.left_at IS NOT NULL AND v.outcome IS NOT NULL',
    time: 'v.queued_at',
    id: 'v.call_id',
    sub: 'v.visit',
    queue: 'v.queue_id',
    agent: 'v.agent_id',
    outcome: 'v.outcome',
    direction: "'inbound'",
    reason: 'w.reason_id',
  },
  agent: {
    select: ['h.call_id', 'h.handling', 'h.offered_at', 'h.answered_at', 'h.ended_at', 'h.queue_id', 'h.agent_id', 'h.result', 'h.direction',
      `(SELECT x.queue_time FROM queue_visits x WHERE x.call_id = h.call_id AND x.queue_id = h.queue_id AND x.queued_at <= h.offered_at
        ORDER BY x.visit DESC LIMIT 1)`,
      'h.talk_time', 'h.hold_time', 'w.reason_id', 'w.wrapup_time'],
    from: () => sql`handlings h
      LEFT JOIN wrapups w ON w.call_id = h.call_id AND w.handling = h.handling AND w.agent_id = h.agent_id`,
    closed: 'h.ended_at IS NOT NULL AND h.result IS NOT NULL',
    time: 'h.offered_at',
    id: 'h.call_id',
    sub: 'h.handling',
    queue: "coalesce(h.queue_id, '')",
    agent: 'h.agent_id',
    outcome: 'h.result',
    direction: 'h.direction',
    reason: 'w.reason_id',
  },
  wrapup: {
    select: ['w.call_id', "w.agent_id || '/' || w.handling", 'w.started_at', 'h.answered_at', 'w.completed_at', 'w.queue_id', 'w.agent_id', 'c.outcome', 'c.direction',
      'NULL', 'h.talk_time', 'h.hold_time', 'w.reason_id', 'w.wrapup_time'],
    // The handling the wrap-up follows.
    from: () => sql`wrapups w JOIN calls c ON c.id = w.call_id
      LEFT JOIN handlings h ON h.call_id = w.call_id AND h.handling = w.handling AND h.agent_id = w.agent_id`,
    closed: 'w.completed_at IS NOT NULL AND w.reason_id IS NOT NULL',
    time: 'w.started_at',
    id: 'w.call_id',
    sub: "w.agent_id || '/' || w.handling",
    queue: "coalesce(w.queue_id, '')",
    agent: 'w.agent_id',
    outcome: 'c.outcome',
    direction: 'c.direction',
    reason: 'w.reason_id',
  },
};

/**
 * Visits of a few queues are read queue by queue and sorted; of many, in time
 * order and filtered (the planner, without statistics, would sort every visit).
 */
const visitIndex = (filter: CellFilter) => (filter.queues.length <= 3 ? 'queue_visits_queue_time' : 'queue_visits_time');

type Cursor = [time: number, callId: string, sub: number | string];

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const c: unknown = JSON.parse(Buffer.from(text, 'base64url').toString());
    if (Array.isArray(c) && c.length === 3 && typeof c[0] === 'number' && typeof c[1] === 'string' && ['number', 'string'].includes(typeof c[2])) {
      return c as Cursor;
    }
  } catch {
    // Reported below.
  }
  throw badRequest('The statistics request is invalid.', { cursor: 'is not a cursor this list returned' });
}

const iso = (ms: unknown) => (ms === null ? null : new Date(Number(ms)).toISOString());
const str = (x: unknown) => (typeof x === 'string' ? x : null);

/**
 * The individual facts behind a figure, oldest first, a page at a time: the same
 * closed facts, range, scope and filters the figure counted.
 */
export class CallList {
  constructor(private readonly directory: Directory) {}

  async list(s: StatsSnapshot, range: StatsRange, filter: CellFilter, input: CallListInput): Promise<Omit<CallPage, 'range'>> {
    const b = BASES[input.by];
    const [time, id, sub] = [sql.raw(b.time), sql.raw(b.id), sql.raw(b.sub)];
    const conditions = [sql.raw(b.closed), sql`${time} >= ${range.from}`, sql`${time} < ${range.to}`, filterSql(s, { queue: sql.raw(b.queue), agent: sql.raw(b.agent) }, filter)];
    if (range.window) conditions.push(s.oneOf(sql.raw(bucketExpr(b.time)), [...bucketsOf(range)]));
    const optional: [string, string | undefined][] = [
      [b.outcome, input.outcome],
      [b.direction, input.direction],
      [b.reason, input.reason],
    ];
    for (const [expr, value] of optional) if (value !== undefined) conditions.push(sql`${sql.raw(expr)} = ${value}`);
    if (input.cursor !== undefined) {
      const [at, callId, after] = decodeCursor(input.cursor);
      conditions.push(sql`${time} >= ${at}`, sql`(${time}, ${id}, ${sub}) > (${at}, ${callId}, ${after})`);
    }
    const rows = await s.rows(
      sql`SELECT ${selectList(b.select.map((e) => sql.raw(e)))} FROM ${b.from(s.indexedBy(visitIndex(filter)))}
        WHERE ${sql.join(conditions, sql` AND `)} ORDER BY ${time}, ${id}, ${sub} LIMIT ${input.limit + 1}`,
    );
    const more = rows.length > input.limit;
    const page = more ? rows.slice(0, input.limit) : rows;
    const last = page[page.length - 1];
    return {
      calls: page.map((r) => this.row(r)),
      nextCursor: more && last ? encodeCursor([Number(last[2]), last[0] as string, typeof last[1] === 'string' ? last[1] : Number(last[1])]) : null,
    };
  }

  private row(r: unknown[]): CallRow {
    const dir = this.directory;
    const queueId = str(r[5]);
    const agentId = str(r[6]);
    const reasonId = str(r[12]);
    const queue = queueId === null ? null : dir.nameOfQueue(queueId);
    const reason = reasonId === null ? null : dir.nameOfWrapupReason(reasonId);
    return {
      callId: r[0] as string,
      direction: r[8] as 'inbound' | 'outbound',
      startedAt: iso(r[2])!,
      answeredAt: iso(r[3]),
      endedAt: iso(r[4]),
      queueId,
      queueName: queue?.name ?? null,
      queueNames: queue?.names ?? NO_NAMES,
      agentId,
      agentName: agentId === null ? null : dir.nameOfAgent(agentId),
      outcome: str(r[7]),
      waitTime: numberOrNull(r[9]),
      talkTime: numberOrNull(r[10]),
      holdTime: numberOrNull(r[11]),
      wrapupReasonId: reasonId,
      wrapupReason: reason?.name ?? null,
      wrapupReasonNames: reason?.names ?? NO_NAMES,
      wrapupTime: numberOrNull(r[13]),
    };
  }
}
