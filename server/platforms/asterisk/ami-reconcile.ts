import type { Directory } from '../../directory/directory.js';
import type { FloorState } from '../../domain/floor-state.js';
import type { WireEvent } from '../../ingest/event-schema.js';
import { pauseOf, presenceEvents, type AmiEventMapper, type Membership } from './ami-events.js';
import type { AmiMessage } from './ami-message.js';
import { asteriskCallId, asteriskEventId, directoryId } from './asterisk-ids.js';

/**
 * After every (re)connect: what Asterisk reports now (`QueueStatus`: members and waiting callers;
 * `CoreShowChannels`: calls in progress) against what the floor shows, and the events that bring the
 * floor in line — so it is right after a Floorview restart or an AMI outage without waiting for new
 * events. Only what Asterisk owns is touched: agents with `members` in the directory, calls with
 * Asterisk's ids. The mapper is reset to the same picture, so the events that follow build on it.
 */
export function reconcile(
  directory: Directory,
  floor: FloorState,
  mapper: AmiEventMapper,
  queueStatus: readonly AmiMessage[],
  channels: readonly AmiMessage[],
  now: number,
): WireEvent[] {
  const at = new Date(now).toISOString();
  const tag = `r${now}`;
  const queueOf = (name: string | undefined) => {
    const id = name ? directoryId(name) : '';
    return directory.queues.has(id) ? id : null;
  };
  const agentOf = (...names: (string | undefined)[]) => {
    for (const n of names) {
      const agent = n ? directory.agentOfInterface(n) : undefined;
      if (agent) return agent.id;
    }
    return null;
  };

  // Members, as Asterisk has them now.
  const members = new Map<string, Map<string, Membership>>();
  const waiting: { uniqueid: string; queueId: string; wait: number }[] = [];
  for (const m of queueStatus) {
    const queueId = queueOf(m.get('Queue'));
    if (!queueId) continue;
    if (m.event === 'QueueMember') {
      const agent = agentOf(m.get('Location'), m.get('Interface'), m.get('Name'), m.get('StateInterface'));
      if (!agent) continue;
      let queues = members.get(agent);
      if (!queues) members.set(agent, (queues = new Map()));
      queues.set(queueId, pauseOf(m));
    } else if (m.event === 'QueueEntry' && m.get('Uniqueid')) {
      waiting.push({ uniqueid: m.get('Uniqueid')!, queueId, wait: Number(m.get('Wait') ?? 0) });
    }
  }

  // Calls in progress: an agent's channel bridged to a caller still in Queue() (inbound), or an agent's own Dial (outbound).
  const byBridge = new Map<string, AmiMessage[]>();
  for (const c of channels) {
    const bridge = c.get('BridgeId');
    if (bridge) byBridge.set(bridge, [...(byBridge.get(bridge) ?? []), c]);
  }
  const talking: { uniqueid: string; agentId: string; agentChannel: string; outbound: boolean; queueId: string | null }[] = [];
  for (const c of channels) {
    const agentId = agentOf(c.get('Channel'));
    if (!agentId) continue;
    const peers = (byBridge.get(c.get('BridgeId') ?? '') ?? []).filter((p) => p !== c);
    const caller = peers.find((p) => p.get('Application') === 'Queue');
    if (caller) {
      talking.push({ uniqueid: caller.get('Uniqueid')!, agentId, agentChannel: c.get('Channel')!, outbound: false, queueId: queueOf(caller.get('ApplicationData')?.split(',')[0]) });
    } else if (c.get('Application') === 'Dial' && peers.length > 0) {
      talking.push({ uniqueid: c.get('Uniqueid')!, agentId, agentChannel: c.get('Channel')!, outbound: true, queueId: null });
    }
  }
  mapper.reset(members, talking);
  for (const w of waiting) mapper.follow(w.uniqueid);

  const out: WireEvent[] = [];
  // Agents: signed in, joined and paused as Asterisk says.
  for (const agent of directory.agents.values()) {
    if (agent.members.length === 0) continue;
    const live = floor.agents.get(agent.id);
    const before = {
      signedIn: live !== undefined && live.state !== 'signed_out',
      available: live?.state === 'available',
      reason: live?.state === 'unavailable' ? live.stateReason : null,
      joined: live?.joined ?? [],
    };
    out.push(...presenceEvents(agent.id, before, mapper.presence(agent.id), at, tag));
  }

  // Calls: those Asterisk no longer has end; those it has that the floor lacks (or shows otherwise) are put right.
  const present = new Set([...waiting.map((w) => asteriskCallId(w.uniqueid)), ...talking.map((t) => asteriskCallId(t.uniqueid))]);
  for (const call of floor.calls.values()) {
    if (!call.callId.startsWith('ast-') || present.has(call.callId)) continue;
    out.push({ id: asteriskEventId(call.callId.slice(4), 'ended'), type: 'call.ended', at, callId: call.callId, by: 'system' });
  }
  for (const w of waiting) {
    const callId = asteriskCallId(w.uniqueid);
    const live = floor.calls.get(callId);
    if (live?.phase === 'queued' && live.queueId === w.queueId) continue;
    // A call the floor shows ringing or talking is back in the queue: a fact of its own, so its own id.
    const id = live ? asteriskEventId(w.uniqueid, 'queued', w.queueId, tag) : asteriskEventId(w.uniqueid, 'queued', w.queueId);
    const since = live ? at : new Date(now - Math.max(0, w.wait) * 1000).toISOString();
    out.push({ id, type: 'call.queued', at: since, callId, queueId: w.queueId, direction: 'inbound' });
  }
  for (const t of talking) {
    const callId = asteriskCallId(t.uniqueid);
    const live = floor.calls.get(callId);
    if (live && live.agentId === t.agentId && (live.phase === 'connected' || live.phase === 'hold')) continue;
    if (t.outbound) out.push({ id: asteriskEventId(t.uniqueid, 'dialed', t.agentId), type: 'call.dialed', at, callId, agentId: t.agentId });
    else if (!live && t.queueId) out.push({ id: asteriskEventId(t.uniqueid, 'queued', t.queueId), type: 'call.queued', at, callId, queueId: t.queueId, direction: 'inbound' });
    out.push({ id: asteriskEventId(t.uniqueid, 'answered', t.agentId), type: 'call.answered', at, callId, agentId: t.agentId });
  }
  return out;
}
