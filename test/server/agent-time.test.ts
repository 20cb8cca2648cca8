import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { accountAll, AgentTime } from '../../server/domain/agent-time.js';
import type { FloorEvent } from '../../server/domain/events.js';
import type { Contribution } from '../../server/domain/rollup-cells.js';
import { eventFactory, startHarness, type Harness } from './harness.js';
import { storedValue } from './stored-rows.js';

const T0 = Date.parse('2026-03-02T09:10:00Z');
const at = (sec: number) => T0 + sec * 1000;
let seq = 0;
const ev = (type: string, sec: number, fields: Record<string, unknown>) => ({ id: `e${++seq}`, seq, type, at: at(sec), ...fields }) as FloorEvent;

/** Contributions summed per cell, as the rollups would hold them (seconds). */
function cells(contributions: readonly Contribution[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const c of contributions) {
    const key = `${c.family} ${new Date(c.bucket).toISOString().slice(11, 16)} ${c.dims.join('/')}`;
    const sums = (out[key] ??= c.values.map(() => 0));
    c.values.forEach((v, i) => (sums[i]! += v / 1000));
  }
  return out;
}

/** An agent in Sales from 09:10 to 09:30: available at 09:12, a call 09:14–09:19, wrap-up to 09:20, unavailable 09:25. */
function shift(): FloorEvent[] {
  return [
    ev('agent.signed_in', 0, { agentId: 'a-1' }),
    ev('agent.queue_joined', 0, { agentId: 'a-1', queueId: 'q-sales' }),
    ev('agent.state_changed', 120, { agentId: 'a-1', state: 'available' }),
    ev('call.queued', 235, { callId: 'c1', queueId: 'q-sales' }),
    ev('call.offered', 240, { callId: 'c1', agentId: 'a-1' }),
    ev('call.answered', 250, { callId: 'c1', agentId: 'a-1' }),
    ev('call.ended', 540, { callId: 'c1', by: 'caller' }),
    ev('wrapup.started', 540, { agentId: 'a-1', callId: 'c1' }),
    ev('wrapup.completed', 600, { agentId: 'a-1', callId: 'c1', reasonId: 'w' }),
    ev('agent.state_changed', 900, { agentId: 'a-1', state: 'unavailable', reason: 'break' }),
    ev('agent.signed_out', 1200, { agentId: 'a-1' }),
  ];
}

// Staffed 09:10–09:30: 300 s before 09:15, 900 s after. Idle: 09:12–09:14 and 09:20–09:25 = 120 s + 300 s, the first before 09:15.
const SHIFT = {
  'agentTime 09:00 a-1/': [300, 120],
  'agentTime 09:00 a-1/q-sales': [300, 120],
  'queueTime 09:00 q-sales': [300, 120],
  'agentTime 09:15 a-1/': [900, 300],
  'agentTime 09:15 a-1/q-sales': [900, 300],
  'queueTime 09:15 q-sales': [900, 300],
};

describe('agent time', () => {
  it('counts staffed and idle time, cut at interval boundaries', () => {
    assert.deepEqual(cells(accountAll(shift(), at(3600))), SHIFT);
  });

  it('counts the same whatever order the events come in, and however the line moves', () => {
    const events = shift();
    const shuffled = [...events].sort(() => Math.random() - 0.5);
    const t = new AgentTime();
    const out: Contribution[] = [];
    // Events up to a minute late, as the writer allows: each arrives before the line passes it.
    for (let line = at(-60); line <= at(3600); line += 60_000) {
      t.add(shuffled.filter((e) => e.at >= line && e.at < line + 60_000));
      out.push(...t.accountTo(line));
    }
    out.push(...t.accountTo(at(3600)));
    assert.deepEqual(cells(out), SHIFT);
  });

  it('resumes from its saved state as if never stopped', () => {
    const events = shift();
    const first = new AgentTime();
    first.add(events.filter((e) => e.at < at(400)));
    const before = first.accountTo(at(300));
    // Saved mid-call, with an event after the line waiting: the log gives it again on resume.
    const resumed = new AgentTime(JSON.parse(JSON.stringify(first.save())));
    resumed.add(events.filter((e) => e.at >= at(300)));
    assert.deepEqual(cells([...before, ...resumed.accountTo(at(3600))]), SHIFT);
  });

  it('applies an event older than the line from the line on, without rewriting the past', () => {
    const t = new AgentTime();
    t.add([ev('agent.signed_in', 0, { agentId: 'a-9' }), ev('agent.state_changed', 0, { agentId: 'a-9', state: 'available' })]);
    const early = cells(t.accountTo(at(240)));
    assert.deepEqual(early['agentTime 09:00 a-9/'], [240, 240]);
    // Reported four minutes late: the agent went unavailable at 09:12 (at(120)).
    t.add([ev('agent.state_changed', 120, { agentId: 'a-9', state: 'unavailable' })]);
    const later = cells(t.accountTo(at(300)));
    assert.deepEqual(later['agentTime 09:00 a-9/'], [60, 0]);
  });

  it('counts an agent with no events as time passes', () => {
    const t = new AgentTime();
    t.add([ev('agent.signed_in', 0, { agentId: 'a-8' }), ev('agent.state_changed', 0, { agentId: 'a-8', state: 'available' })]);
    t.accountTo(at(60));
    // 09:10 + 3,000 s = 10:00: the whole 09:45 interval, with no event in it.
    assert.deepEqual(cells(t.accountTo(at(3000)))['agentTime 09:45 a-8/'], [900, 900]);
  });
});

describe('agent time in the rollups', () => {
  let h: Harness;
  let now = Date.parse('2026-03-02T10:00:00Z');
  const t0 = Date.parse('2026-03-02T09:00:00Z');
  const clock = () => now;
  const sum = async (sql: string) => {
    await h.services.history.upToDate();
    const value = await storedValue(h.services.store, sql);
    return value === null ? null : Number(value);
  };
  const idleOf = (agentId: string) => sum(`SELECT sum(idle_ms) / 1000 FROM agent_time_buckets WHERE agent_id = '${agentId}' AND queue_id = ''`);

  before(async () => {
    h = await startHarness({ clock, env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
  });
  after(() => h.close());

  it('follows the clock on a quiet floor, a minute behind', async () => {
    const e = eventFactory(t0);
    now = t0;
    await h.events(e('agent.signed_in', 0, { agentId: 'a-3' }), e('agent.state_changed', 0, { agentId: 'a-3', state: 'available' }));
    now = t0 + 10 * 60_000;
    // 10 minutes on the clock, accounted up to a minute behind it.
    assert.equal(await idleOf('a-3'), 9 * 60);
    now = t0 + 30 * 60_000;
    assert.equal(await idleOf('a-3'), 29 * 60);
  });

  it('keeps what it counted across a restart, and counts on from there', async () => {
    const e = eventFactory(t0 + 30 * 60_000);
    await h.events(e('agent.state_changed', 30, { agentId: 'a-3', state: 'unavailable' }));
    now = t0 + 40 * 60_000;
    assert.equal(await idleOf('a-3'), 30 * 60 + 30);
    await h.close({ keepFiles: true });
    h = await startHarness({ clock, dir: h.dir, env: { FLOORVIEW_TIME_ZONE: 'UTC' } });
    now = t0 + 50 * 60_000;
    await h.events(e('agent.state_changed', 20 * 60, { agentId: 'a-3', state: 'available' }));
    now = t0 + 60 * 60_000;
    // Available again from 09:50 to 09:59 (a minute behind the clock).
    assert.equal(await idleOf('a-3'), 30 * 60 + 30 + 9 * 60);
    const staffed = await sum("SELECT sum(staffed_ms) / 1000 FROM agent_time_buckets WHERE agent_id = 'a-3' AND queue_id = ''");
    assert.equal(staffed, 59 * 60);
  });
});
