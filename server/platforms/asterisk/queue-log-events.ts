import { createHash } from 'node:crypto';
import type { WireEvent } from '../../ingest/event-schema.js';
import { asteriskCallId, asteriskEventId } from './asterisk-ids.js';
import { isNone, type QueueLogLine } from './queue-log-line.js';

/** How queue_log names become directory ids: the one lookup the directory offers, injected. */
export interface QueueLogLookups {
  /** The agent a queue member (`PJSIP/1001`, `Local/1001@from-queue/n`, `Agent/1001`) belongs to. */
  agentOf(member: string): string | undefined;
  /** The directory queue of a queue_log queue name. */
  queueOf(queue: string): string | undefined;
}

/** Lines that end a call: after one, nothing more happens to it in queue_log. */
export const CALL_ENDS = new Set(['COMPLETEAGENT', 'COMPLETECALLER', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITWITHKEY', 'EXITEMPTY', 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER', 'AGENTDUMP']);
const TRANSFERS = new Set(['TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER']);
/** Lines about a call (the rest are about members, or carry nothing Floorview keeps). */
export const CALL_EVENTS = new Set([...CALL_ENDS, 'ENTERQUEUE', 'CONNECT', 'RINGNOANSWER', 'RINGCANCELED']);
export const MEMBER_EVENTS = new Set(['ADDMEMBER', 'REMOVEMEMBER', 'PAUSE', 'UNPAUSE', 'PAUSEALL', 'UNPAUSEALL', 'AGENTLOGIN', 'AGENTLOGOFF', 'AGENTCALLBACKLOGIN', 'AGENTCALLBACKLOGOFF']);

/** A call or line the directory cannot place: it is not written. */
export class NotInDirectory {
  constructor(readonly kind: 'member' | 'queue') {}
}

/** What a call came to, for the summary. */
export type CallOutcome = 'answered' | 'abandoned' | 'other';

/** A line as parsed (time, call id, queue, member, event, data): the same in every layout. */
export function lineKey(l: QueueLogLine): string {
  return `${l.at}|${l.callId}|${l.queue}|${l.member}|${l.event}|${l.data.join('|')}`;
}

/**
 * Event ids from the call (or member), the event and the line's content, with a suffix per event a
 * line gives: importing a file again, or a copy of it in another layout, repeats the ids, which
 * ingestion ignores.
 */
const eventId = (l: QueueLogLine, suffix: string) =>
  asteriskEventId(isNone(l.callId) ? l.member : l.callId, `ql-${l.event.toLowerCase()}`, suffix, createHash('sha1').update(lineKey(l)).digest('base64url').slice(0, 16));
/** Whether an event came from a queue_log import (its kind is `ql-…`), not live over AMI. */
export const isQueueLogEventId = (id: string): boolean => id.split(':')[2]?.startsWith('ql-') === true;
const iso = (ms: number) => new Date(ms).toISOString();
const ms = (field: string | undefined, unit: number) => {
  const v = Number(field);
  return field !== undefined && field !== '' && Number.isFinite(v) && v >= 0 ? v * unit : 0;
};

/**
 * A complete call's lines (sorted, duplicates gone) as SPEC §3 events. queue_log stamps the end of a
 * ring, with its length: the offer is placed that long before (never before the caller queued).
 */
export function callEvents(lines: readonly QueueLogLine[], lookups: QueueLogLookups): { events: WireEvent[]; outcome: CallOutcome } | NotInDirectory {
  const events: WireEvent[] = [];
  let queuedAt = -Infinity;
  let outcome: CallOutcome = 'other';
  /** A ring canceled by the caller hanging up is the abandon's, not a bounce. */
  let canceledRing = -1;
  const agent = (l: QueueLogLine) => lookups.agentOf(l.member);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const callId = asteriskCallId(l.callId);
    const at = iso(l.at);
    switch (l.event) {
      case 'ENTERQUEUE': {
        const queueId = lookups.queueOf(l.queue);
        if (queueId === undefined) return new NotInDirectory('queue');
        events.push({ type: 'call.queued', id: eventId(l, 'q'), at, callId, queueId });
        queuedAt = l.at;
        break;
      }
      case 'RINGNOANSWER':
      case 'RINGCANCELED':
      case 'CONNECT': {
        const agentId = agent(l);
        if (agentId === undefined) return new NotInDirectory('member');
        // RINGNOANSWER and RINGCANCELED give the ring in ms; CONNECT in seconds, third.
        const ring = l.event === 'CONNECT' ? ms(l.data[2], 1000) : ms(l.data[0], 1);
        events.push({ type: 'call.offered', id: eventId(l, 'o'), at: iso(Math.max(l.at - ring, queuedAt)), callId, agentId });
        if (l.event === 'CONNECT') {
          events.push({ type: 'call.answered', id: eventId(l, 'a'), at, callId, agentId });
          outcome = 'answered';
        } else {
          events.push({ type: 'call.bounced', id: eventId(l, 'b'), at, callId, agentId });
          if (l.event === 'RINGCANCELED') canceledRing = events.length - 1;
        }
        break;
      }
      case 'COMPLETEAGENT':
      case 'COMPLETECALLER':
      case 'AGENTDUMP':
        events.push({ type: 'call.ended', id: eventId(l, 'e'), at, callId, by: l.event === 'COMPLETECALLER' ? 'caller' : 'agent' });
        break;
      case 'ABANDON':
      case 'EXITWITHKEY':
      case 'EXITWITHTIMEOUT':
      case 'EXITEMPTY': {
        if (canceledRing === events.length - 1) events.pop();
        const byCaller = l.event === 'ABANDON' || l.event === 'EXITWITHKEY';
        const abandoned = l.event === 'ABANDON';
        events.push({ type: 'call.ended', id: eventId(l, 'e'), at, callId, by: byCaller ? 'caller' : 'system', outcome: abandoned ? 'abandoned' : 'other' });
        if (outcome !== 'answered') outcome = abandoned ? 'abandoned' : 'other';
        break;
      }
      default:
        if (TRANSFERS.has(l.event)) {
          events.push({ type: 'call.transferred', id: eventId(l, 't'), at, callId });
          // Handed on out of the queues: the call is over for Floorview. Into a queue, its next ENTERQUEUE follows.
          if (i === lines.length - 1) events.push({ type: 'call.ended', id: eventId(l, 'e'), at, callId, by: 'agent' });
        }
    }
  }
  return { events, outcome };
}

/** A member line (ADDMEMBER, PAUSE, AGENTLOGIN…) as its event; null for a line that carries none. */
export function memberEvent(l: QueueLogLine, lookups: QueueLogLookups): WireEvent | NotInDirectory | null {
  const agentId = lookups.agentOf(l.member);
  if (agentId === undefined) return new NotInDirectory('member');
  const at = iso(l.at);
  const id = eventId(l, 'm');
  switch (l.event) {
    case 'ADDMEMBER':
    case 'REMOVEMEMBER': {
      const queueId = lookups.queueOf(l.queue);
      if (queueId === undefined) return new NotInDirectory('queue');
      return { type: l.event === 'ADDMEMBER' ? 'agent.queue_joined' : 'agent.queue_left', id, at, agentId, queueId };
    }
    case 'PAUSE':
    case 'PAUSEALL': {
      const reason = l.data[0]?.slice(0, 100);
      return { type: 'agent.state_changed', id, at, agentId, state: 'unavailable', ...(reason ? { reason } : {}) };
    }
    case 'UNPAUSE':
    case 'UNPAUSEALL':
      return { type: 'agent.state_changed', id, at, agentId, state: 'available' };
    case 'AGENTLOGIN':
    case 'AGENTCALLBACKLOGIN':
      return { type: 'agent.signed_in', id, at, agentId };
    case 'AGENTLOGOFF':
    case 'AGENTCALLBACKLOGOFF':
      return { type: 'agent.signed_out', id, at, agentId };
  }
  return null;
}
