import type { Directory } from '../../directory/directory.js';
import type { WireEvent } from '../../ingest/event-schema.js';
import type { AmiMessage } from './ami-message.js';
import { asteriskCallId, asteriskEventId, atSecond, directoryId } from './asterisk-ids.js';

/** A queue member as Asterisk reports it: paused or not, with its reason. */
export interface Membership {
  /** The interface as Asterisk names this member: what QueuePause and QueueRemove must say. */
  interface: string;
  paused: boolean;
  reason: string | null;
}

/** A call Floorview follows: the caller's channel (inbound) or the agent's (outbound). */
interface Call {
  callId: string;
  uniqueid: string;
  agentId: string | null;
  /** The agent's channel once connected: how Hold, Hangup and ChanSpy find the call. */
  agentChannel: string | null;
  answered: boolean;
  outbound: boolean;
}

/** What an agent's memberships add up to on Floorview's floor. */
interface Presence {
  signedIn: boolean;
  available: boolean;
  reason: string | null;
  joined: readonly string[];
}

/**
 * Turns Asterisk's queue and channel events into SPEC §3 events. Ids come from Asterisk's Uniqueid
 * (server/platforms/asterisk/asterisk-ids.ts), so an event Asterisk sends twice is a duplicate.
 *
 * Asterisk pauses a member per queue; Floorview's agent is available or not. An agent is signed in
 * while a member of any of their queues, available while unpaused in at least one, and unavailable
 * with the pause's reason otherwise.
 */
export class AmiEventMapper {
  /** By the caller channel's Uniqueid (inbound) or the agent channel's (outbound). */
  private readonly calls = new Map<string, Call>();
  private readonly byAgentChannel = new Map<string, Call>();
  /** The call each agent is wrapping up (after AgentComplete), for a reason the dialplan sends. */
  private readonly wrapping = new Map<string, Call>();
  /** Each agent's memberships by queue id. */
  readonly members = new Map<string, Map<string, Membership>>();

  constructor(private readonly directory: Directory) {}

  /** The call an agent is on, by agent: for monitoring (ChanSpy needs the agent's channel). */
  channelOf(agentId: string): string | null {
    for (const c of this.byAgentChannel.values()) if (c.agentId === agentId && c.agentChannel) return c.agentChannel;
    return null;
  }

  map(m: AmiMessage, at: number): WireEvent[] {
    const out: WireEvent[] = [];
    const iso = new Date(at).toISOString();
    const sec = atSecond(at);
    const uniqueid = m.get('Uniqueid') ?? '';
    const queueId = this.queueOf(m.get('Queue'));
    const agent = this.agentOf(m);

    switch (m.event) {
      case 'QueueCallerJoin': {
        if (!queueId || !uniqueid) break;
        const call = this.callFor(uniqueid, false);
        out.push({ id: asteriskEventId(uniqueid, 'queued', queueId), type: 'call.queued', at: iso, callId: call.callId, queueId, direction: 'inbound' });
        break;
      }
      case 'AgentCalled': {
        const call = this.calls.get(uniqueid);
        if (!call || !agent) break;
        call.agentId = agent;
        out.push({ id: asteriskEventId(uniqueid, 'offered', agent, sec), type: 'call.offered', at: iso, callId: call.callId, agentId: agent });
        break;
      }
      case 'AgentRingNoAnswer':
      case 'AgentDump': {
        const call = this.calls.get(uniqueid);
        if (!call || !agent) break;
        if (call.agentId === agent) call.agentId = null;
        out.push({ id: asteriskEventId(uniqueid, 'bounced', agent, sec), type: 'call.bounced', at: iso, callId: call.callId, agentId: agent });
        break;
      }
      case 'AgentConnect': {
        const call = this.calls.get(uniqueid);
        if (!call || !agent) break;
        this.connect(call, agent, m.get('DestChannel') ?? null);
        out.push({ id: asteriskEventId(uniqueid, 'answered', agent), type: 'call.answered', at: iso, callId: call.callId, agentId: agent });
        break;
      }
      case 'AgentComplete': {
        const call = this.calls.get(uniqueid);
        if (!call || !agent) break;
        const reason = m.get('Reason');
        // A transferred call goes on (the transfer event said so); the agent's handling ends either way.
        if (reason !== 'transfer') out.push(this.ended(call, reason === 'agent' ? 'agent' : 'caller', iso));
        // Asterisk's after-call work (the queue's wrapuptime): the reason is chosen at the agent desk, or sent by the dialplan.
        out.push({ id: asteriskEventId(uniqueid, 'wrapup', agent), type: 'wrapup.started', at: iso, agentId: agent, callId: call.callId });
        this.wrapping.set(agent, call);
        this.forget(call);
        break;
      }
      case 'QueueCallerAbandon': {
        const call = this.calls.get(uniqueid);
        if (!call) break;
        out.push({ ...this.ended(call, 'caller', iso), outcome: 'abandoned' });
        this.forget(call);
        break;
      }
      case 'Hold':
      case 'Unhold': {
        const call = this.calls.get(uniqueid) ?? this.byAgentChannel.get(m.get('Channel') ?? '');
        if (!call?.answered) break;
        const held = m.event === 'Hold';
        out.push({ id: asteriskEventId(call.uniqueid, held ? 'held' : 'resumed', sec), type: held ? 'call.held' : 'call.resumed', at: iso, callId: call.callId });
        break;
      }
      case 'BlindTransfer':
      case 'AttendedTransfer': {
        if (m.get('Result') !== undefined && m.get('Result') !== 'Success') break;
        const transferer = m.get('TransfererChannel') ?? m.get('OrigTransfererChannel') ?? '';
        const call = this.byAgentChannel.get(transferer);
        if (!call) break;
        const toQueueId = m.event === 'BlindTransfer' ? this.queueOf(m.get('Extension')) : null;
        out.push({
          id: asteriskEventId(call.uniqueid, 'transferred', sec),
          type: 'call.transferred',
          at: iso,
          callId: call.callId,
          ...(toQueueId ? { toQueueId } : {}),
        });
        this.byAgentChannel.delete(transferer);
        call.agentChannel = null;
        call.agentId = null;
        break;
      }
      case 'DialBegin': {
        // An agent's own call out: their phone dials, not a queue dialling them.
        const channel = m.get('Channel') ?? '';
        const dialer = this.directory.agentOfInterface(channel)?.id;
        if (!dialer || this.byAgentChannel.has(channel) || this.calls.has(uniqueid)) break;
        const call = this.callFor(uniqueid, true);
        this.connect(call, dialer, channel);
        call.answered = false;
        out.push({ id: asteriskEventId(uniqueid, 'dialed', dialer), type: 'call.dialed', at: iso, callId: call.callId, agentId: dialer });
        break;
      }
      case 'DialEnd': {
        const call = this.calls.get(uniqueid);
        if (!call?.outbound || call.answered || m.get('DialStatus') !== 'ANSWER' || !call.agentId) break;
        call.answered = true;
        out.push({ id: asteriskEventId(uniqueid, 'answered', call.agentId), type: 'call.answered', at: iso, callId: call.callId, agentId: call.agentId });
        break;
      }
      case 'Hangup': {
        const call = this.calls.get(uniqueid);
        if (call) {
          // A caller who hangs up before any agent answered and after leaving the queue (a timeout, an exit key): not abandoned.
          const by = call.outbound ? 'agent' : 'caller';
          out.push({ ...this.ended(call, by, iso), ...(!call.answered && !call.outbound ? { outcome: 'other' as const, by: 'system' as const } : {}) });
          this.forget(call);
          break;
        }
        const leg = this.byAgentChannel.get(m.get('Channel') ?? '');
        if (leg) this.byAgentChannel.delete(m.get('Channel')!);
        break;
      }
      case 'UserEvent': {
        // `UserEvent(FloorviewWrapup,Reason: <wrap-up reason id>)` in the dialplan, on the agent's own channel
        // (or naming the agent with `Interface: PJSIP/1001`): the reason collected on the phone or in an IVR.
        if (m.get('UserEvent') !== 'FloorviewWrapup') break;
        const who = agent ?? this.directory.agentOfInterface(m.get('Channel') ?? '')?.id;
        const wrapped = who ? this.wrapping.get(who) : undefined;
        const reasonId = m.get('Reason')?.trim();
        // An unknown reason would have ingestion refuse the whole batch it came in.
        if (!who || !wrapped || !reasonId || !this.directory.wrapupReasons.has(reasonId)) break;
        out.push({ id: asteriskEventId(wrapped.uniqueid, 'wrapup-completed', who), type: 'wrapup.completed', at: iso, agentId: who, callId: wrapped.callId, reasonId });
        this.wrapping.delete(who);
        break;
      }
      case 'QueueMemberAdded':
      case 'QueueMemberStatus':
      case 'QueueMemberPause': {
        if (!agent || !queueId) break;
        out.push(...this.membership(agent, (queues) => queues.set(queueId, pauseOf(m)), iso, sec));
        break;
      }
      case 'QueueMemberRemoved': {
        if (!agent || !queueId) break;
        out.push(...this.membership(agent, (queues) => queues.delete(queueId), iso, sec));
        break;
      }
    }
    return out;
  }

  /** Replaces what the mapper believes with what Asterisk reports (after a (re)connect). */
  reset(members: ReadonlyMap<string, Map<string, Membership>>, calls: readonly { uniqueid: string; agentId: string; agentChannel: string; outbound: boolean }[]): void {
    this.members.clear();
    for (const [agent, queues] of members) this.members.set(agent, new Map(queues));
    this.calls.clear();
    this.byAgentChannel.clear();
    for (const c of calls) {
      const call = this.callFor(c.uniqueid, c.outbound);
      this.connect(call, c.agentId, c.agentChannel);
    }
  }

  /** Follows an inbound call Asterisk reports waiting (after a reconnect). */
  follow(uniqueid: string): string {
    return this.callFor(uniqueid, false).callId;
  }

  presence(agentId: string): Presence {
    const queues = this.members.get(agentId) ?? new Map<string, Membership>();
    const memberships = [...queues.values()];
    const unpaused = memberships.some((m) => !m.paused);
    return {
      signedIn: memberships.length > 0,
      available: unpaused,
      reason: unpaused ? null : (memberships.find((m) => m.reason)?.reason ?? null),
      joined: [...queues.keys()].filter((q) => this.directory.isAssigned(agentId, q)).sort(),
    };
  }

  private membership(agentId: string, change: (queues: Map<string, Membership>) => void, at: string, sec: number): WireEvent[] {
    const before = this.presence(agentId);
    let queues = this.members.get(agentId);
    if (!queues) this.members.set(agentId, (queues = new Map()));
    change(queues);
    if (queues.size === 0) this.members.delete(agentId);
    return presenceEvents(agentId, before, this.presence(agentId), at, `${sec}`);
  }

  private callFor(uniqueid: string, outbound: boolean): Call {
    let call = this.calls.get(uniqueid);
    if (!call) this.calls.set(uniqueid, (call = { callId: asteriskCallId(uniqueid), uniqueid, agentId: null, agentChannel: null, answered: false, outbound }));
    return call;
  }

  private connect(call: Call, agentId: string, agentChannel: string | null): void {
    call.agentId = agentId;
    call.answered = true;
    if (agentChannel) {
      call.agentChannel = agentChannel;
      this.byAgentChannel.set(agentChannel, call);
    }
  }

  private ended(call: Call, by: 'caller' | 'agent' | 'system', at: string): Extract<WireEvent, { type: 'call.ended' }> {
    return { id: asteriskEventId(call.uniqueid, 'ended'), type: 'call.ended', at, callId: call.callId, by };
  }

  private forget(call: Call): void {
    this.calls.delete(call.uniqueid);
    if (call.agentChannel) this.byAgentChannel.delete(call.agentChannel);
  }

  /** A queue Asterisk names, as the directory knows it (its id is the Asterisk name); null for a queue not configured. */
  private queueOf(name: string | undefined): string | null {
    if (!name) return null;
    const id = directoryId(name);
    return this.directory.queues.has(id) ? id : null;
  }

  /** The agent an event's member is: by its interface (Asterisk 12+), else the older `Location`, else the member name. */
  private agentOf(m: AmiMessage): string | null {
    for (const key of ['Interface', 'Location', 'MemberName']) {
      const value = m.get(key);
      const agent = value ? this.directory.agentOfInterface(value) : undefined;
      if (agent) return agent.id;
    }
    return null;
  }
}

export function pauseOf(m: AmiMessage): Membership {
  const reason = m.get('PausedReason') || m.get('Reason') || null;
  const iface = m.get('Interface') ?? m.get('Location') ?? m.get('Name') ?? '';
  return { interface: iface, paused: m.get('Paused') === '1', reason: reason?.slice(0, 100) ?? null };
}

/** The events that take the floor from one presence of an agent to another. `tag` tells this change's ids apart. */
export function presenceEvents(agentId: string, before: Presence, after: Presence, at: string, tag: string): WireEvent[] {
  const out: WireEvent[] = [];
  const id = (kind: string, ...details: string[]) => asteriskEventId(agentId, kind, ...details, tag);
  if (after.signedIn && !before.signedIn) out.push({ id: id('signed-in'), type: 'agent.signed_in', at, agentId });
  for (const q of after.joined) if (!before.joined.includes(q)) out.push({ id: id('joined', q), type: 'agent.queue_joined', at, agentId, queueId: q });
  for (const q of before.joined) if (!after.joined.includes(q)) out.push({ id: id('left', q), type: 'agent.queue_left', at, agentId, queueId: q });
  if (!after.signedIn) {
    if (before.signedIn) out.push({ id: id('signed-out'), type: 'agent.signed_out', at, agentId });
    return out;
  }
  const stateChanged = !before.signedIn || before.available !== after.available || before.reason !== after.reason;
  if (stateChanged) {
    out.push(
      after.available
        ? { id: id('available'), type: 'agent.state_changed', at, agentId, state: 'available' }
        : { id: id('unavailable'), type: 'agent.state_changed', at, agentId, state: 'unavailable', ...(after.reason ? { reason: after.reason } : {}) },
    );
  }
  return out;
}
