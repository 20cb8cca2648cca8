import type { calls, handlings, queueVisits, wrapups } from '../db/schema.js';
import { compareEvents, type CallEvent, type FloorEvent } from './events.js';

/**
 * History facts of one call, derived from all of its events (SPEC §4).
 * Derived afresh whenever an event of the call arrives, so a late event
 * lands in the right place and the facts never depend on arrival order.
 */
export interface CallFacts {
  call: typeof calls.$inferInsert;
  visits: (typeof queueVisits.$inferInsert)[];
  handlings: (typeof handlings.$inferInsert)[];
  wrapups: (typeof wrapups.$inferInsert)[];
}

const CALL_FACT_TYPES = new Set<FloorEvent['type']>([
  'call.queued',
  'call.offered',
  'call.bounced',
  'call.answered',
  'call.held',
  'call.resumed',
  'call.transferred',
  'call.dialed',
  'call.ended',
  'wrapup.started',
  'wrapup.completed',
]);

/** Events that shape a call's history (monitoring does not). */
export function isCallFactEvent(e: FloorEvent): e is CallEvent {
  return CALL_FACT_TYPES.has(e.type);
}

type Handling = typeof handlings.$inferInsert & { visit: number | null; holdStart: number | null; holdMs: number };
type Visit = typeof queueVisits.$inferInsert;

const sec = (ms: number) => ms / 1000;

export function deriveCallFacts(callId: string, events: readonly CallEvent[]): CallFacts {
  const sorted = [...events].sort(compareEvents);
  const visits: Visit[] = [];
  const hs: Handling[] = [];
  /** By agent and handling. */
  const wraps = new Map<string, typeof wrapups.$inferInsert>();
  let direction: 'inbound' | 'outbound' = 'inbound';
  let answeredAt: number | null = null;
  let ended: { at: number; by: 'caller' | 'agent' | 'system'; outcome: 'answered' | 'abandoned' | 'other' } | null = null;

  const openVisit = () => {
    const v = visits[visits.length - 1];
    return v && v.leftAt == null && v.answeredAt == null ? v : undefined;
  };
  const currentVisit = () => visits[visits.length - 1];
  const openHandling = () => {
    const h = hs[hs.length - 1];
    return h && h.endedAt == null ? h : undefined;
  };
  const closeVisit = (v: Visit, at: number, outcome: 'abandoned' | 'other') => {
    v.leftAt = at;
    v.outcome = outcome;
  };
  /** The call moves on from its current queue: after an answer that is a transfer, before one an overflow. */
  const leaveVisit = (v: Visit | undefined, at: number) => {
    if (!v || v.leftAt != null) return;
    if (v.answeredAt != null) v.leftAt = at;
    else closeVisit(v, at, 'other');
  };
  const closeHandling = (h: Handling, at: number, unanswered: 'bounced' | 'abandoned' | 'other') => {
    if (h.holdStart !== null) {
      h.holdMs += at - h.holdStart;
      h.holdStart = null;
    }
    h.endedAt = at;
    if (h.answeredAt == null) h.result = unanswered;
  };
  const startHandling = (agentId: string, at: number) => {
    const prior = openHandling();
    if (prior) closeHandling(prior, at, 'bounced');
    const v = direction === 'inbound' ? currentVisit() : undefined;
    const h: Handling = {
      callId,
      handling: hs.length + 1,
      agentId,
      queueId: v?.queueId ?? null,
      direction,
      offeredAt: at,
      visit: v ? visits.length : null,
      holdStart: null,
      holdMs: 0,
    };
    hs.push(h);
    return h;
  };

  for (const e of sorted) {
    switch (e.type) {
      case 'call.queued': {
        const v = currentVisit();
        // Back in the same queue after a bounce, or the visit a same-instant transfer opened.
        if (v && v.queueId === e.queueId && v.leftAt == null && v.answeredAt == null) break;
        leaveVisit(v, e.at);
        const h = openHandling();
        if (h) closeHandling(h, e.at, 'bounced');
        visits.push({ callId, visit: visits.length + 1, queueId: e.queueId, queuedAt: e.at });
        break;
      }
      case 'call.dialed':
        direction = 'outbound';
        startHandling(e.agentId, e.at);
        break;
      case 'call.offered':
        startHandling(e.agentId, e.at);
        break;
      case 'call.bounced': {
        const h = openHandling();
        if (h && h.agentId === e.agentId && h.answeredAt == null) closeHandling(h, e.at, 'bounced');
        break;
      }
      case 'call.answered': {
        let h = openHandling();
        if (!h || h.agentId !== e.agentId || h.answeredAt != null) h = startHandling(e.agentId, e.at);
        h.answeredAt = e.at;
        h.result = 'answered';
        answeredAt ??= e.at;
        const v = openVisit();
        if (v && direction === 'inbound') {
          v.answeredAt = e.at;
          v.outcome = 'answered';
          v.agentId = e.agentId;
        }
        break;
      }
      case 'call.held': {
        const h = openHandling();
        if (h && h.answeredAt != null && h.holdStart === null) h.holdStart = e.at;
        break;
      }
      case 'call.resumed': {
        const h = openHandling();
        if (h && h.holdStart !== null) {
          h.holdMs += e.at - h.holdStart;
          h.holdStart = null;
        }
        break;
      }
      case 'call.transferred': {
        const h = openHandling();
        if (h) closeHandling(h, e.at, 'other');
        const v = currentVisit();
        // A `call.queued` of the same instant may already have moved the call.
        const moved = v && v.queueId === e.toQueueId && v.queuedAt === e.at && v.answeredAt == null;
        if (!moved) {
          leaveVisit(v, e.at);
          if (e.toQueueId) visits.push({ callId, visit: visits.length + 1, queueId: e.toQueueId, queuedAt: e.at });
        }
        break;
      }
      case 'call.ended': {
        const unanswered = e.outcome ?? (e.by === 'caller' && direction === 'inbound' ? 'abandoned' : 'other');
        const h = openHandling();
        if (h) closeHandling(h, e.at, unanswered);
        const v = currentVisit();
        if (v && v.leftAt == null) {
          if (v.answeredAt != null) v.leftAt = e.at;
          else closeVisit(v, e.at, unanswered);
        }
        ended = { at: e.at, by: e.by, outcome: answeredAt != null ? 'answered' : unanswered };
        break;
      }
      case 'wrapup.started':
      case 'wrapup.completed': {
        // Both belong to the wrap-up of the handling the agent last answered by then.
        const h = wrappedHandling(hs, e.agentId);
        const key = `${e.agentId}\u001f${h?.handling ?? 0}`;
        let w = wraps.get(key);
        if (!w) wraps.set(key, (w = { callId, handling: h?.handling ?? 0, agentId: e.agentId, queueId: h?.queueId ?? null, startedAt: e.at }));
        if (e.type === 'wrapup.started') w.startedAt = Math.min(w.startedAt, e.at);
        else {
          // Without a start, a wrap-up of no length.
          w.completedAt = e.at;
          w.reasonId = e.reasonId;
        }
        break;
      }
    }
  }

  const handlingRows = hs.map(({ visit: _v, holdStart: _s, holdMs, ...h }) => {
    if (h.endedAt == null) return h;
    const ringEnd = h.answeredAt ?? h.endedAt;
    const connected = h.answeredAt != null ? h.endedAt - h.answeredAt : 0;
    return {
      ...h,
      ringTime: sec(ringEnd - h.offeredAt),
      connectedTime: sec(connected),
      holdTime: sec(holdMs),
      talkTime: sec(connected - holdMs),
      handleTime: sec(ringEnd - h.offeredAt + connected),
    };
  });

  const visitRows = visits.map((v, i) => {
    const own = hs.map((h, j) => ({ h, row: handlingRows[j]! })).filter(({ h }) => h.visit === i + 1);
    const answering = own.find(({ h }) => h.answeredAt != null && h.answeredAt === v.answeredAt)?.row;
    const waitEnd = v.answeredAt ?? v.leftAt;
    const done = v.leftAt != null;
    return {
      ...v,
      queueTime: waitEnd != null ? sec(waitEnd - v.queuedAt) : null,
      holdTime: done && answering ? (answering.holdTime ?? null) : null,
      connectedTime: done && answering ? (answering.connectedTime ?? null) : null,
      handleTime: done ? own.reduce((sum, { row }) => sum + (row.handleTime ?? 0), 0) : null,
    };
  });

  const wrapRows = [...wraps.values()].map((w) => ({
    ...w,
    wrapupTime: w.completedAt != null ? sec(w.completedAt - w.startedAt) : null,
  }));

  const first = sorted[0];
  return {
    call: {
      id: callId,
      direction,
      queueId: visits[0]?.queueId ?? null,
      startedAt: first ? first.at : 0,
      answeredAt,
      endedAt: ended?.at ?? null,
      endedBy: ended?.by ?? null,
      outcome: ended?.outcome ?? null,
    },
    visits: visitRows,
    handlings: handlingRows,
    wrapups: wrapRows,
  };
}

/**
 * The handling a wrap-up starting now follows: the agent's latest answered
 * handling of the call so far, else their latest one (none: the agent never had the call).
 */
function wrappedHandling(hs: readonly Handling[], agentId: string): Handling | undefined {
  let latest: Handling | undefined;
  for (let i = hs.length - 1; i >= 0; i--) {
    const h = hs[i]!;
    if (h.agentId !== agentId) continue;
    if (h.answeredAt != null) return h;
    latest ??= h;
  }
  return latest;
}
