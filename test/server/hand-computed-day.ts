import { eventFactory } from './harness.js';

/**
 * A hand-computed day in the small test centre, one call per outcome: the
 * statistics (stats.test.ts) and the wrap-up reports (reports*.test.ts) are
 * checked against it. Times are seconds after 09:00 UTC on Monday 2026-03-02.
 *
 *  c1 Sales: rings a-1 15 s (bounced), a-2 answers after 5 s, 40 s on hold, 85 s connected; wrap-up 40 s Resolved
 *  c2 Sales: caller gives up in the queue after 30 s
 *  c3 Sales: caller gives up in the queue after 3 s (a short abandon)
 *  c4 Sales: caller gives up after 4 s ringing at a-1
 *  c5 Sales: the system ends it 3 s into ringing at a-4 (other)
 *  c6 Sales → Support: a-1 answers after 2 s, talks 60 s, transfers; a-3 answers after 2 s, talks 60 s;
 *     wrap-ups a-1 20 s Follow-up, a-3 10 s Resolved
 *  c7 outbound by a-2 at 11:00: answered after 8 s, 60 s; wrap-up 30 s Resolved
 *  c8 Support at 12:00: caller gives up after 100 s
 *  c9 Sales: still connected — counted nowhere yet
 *
 * Agent time (a-2 never signs in, so has handle time and no idle time):
 *  a-1 signs in and joins Sales at −60 s, available from 0, signs out at 900: staffed 960 s
 *      (60 in the 08:45 interval); busy [2, 17) [510, 514) [701, 783): idle 900 − 101 = 799 s
 *  a-3 signs in, joins Support and is available at 700, signs out at 1000: busy [770, 842), idle 228 s
 *  a-4 signs in, joins Sales and Support and is available at 600, signs out at 660: busy [605, 608), idle 57 s
 */
export const T0 = Date.parse('2026-03-02T09:00:00Z');
export const DAY = '2026-03-02';

export function handComputedDay() {
  const ev = eventFactory(T0);
  return [
    ev('agent.signed_in', -60, { agentId: 'a-1' }),
    ev('agent.queue_joined', -60, { agentId: 'a-1', queueId: 'q-sales' }),
    ev('agent.state_changed', 0, { agentId: 'a-1', state: 'available' }),
    ev('agent.signed_out', 900, { agentId: 'a-1' }),
    ev('agent.signed_in', 700, { agentId: 'a-3' }),
    ev('agent.queue_joined', 700, { agentId: 'a-3', queueId: 'q-support' }),
    ev('agent.state_changed', 700, { agentId: 'a-3', state: 'available' }),
    ev('agent.signed_out', 1000, { agentId: 'a-3' }),
    ev('agent.signed_in', 600, { agentId: 'a-4' }),
    ev('agent.queue_joined', 600, { agentId: 'a-4', queueId: 'q-sales' }),
    ev('agent.queue_joined', 600, { agentId: 'a-4', queueId: 'q-support' }),
    ev('agent.state_changed', 600, { agentId: 'a-4', state: 'available' }),
    ev('agent.signed_out', 660, { agentId: 'a-4' }),

    ev('call.queued', 0, { callId: 'c1', queueId: 'q-sales' }),
    ev('call.offered', 2, { callId: 'c1', agentId: 'a-1' }),
    ev('call.bounced', 17, { callId: 'c1', agentId: 'a-1' }),
    ev('call.offered', 20, { callId: 'c1', agentId: 'a-2' }),
    ev('call.answered', 25, { callId: 'c1', agentId: 'a-2' }),
    ev('call.held', 60, { callId: 'c1' }),
    ev('call.resumed', 90, { callId: 'c1' }),
    ev('call.held', 100, { callId: 'c1' }),
    ev('call.ended', 110, { callId: 'c1', by: 'caller' }),
    ev('wrapup.started', 110, { agentId: 'a-2', callId: 'c1' }),
    ev('wrapup.completed', 150, { agentId: 'a-2', callId: 'c1', reasonId: 'w-resolved' }),

    ev('call.queued', 300, { callId: 'c2', queueId: 'q-sales' }),
    ev('call.ended', 330, { callId: 'c2', by: 'caller', outcome: 'abandoned' }),

    ev('call.queued', 400, { callId: 'c3', queueId: 'q-sales' }),
    ev('call.ended', 403, { callId: 'c3', by: 'caller', outcome: 'abandoned' }),

    ev('call.queued', 500, { callId: 'c4', queueId: 'q-sales' }),
    ev('call.offered', 510, { callId: 'c4', agentId: 'a-1' }),
    ev('call.ended', 514, { callId: 'c4', by: 'caller' }),

    ev('call.queued', 600, { callId: 'c5', queueId: 'q-sales' }),
    ev('call.offered', 605, { callId: 'c5', agentId: 'a-4' }),
    ev('call.ended', 608, { callId: 'c5', by: 'system', outcome: 'other' }),

    ev('call.queued', 700, { callId: 'c6', queueId: 'q-sales' }),
    ev('call.offered', 701, { callId: 'c6', agentId: 'a-1' }),
    ev('call.answered', 703, { callId: 'c6', agentId: 'a-1' }),
    ev('call.transferred', 763, { callId: 'c6', toQueueId: 'q-support' }),
    ev('call.queued', 763, { callId: 'c6', queueId: 'q-support' }),
    ev('wrapup.started', 763, { agentId: 'a-1', callId: 'c6' }),
    ev('wrapup.completed', 783, { agentId: 'a-1', callId: 'c6', reasonId: 'w-followup' }),
    ev('call.offered', 770, { callId: 'c6', agentId: 'a-3' }),
    ev('call.answered', 772, { callId: 'c6', agentId: 'a-3' }),
    ev('call.ended', 832, { callId: 'c6', by: 'agent' }),
    ev('wrapup.started', 832, { agentId: 'a-3', callId: 'c6' }),
    ev('wrapup.completed', 842, { agentId: 'a-3', callId: 'c6', reasonId: 'w-resolved' }),

    ev('call.dialed', 7200, { callId: 'c7', agentId: 'a-2' }),
    ev('call.answered', 7208, { callId: 'c7', agentId: 'a-2' }),
    ev('call.ended', 7268, { callId: 'c7', by: 'agent' }),
    ev('wrapup.started', 7268, { agentId: 'a-2', callId: 'c7' }),
    ev('wrapup.completed', 7298, { agentId: 'a-2', callId: 'c7', reasonId: 'w-resolved' }),

    ev('call.queued', 10800, { callId: 'c8', queueId: 'q-support' }),
    ev('call.ended', 10900, { callId: 'c8', by: 'caller', outcome: 'abandoned' }),

    ev('call.queued', 1200, { callId: 'c9', queueId: 'q-sales' }),
    ev('call.offered', 1201, { callId: 'c9', agentId: 'a-2' }),
    ev('call.answered', 1203, { callId: 'c9', agentId: 'a-2' }),
  ];
}
