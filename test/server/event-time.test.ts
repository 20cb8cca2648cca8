import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { eventFactory, INTEGRATION, startHarness, type Harness } from './harness.js';

const DAY = 86_400_000;

describe('event time: the acceptance window and stale events', () => {
  let h: Harness;
  /** The test's clock: ingestion judges event times by it, never by the machine's. */
  let now = Date.parse('2026-03-10T12:00:00Z');
  const count = async () => (await h.services.store.get<{ n: number }>(sql`select count(*) as n from events`))!.n;
  const fieldsOf = async (res: Response) => ((await res.json()) as { error: { fields: Record<string, string> } }).error.fields;

  before(async () => {
    h = await startHarness({ clock: () => now, env: { FLOORVIEW_EVENT_MAX_AGE_DAYS: '7', FLOORVIEW_EVENT_MAX_FUTURE_SECONDS: '60' } });
  });
  after(() => h.close());

  it('refuses events before 2000, older than the window or beyond the future skew, naming each field', async () => {
    const before = await count();
    const at = (iso: string) => ({ id: `old-${iso}`, type: 'agent.signed_in', agentId: 'a-1', at: iso });
    const res = await h.post(
      '/api/v1/events',
      {
        events: [
          at('1970-01-01T00:00:00Z'),
          at('0001-01-01T00:00:00Z'),
          at(new Date(now - 8 * DAY).toISOString()),
          at(new Date(now - 6 * DAY).toISOString()),
          at(new Date(now + 61_000).toISOString()),
          at(new Date(now + 59_000).toISOString()),
        ],
      },
      INTEGRATION,
    );
    assert.equal(res.status, 400);
    const fields = await fieldsOf(res);
    assert.match(fields['events[0].at']!, /older than/);
    assert.match(fields['events[1].at']!, /older than/);
    assert.match(fields['events[2].at']!, /older than 7 days/);
    assert.equal(fields['events[3].at'], undefined);
    assert.match(fields['events[4].at']!, /more than 60 seconds in the future/);
    assert.equal(fields['events[5].at'], undefined);
    assert.equal(await count(), before, 'a refused batch stores nothing');
  });

  it('never moves the live floor backwards for a late event, and still records it in the history', async () => {
    const ev = eventFactory(now - 10 * 60_000);
    await h.events(
      ev('agent.signed_in', 0, { agentId: 'a-1' }),
      ev('agent.queue_joined', 1, { agentId: 'a-1', queueId: 'q-sales' }),
      ev('agent.state_changed', 2, { agentId: 'a-1', state: 'available' }),
      ev('call.queued', 300, { callId: 'c-live', queueId: 'q-sales' }),
      ev('call.offered', 302, { callId: 'c-live', agentId: 'a-1' }),
      ev('call.answered', 305, { callId: 'c-live', agentId: 'a-1' }),
    );
    const sam = await h.login('sam');
    const row = async () =>
      (await (await h.get('/api/v1/agents/a-1', sam)).json()) as { state: string; stateSince: string; contactState: string; callId: string | null };
    const live = await row();
    assert.equal(live.state, 'available');
    assert.equal(live.contactState, 'connected');

    // A day late: a sign-out, a state change and a whole call of that agent.
    const old = eventFactory(now - DAY);
    await h.events(
      old('agent.state_changed', 0, { agentId: 'a-1', state: 'unavailable', reason: 'Lunch' }),
      old('call.queued', 10, { callId: 'c-old', queueId: 'q-sales' }),
      old('call.offered', 12, { callId: 'c-old', agentId: 'a-1' }),
      old('call.answered', 15, { callId: 'c-old', agentId: 'a-1' }),
      old('call.held', 20, { callId: 'c-old' }),
      old('call.ended', 90, { callId: 'c-old', by: 'caller' }),
      old('agent.signed_out', 100, { agentId: 'a-1' }),
    );
    // Minutes late (well past the 30 s reorder window), a second older than the current state.
    await h.events(ev('agent.state_changed', 1, { agentId: 'a-1', state: 'unavailable', reason: 'Break' }));
    assert.deepEqual(await row(), live, 'the live row is unchanged');

    // The history has them all: the late call's facts and the late state changes.
    await h.get('/api/v1/stats/queues?from=2026-03-01&to=2026-03-10&tz=UTC', sam);
    const call = await h.services.store.get<{ answered_at: number; ended_at: number }>(sql`select answered_at, ended_at from calls where id = 'c-old'`);
    assert.equal(call?.answered_at, now - DAY + 15_000);
    assert.equal(call?.ended_at, now - DAY + 90_000);
    const states = await h.services.store.all<{ state: string }>(sql`select state from agent_state_changes where agent_id = 'a-1' and at < ${now - 60 * 60_000} order by at`);
    assert.deepEqual(states.map((s) => s.state), ['unavailable', 'signed_out']);
    assert.equal(
      (await h.services.store.get<{ n: number }>(sql`select count(*) as n from agent_state_changes where agent_id = 'a-1' and reason = 'Break'`))!.n,
      1,
    );

    // A newer event still moves it, in the ordinary way.
    now += 1_000;
    await h.events({ id: 'fresh-1', type: 'agent.state_changed', agentId: 'a-1', state: 'unavailable', reason: 'Break', at: new Date(now).toISOString() });
    const after = await row();
    assert.equal(after.state, 'unavailable');
    assert.equal(after.stateSince, new Date(now).toISOString());
    assert.equal(after.contactState, 'connected');
  });
});
