import { eventFactory, type TestServer } from './test-server.js';

/**
 * A finished day for the history widgets, Monday 2 March 2026 (UTC), in the
 * widget tests' centre (test/support/centre.ts):
 *  h1 Sales 09:00: rings 李娜 15 s (bounced), Wang Wei answers after 5 s, 30 s on hold, 85 s connected; wrap-up 40 s
 *  h2 Sales 09:05: the caller gives up after 30 s in the queue
 *  h3 Support 10:00: Olivia Smith answers after 2 s, 60 s; wrap-up 10 s
 *  h4 11:00, outbound by the agent with an HTML name: answered after 8 s, 60 s
 *
 * The agents' sessions around them, each signed in, joined to one queue and available at once
 * (times from 09:00:00, in seconds; idle = available with no call, offer to end, and no wrap-up):
 *  Wang Wei, Sales, −720 to 1800 (08:48–09:30), unavailable from 1120:
 *    idle 740 (−720 to the offer at 20) + 970 (wrap-up done at 150, to 1120) = 1710 s; handle 90 s → occupancy 5 %
 *  李娜, Sales, 0 to 720 (09:00–09:12): idle 2 + 703 (bounced at 17) = 705 s; handle 15 s → 15/720 = 2.1 %
 *  Olivia Smith, Support, 3240 to 4680 (09:54–10:18): idle 361 + 1007 (wrap-up done at 3673) = 1368 s; handle 62 s → 62/1430 = 4.3 %
 *  HTML name, Sales, 6840 to 7920 (10:54–11:12): idle 360 + 652 (h4 over at 7268) = 1012 s; no Sales calls → 0 %;
 *    handle 68 s (outbound) → 68/1080 = 6.3 % over all their calls
 *  All agents: handle 15 + 90 + 62 + 68 = 235 s, idle 4795 s → occupancy 235/5030 = 4.7 %
 *
 * Staffed agents by hour (signed in and joined, both queues): 08:00 0.2 · 09:00 0.5 + 0.2 + 0.1 = 0.8 ·
 * 10:00 0.3 + 0.1 = 0.4 · 11:00 0.2. Agents needed (Erlang C, one hour's load): 09:00 1 (Sales: 2 calls,
 * one answered), 10:00 1 (Support: 1 call), every other hour 0 (no calls). Each queue against its own
 * staffing: 09:00 Sales 1 − 0.7 = 0.3 short, 10:00 Support 1 − 0.3 = 0.7 short (Sales' 0.1 spare does
 * not cover it). So 2 of 24 hours are short: 0.5 on average, 0.7 at most. Support alone: 10:00, 0.7.
 */
export const HISTORY_DAY = '2026-03-02';

/** An agent's session: signed in, joined to `queueId` and available at `from`, signed out at `to`. */
function session(ev: ReturnType<typeof eventFactory>, agentId: string, queueId: string, from: number, to: number) {
  return [
    ev('agent.signed_in', from, { agentId }),
    ev('agent.queue_joined', from, { agentId, queueId }),
    ev('agent.state_changed', from, { agentId, state: 'available' }),
    ev('agent.signed_out', to, { agentId }),
  ];
}

export async function historyCalls(server: TestServer): Promise<void> {
  const ev = eventFactory(Date.parse(`${HISTORY_DAY}T09:00:00Z`));
  await server.events(
    ...session(ev, 'a-2', 'q-sales', -720, 1800),
    ev('agent.state_changed', 1120, { agentId: 'a-2', state: 'unavailable' }),
    ...session(ev, 'a-1', 'q-sales', 0, 720),
    ...session(ev, 'a-3', 'q-support', 3240, 4680),
    ...session(ev, 'a-4', 'q-sales', 6840, 7920),
    ev('call.queued', 0, { callId: 'h1', queueId: 'q-sales' }),
    ev('call.offered', 2, { callId: 'h1', agentId: 'a-1' }),
    ev('call.bounced', 17, { callId: 'h1', agentId: 'a-1' }),
    ev('call.offered', 20, { callId: 'h1', agentId: 'a-2' }),
    ev('call.answered', 25, { callId: 'h1', agentId: 'a-2' }),
    ev('call.held', 60, { callId: 'h1' }),
    ev('call.resumed', 90, { callId: 'h1' }),
    ev('call.ended', 110, { callId: 'h1', by: 'caller' }),
    ev('wrapup.started', 110, { agentId: 'a-2', callId: 'h1' }),
    ev('wrapup.completed', 150, { agentId: 'a-2', callId: 'h1', reasonId: 'w-resolved' }),
    ev('call.queued', 300, { callId: 'h2', queueId: 'q-sales' }),
    ev('call.ended', 330, { callId: 'h2', by: 'caller', outcome: 'abandoned' }),
    ev('call.queued', 3600, { callId: 'h3', queueId: 'q-support' }),
    ev('call.offered', 3601, { callId: 'h3', agentId: 'a-3' }),
    ev('call.answered', 3603, { callId: 'h3', agentId: 'a-3' }),
    ev('call.ended', 3663, { callId: 'h3', by: 'agent' }),
    ev('wrapup.started', 3663, { agentId: 'a-3', callId: 'h3' }),
    ev('wrapup.completed', 3673, { agentId: 'a-3', callId: 'h3', reasonId: 'w-resolved' }),
    ev('call.dialed', 7200, { callId: 'h4', agentId: 'a-4' }),
    ev('call.answered', 7208, { callId: 'h4', agentId: 'a-4' }),
    ev('call.ended', 7268, { callId: 'h4', by: 'agent' }),
  );
}
