import type { calls, handlings, queueVisits, wrapups } from '../db/schema/facts.js';
import { compareEvents, type CallEvent, type FloorEvent } from './events.js';

/**
 * History facts of one call, derived from all of its events (SPEC §4).
 * Derived afresh whenever new events of the call are written to the history,
 * so a late event lands in the right place and the facts never depend on arrival order.
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
  const history = new CallHistory(callId);
  for (const e of sorted) history.apply(e);
  return history.facts(sorted[0]);
}

type Ended = { at: number; by: 'caller' | 'agent' | 'system'; outcome: 'answered' | 'abandoned' | 'other' };

/**
 * A call's history as its events are applied in order. A class rather than
 * closures: deriving runs for every call a catch-up writes, and closures made
 * per call (each named by the TypeScript loader) were a good part of its time.
 */
class CallHistory {
  private readonly visits: Visit[] = [];
  private readonly hs: Handling[] = [];
  /** By agent and handling. */
  private readonly wraps = new Map<string, typeof wrapups.$inferInsert>();
  private direction: 'inbound' | 'outbound' = 'inbound';
  private answeredAt: number | null = null;
  private ended: Ended | null = null;

  constructor(private readonly callId: string) {}

  apply(e: CallEvent): void {
    const { visits, hs } = this;
    switch (e.type) {
      case 'call.queued': {
        const v = this.currentVisit();
        // Back in the same queue after a bounce, or the visit a same-instant transfer opened.
        if (v && v.queueId === e.queueId && v.leftAt == null && v.answeredAt == null) break;
        this.leaveVisit(v, e.at);
        const h = this.openHandling();
        if (h) closeHandling(h, e.at, 'bounced');
        visits.push({ callId: this.callId, visit: visits.length + 1, queueId: e.queueId, queuedAt: e.at });
        break;
      }
      case 'call.dialed':
        this.direction = 'outbound';
        this.startHandling(e.agentId, e.at);
        break;
      case 'call.offered':
        this.startHandling(e.agentId, e.at);
        break;
      case 'call.bounced': {
        const h = this.openHandling();
        if (h && h.agentId === e.agentId && h.answeredAt == null) closeHandling(h, e.at, 'bounced');
        break;
      }
      case 'call.answered': {
        let h = this.openHandling();
        if (!h || h.agentId !== e.agentId || h.answeredAt != null) h = this.startHandling(e.agentId, e.at);
        h.answeredAt = e.at;
        h.result = 'answered';
        this.answeredAt ??= e.at;
        const v = this.openVisit();
        if (v && this.direction === 'inbound') {
          v.answeredAt = e.at;
          v.outcome = 'answered';
          v.agentId = e.agentId;
        }
        break;
      }
      case 'call.held': {
        const h = this.openHandling();
        if (h && h.answeredAt != null && h.holdStart === null) h.holdStart = e.at;
        break;
      }
      case 'call.resumed': {
        const h = this.openHandling();
        if (h && h.holdStart !== null) {
          h.holdMs += e.at - h.holdStart;
          h.holdStart = null;
        }
        break;
      }
      case 'call.transferred': {
        const h = this.openHandling();
        if (h) closeHandling(h, e.at, 'other');
        const v = this.currentVisit();
        // A `call.queued` of the same instant may already have moved the call.
        const moved = v && v.queueId === e.toQueueId && v.queuedAt === e.at && v.answeredAt == null;
        if (!moved) {
          this.leaveVisit(v, e.at);
          if (e.toQueueId) visits.push({ callId: this.callId, visit: visits.length + 1, queueId: e.toQueueId, queuedAt: e.at });
        }
        break;
      }
      case 'call.ended': {
        const unanswered = e.outcome ?? (e.by === 'caller' && this.direction === 'inbound' ? 'abandoned' : 'other');
        const h = this.openHandling();
        if (h) closeHandling(h, e.at, unanswered);
        const v = this.currentVisit();
        if (v && v.leftAt == null) {
          if (v.answeredAt != null) v.leftAt = e.at;
          else closeVisit(v, e.at, unanswered);
        }
        this.ended = { at: e.at, by: e.by, outcome: this.answeredAt != null ? 'answered' : unanswered };
        break;
      }
      case 'wrapup.started':
      case 'wrapup.completed': {
        // Both belong to the wrap-up of the handling the agent last answered by then.
        const h = wrappedHandling(hs, e.agentId);
        const key = `${e.agentId}\u001f${h?.handling ?? 0}`;
        let w = this.wraps.get(key);
        if (!w) this.wraps.set(key, (w = { callId: this.callId, handling: h?.handling ?? 0, agentId: e.agentId, queueId: h?.queueId ?? null, startedAt: e.at }));
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

  /** The rows, built field by field: object spread and rest patterns here were most of the deriving time in a profile. */
  facts(first: CallEvent | undefined): CallFacts {
    const { visits, hs } = this;
    const handlingRows = hs.map(handlingRow);

    const visitRows = visits.map((v, i): Visit => {
      let answering: (typeof handlingRows)[number] | undefined;
      let handleTime = 0;
      for (let j = 0; j < hs.length; j++) {
        if (hs[j]!.visit !== i + 1) continue;
        const row = handlingRows[j]!;
        if (!answering && row.answeredAt != null && row.answeredAt === v.answeredAt) answering = row;
        handleTime += row.handleTime ?? 0;
      }
      const waitEnd = v.answeredAt ?? v.leftAt;
      const done = v.leftAt != null;
      return {
        callId: v.callId,
        visit: v.visit,
        queueId: v.queueId,
        queuedAt: v.queuedAt,
        answeredAt: v.answeredAt,
        leftAt: v.leftAt,
        outcome: v.outcome,
        agentId: v.agentId,
        queueTime: waitEnd != null ? sec(waitEnd - v.queuedAt) : null,
        holdTime: done && answering ? (answering.holdTime ?? null) : null,
        connectedTime: done && answering ? (answering.connectedTime ?? null) : null,
        handleTime: done ? handleTime : null,
      };
    });

    const wrapRows: (typeof wrapups.$inferInsert)[] = [];
    for (const w of this.wraps.values()) {
      wrapRows.push({
        callId: w.callId,
        handling: w.handling,
        agentId: w.agentId,
        queueId: w.queueId,
        startedAt: w.startedAt,
        completedAt: w.completedAt,
        reasonId: w.reasonId,
        wrapupTime: w.completedAt != null ? sec(w.completedAt - w.startedAt) : null,
      });
    }

    const ended = this.ended;
    return {
      call: {
        id: this.callId,
        direction: this.direction,
        queueId: visits[0]?.queueId ?? null,
        startedAt: first ? first.at : 0,
        answeredAt: this.answeredAt,
        endedAt: ended?.at ?? null,
        endedBy: ended?.by ?? null,
        outcome: ended?.outcome ?? null,
      },
      visits: visitRows,
      handlings: handlingRows,
      wrapups: wrapRows,
    };
  }

  private currentVisit(): Visit | undefined {
    return this.visits[this.visits.length - 1];
  }

  private openVisit(): Visit | undefined {
    const v = this.currentVisit();
    return v && v.leftAt == null && v.answeredAt == null ? v : undefined;
  }

  private openHandling(): Handling | undefined {
    const h = this.hs[this.hs.length - 1];
    return h && h.endedAt == null ? h : undefined;
  }

  /** The call moves on from its current queue: after an answer that is a transfer, before one an overflow. */
  private leaveVisit(v: Visit | undefined, at: number): void {
    if (!v || v.leftAt != null) return;
    if (v.answeredAt != null) v.leftAt = at;
    else closeVisit(v, at, 'other');
  }

  private startHandling(agentId: string, at: number): Handling {
    const prior = this.openHandling();
    if (prior) closeHandling(prior, at, 'bounced');
    const v = this.direction === 'inbound' ? this.currentVisit() : undefined;
    const h: Handling = {
      callId: this.callId,
      handling: this.hs.length + 1,
      agentId,
      queueId: v?.queueId ?? null,
      direction: this.direction,
      offeredAt: at,
      visit: v ? this.visits.length : null,
      holdStart: null,
      holdMs: 0,
    };
    this.hs.push(h);
    return h;
  }
}

function closeVisit(v: Visit, at: number, outcome: 'abandoned' | 'other'): void {
  v.leftAt = at;
  v.outcome = outcome;
}

function closeHandling(h: Handling, at: number, unanswered: 'bounced' | 'abandoned' | 'other'): void {
  if (h.holdStart !== null) {
    h.holdMs += at - h.holdStart;
    h.holdStart = null;
  }
  h.endedAt = at;
  if (h.answeredAt == null) h.result = unanswered;
}

/** A handling's row: its times once it ended. */
function handlingRow(h: Handling): typeof handlings.$inferInsert {
  const ended = h.endedAt != null;
  const ringEnd = h.answeredAt ?? h.endedAt ?? 0;
  const connected = ended && h.answeredAt != null ? h.endedAt! - h.answeredAt : 0;
  return {
    callId: h.callId,
    handling: h.handling,
    agentId: h.agentId,
    queueId: h.queueId,
    direction: h.direction,
    offeredAt: h.offeredAt,
    answeredAt: h.answeredAt,
    endedAt: h.endedAt,
    result: h.result,
    ringTime: ended ? sec(ringEnd - h.offeredAt) : undefined,
    connectedTime: ended ? sec(connected) : undefined,
    holdTime: ended ? sec(h.holdMs) : undefined,
    talkTime: ended ? sec(connected - h.holdMs) : undefined,
    handleTime: ended ? sec(ringEnd - h.offeredAt + connected) : undefined,
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
