import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { SupervisorCommand } from '../../server/commands/command.js';
import type { Store } from '../../server/db/store.js';
import { Directory } from '../../server/directory/directory.js';
import { parseDirectoryFile, type DirectoryFile } from '../../server/directory/directory-file.js';
import { generateCentre } from '../../server/directory/generate-centre.js';
import { upsertDirectory } from '../../server/directory/upsert-directory.js';
import type { LiveAgent } from '../../server/domain/floor-state.js';
import { restoreFloor, saveFloor } from '../../server/floor/floor-snapshot.js';
import type { LiveFloor } from '../../server/floor/live-floor.js';
import { IngestService } from '../../server/ingest/ingest-service.js';
import { History } from '../../server/history/history.js';
import { Simulator, type BackfillStats } from '../../server/simulator/simulator.js';
import { openTestStore } from '../support/test-store.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A fixed past day, so every run simulates the same stretch of time. */
const DAY_START = Date.UTC(2025, 2, 4);
const demo = generateCentre({ agents: 60, queues: 8, seed: 1 });

const SPEC_EVENT_TYPES = [
  'agent.signed_in',
  'agent.signed_out',
  'agent.state_changed',
  'agent.queue_joined',
  'agent.queue_left',
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
];

const tmp = mkdtempSync(join(tmpdir(), 'floorview-sim-'));
const stores: Store[] = [];
after(async () => {
  for (const store of stores) await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Centre {
  database: Store;
  directory: Directory;
  floor: LiveFloor;
  ingest: IngestService;
  history: History;
}

let dbCount = 0;
/** A new centre on a store of the run's dialect: a SQLite file, or a PostgreSQL database of its own. */
async function openCentre(file: DirectoryFile = demo): Promise<Centre> {
  const dir = join(tmp, `sim-${++dbCount}`);
  mkdirSync(dir);
  const database = await openTestStore(dir);
  stores.push(database);
  await upsertDirectory(database, file);
  return attach(database);
}

/** The live side of a process on `database`: what a (re)started server builds. */
async function attach(database: Store): Promise<Centre> {
  const directory = await Directory.load(database);
  const floor = await restoreFloor(database, directory);
  const ingest = new IngestService(database, directory, Date.now);
  ingest.onIngested((fresh) => floor.apply(fresh));
  return { database, directory, floor, ingest, history: (await History.open(database, ingest.store)).follow(ingest) };
}

/** Read once the history of every accepted event is written, as every reader of it does first. */
async function rows<T>(c: Centre, query: ReturnType<typeof sql>): Promise<T[]> {
  await c.history.upToDate();
  return c.database.all<T>(query);
}
const one = async <T>(c: Centre, query: ReturnType<typeof sql>) => (await rows<T>(c, query))[0]!;
const storedEvents = (c: Centre) => rows(c, sql`select id, type, at, agent_id, call_id, queue_id, data from events order by seq`);
const liveAgents = (c: Centre, test: (a: LiveAgent) => boolean) => [...c.floor.state.agents.values()].filter(test);

describe('generateCentre', () => {
  it('generates a valid directory file: two sites, shared around-the-clock queues, the demo sign-ins and keys', () => {
    const centre = parseDirectoryFile(demo, 'generated');
    assert.deepEqual(centre.locations, ['Shanghai', 'Austin']);
    assert.equal(centre.queues.length, 8);
    assert.equal(centre.agents.length, 60);
    assert.ok(centre.queues.some((q) => q.location === undefined), 'some queues are shared by both sites');
    assert.ok(centre.queues.some((q) => q.location === 'Shanghai') && centre.queues.some((q) => q.location === 'Austin'));
    for (const a of centre.agents) assert.ok(a.queues.length >= 1 && a.queues.length <= 4, `${a.id} has ${a.queues.length} queues`);
    assert.ok(centre.agents.some((a) => a.location === 'Shanghai' && /^[\u4e00-\u9fff]{2,3}$/.test(a.name)));
    assert.ok(centre.agents.some((a) => a.location === 'Austin' && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(a.name)));
    assert.equal(new Set(centre.agents.map((a) => a.email)).size, 60);
    const emails = centre.supervisors.map((s) => [s.email, s.admin, s.password]);
    assert.deepEqual(emails, [
      ['ava@example.com', false, 'floorview-demo'],
      ['ben@example.com', false, 'floorview-demo'],
      ['admin@example.com', true, 'floorview-demo'],
    ]);
    assert.equal(centre.supervisors[2]!.queues.length, 8);
    // As the README says: Ava supervises Shanghai's queues and so sees Shanghai's agents only; Ben likewise Austin's.
    for (const [i, site] of ['Shanghai', 'Austin'].entries()) {
      const scope = new Set(centre.supervisors[i]!.queues);
      assert.ok(scope.size > 0 && [...scope].every((q) => centre.queues.find((x) => x.id === q)!.location === site), `${site}'s supervisor has ${site}'s queues only`);
      const seen = centre.agents.filter((a) => a.queues.some((q) => scope.has(q)));
      assert.deepEqual(new Set(seen.map((a) => a.location)), new Set([site]));
    }
    assert.ok(centre.wrapupReasons.length >= 8 && centre.wrapupReasons.some((r) => r.name === 'Resolved'));
    assert.deepEqual(centre.integrationKeys, [{ id: 'pbx-demo', secret: 'pbx-demo-secret-change-me' }]);
    assert.equal(centre.displayTokens[0]!.queues.length, 8);
  });

  it('is the same centre for the same seed and another for another seed', () => {
    assert.deepEqual(generateCentre({ agents: 60, queues: 8, seed: 1 }), demo);
    assert.notDeepEqual(generateCentre({ agents: 60, queues: 8, seed: 2 }).agents, demo.agents);
  });

  it('numbers queue names beyond its list for the 40-queue reference centre', () => {
    const reference = parseDirectoryFile(generateCentre({ agents: 500, queues: 40, seed: 1 }), 'reference');
    assert.equal(new Set(reference.queues.map((q) => q.name)).size, 40);
    assert.ok(reference.queues.some((q) => q.name === 'Sales 2'));
    for (const q of reference.queues) assert.ok(reference.agents.filter((a) => a.queues.includes(q.id)).length >= 3, q.id);
  });

  it('bundles exactly the generated demo centre as demo/centre.json', () => {
    const bundled: unknown = JSON.parse(readFileSync(new URL('../../demo/centre.json', import.meta.url), 'utf8'));
    assert.deepEqual(bundled, JSON.parse(JSON.stringify(demo)));
  });
});

describe('simulator: a one-day backfill of the demo centre', () => {
  let a: Centre;
  let stats: BackfillStats;

  before(async () => {
    a = await openCentre();
    stats = await new Simulator({ directory: a.directory, seed: 1 }).backfill(a.ingest, DAY_START, DAY_START + DAY);
  });

  it('is deterministic: the same seed stores identical events, another seed different ones', async () => {
    const b = await openCentre();
    await new Simulator({ directory: b.directory, seed: 1 }).backfill(b.ingest, DAY_START, DAY_START + DAY);
    assert.deepEqual(await storedEvents(b), await storedEvents(a));

    const c = await openCentre();
    await new Simulator({ directory: c.directory, seed: 2 }).backfill(c.ingest, DAY_START, DAY_START + DAY);
    assert.notDeepEqual((await storedEvents(c)).slice(0, 200), (await storedEvents(a)).slice(0, 200));
  });

  it('posts every event it generates, about 45 calls per agent', async () => {
    assert.equal(stats.accepted, stats.events);
    assert.equal(stats.duplicates, 0);
    assert.equal((await one<{ n: number }>(a, sql`select count(*) as n from events`)).n, stats.events);
    const inbound = (await one<{ n: number }>(a, sql`select count(*) as n from calls where direction = 'inbound'`)).n;
    assert.ok(inbound > 2700 * 0.9 && inbound < 2700 * 1.1, `${inbound} inbound calls`);
  });

  it('produces every event type of SPEC §3', async () => {
    const types = (await rows<{ type: string }>(a, sql`select distinct type from events`)).map((r) => r.type);
    for (const t of SPEC_EVENT_TYPES) assert.ok(types.includes(t), `no ${t}`);
  });

  it('leaves every inbound call either ended or still live on the floor', async () => {
    const open = await rows<{ id: string; started_at: number }>(a, sql`select id, started_at from calls where outcome is null`);
    const live = new Set(a.floor.state.calls.keys());
    for (const c of open) {
      assert.ok(live.has(c.id), `${c.id} is neither ended nor live`);
      assert.ok(c.started_at > DAY_START + DAY - HOUR, `${c.id} has been open since ${new Date(c.started_at).toISOString()}`);
    }
    assert.equal(live.size, open.length);
  });

  it('keeps abandon, bounce and system-ended rates in plausible ranges', async () => {
    const r = await one<{ total: number; answered: number; abandoned: number; other: number }>(
      a,
      sql`select count(*) as total, sum(case when outcome = 'answered' then 1 else 0 end) as answered,
            sum(case when outcome = 'abandoned' then 1 else 0 end) as abandoned, sum(case when outcome = 'other' then 1 else 0 end) as other
          from calls where direction = 'inbound' and outcome is not null`,
    );
    const abandonRate = r.abandoned / r.total;
    assert.ok(abandonRate > 0.01 && abandonRate < 0.12, `abandon rate ${abandonRate}`);
    assert.ok(r.other / r.total > 0.005 && r.other / r.total < 0.06, `other ${r.other / r.total}`);
    const h = await one<{ presented: number; bounced: number }>(
      a,
      sql`select count(*) as presented, sum(case when result = 'bounced' then 1 else 0 end) as bounced from handlings where direction = 'inbound'`,
    );
    const bounceRate = h.bounced / h.presented;
    assert.ok(bounceRate > 0.005 && bounceRate < 0.05, `bounce rate ${bounceRate}`);
  });

  it('staffs every queue around the clock', async () => {
    const changes = await rows<{ type: string; agent_id: string; queue_id: string | null; at: number }>(
      a,
      sql`select type, agent_id, queue_id, at from events
          where type in ('agent.signed_in', 'agent.signed_out', 'agent.queue_joined', 'agent.queue_left') order by seq`,
    );
    const signedIn = new Set<string>();
    // An agent stays joined to their queues over a sign-out, as on a real platform.
    const joined = new Map<string, Set<string>>();
    let i = 0;
    for (let t = DAY_START + HOUR; t < DAY_START + DAY; t += HOUR) {
      for (; i < changes.length && changes[i]!.at <= t; i++) {
        const c = changes[i]!;
        if (c.type === 'agent.signed_in') signedIn.add(c.agent_id);
        else if (c.type === 'agent.signed_out') signedIn.delete(c.agent_id);
        else if (c.type === 'agent.queue_joined') joined.set(c.agent_id, (joined.get(c.agent_id) ?? new Set()).add(c.queue_id!));
        else joined.get(c.agent_id)?.delete(c.queue_id!);
      }
      for (const q of demo.queues) {
        const staffed = [...signedIn].filter((id) => joined.get(id)?.has(q.id)).length;
        assert.ok(staffed >= 1, `${q.id} has no agent at ${new Date(t).toISOString()}`);
      }
    }
  });

  it('calls customers back at a rate a visitor sees: about one outbound call every two minutes', async () => {
    const outbound = (await one<{ n: number }>(a, sql`select count(*) as n from calls where direction = 'outbound'`)).n;
    assert.ok(outbound > 24 * 15 && outbound < 24 * 60, `${outbound} outbound calls in a day`);
  });

  it('stores no new events when the same backfill runs again', async () => {
    const again = await new Simulator({ directory: a.directory, seed: 1 }).backfill(a.ingest, DAY_START, DAY_START + DAY);
    assert.equal(again.events, stats.events);
    assert.equal(again.accepted, 0);
    assert.equal(again.duplicates, stats.events);
  });

  it('keeps the metric identities on the simulated facts', async () => {
    // Every closed handling has exactly one result, so per agent × queue presented = answered + bounced + abandoned + other.
    const handlings = await rows<{ presented: number; answered: number; bounced: number; abandoned: number; other: number }>(
      a,
      sql`select count(*) as presented, sum(case when result = 'answered' then 1 else 0 end) as answered,
            sum(case when result = 'bounced' then 1 else 0 end) as bounced, sum(case when result = 'abandoned' then 1 else 0 end) as abandoned,
            sum(case when result = 'other' then 1 else 0 end) as other
          from handlings where ended_at is not null or result is not null group by agent_id, queue_id`,
    );
    assert.ok(handlings.length > 60);
    for (const h of handlings) assert.equal(h.presented, h.answered + h.bounced + h.abandoned + h.other);
    const unresolved = await one<{ n: number }>(a, sql`select count(*) as n from handlings where ended_at is not null and result is null`);
    assert.equal(unresolved.n, 0);
    const stillRinging = await one<{ n: number }>(a, sql`select count(*) as n from handlings where result is null`);
    assert.ok(stillRinging.n <= a.floor.state.calls.size);

    const visits = await rows<{ total: number; answered: number; abandoned: number; other: number }>(
      a,
      sql`select count(*) as total, sum(case when outcome = 'answered' then 1 else 0 end) as answered,
            sum(case when outcome = 'abandoned' then 1 else 0 end) as abandoned, sum(case when outcome = 'other' then 1 else 0 end) as other
          from queue_visits where outcome is not null group by queue_id`,
    );
    assert.equal(visits.length, 8);
    for (const v of visits) assert.equal(v.total, v.answered + v.abandoned + v.other);

    const durations = await one<{ n: number }>(
      a,
      sql`select count(*) as n from handlings where result = 'answered' and ended_at is not null and (
            abs(handle_time - ring_time - connected_time) > 0.001 or abs(talk_time + hold_time - connected_time) > 0.001 or hold_time < 0)`,
    );
    assert.equal(durations.n, 0);
    const wrapups = await one<{ answered: number; wrapped: number }>(
      a,
      sql`select (select count(distinct call_id || ' ' || agent_id) from handlings where result = 'answered' and ended_at is not null) as answered,
                 (select count(*) from wrapups) as wrapped`,
    );
    // An agent's part in a call that was answered and ended (hang-up or transfer) is followed by a wrap-up.
    assert.equal(wrapups.wrapped, wrapups.answered);
  });
});

describe('simulator: supervisor commands through its adapter', () => {
  const START = DAY_START + HOUR; // 09:00 in Shanghai: a busy morning
  let c: Centre;
  let sim: Simulator;
  let now = START + 4 * HOUR;
  let n = 0;

  before(async () => {
    c = await openCentre();
    sim = new Simulator({ directory: c.directory, seed: 3 });
    await sim.backfill(c.ingest, START, now);
  });

  const run = async (ms: number) => {
    await sim.backfill(c.ingest, now, now + ms);
    now += ms;
  };
  const send = (agentId: string, body: Record<string, unknown>, supervisorId = 's-admin') =>
    sim.adapter.send({ commandId: `cmd-${++n}`, supervisorId, agentId, issuedAt: new Date(now).toISOString(), ...body } as SupervisorCommand);
  /** Signed in within the last two hours: their shift has hours left. */
  const freshlySignedIn = async () => {
    const recent = new Set(
      (await rows<{ agent_id: string }>(
        c,
        sql`select agent_id from events where type = 'agent.signed_in' and at > ${now - 2 * HOUR}`,
      )).map((r) => r.agent_id),
    );
    return liveAgents(c, (x) => x.state !== 'signed_out' && recent.has(x.agentId));
  };

  it('is the adapter named simulator', () => {
    assert.equal(sim.adapter.name, 'simulator');
  });

  it('set_state makes an agent unavailable with the reason, and they return to available by themselves', async () => {
    const agent = (await freshlySignedIn()).find((x) => x.state === 'available')!;
    assert.ok(agent, 'an available agent');
    await send(agent.agentId, { kind: 'set_state', state: 'unavailable', reason: 'Coaching' });
    await run(1_000);
    assert.equal(c.floor.agent(agent.agentId).state, 'unavailable');
    assert.equal(c.floor.agent(agent.agentId).stateReason, 'Coaching');
    await run(11 * 60_000);
    assert.equal(c.floor.agent(agent.agentId).state, 'available');
  });

  it('sign_out signs an agent out, who signs back in while their shift is on', async () => {
    const agent = (await freshlySignedIn())[0]!;
    await send(agent.agentId, { kind: 'sign_out' });
    await run(1_000);
    assert.equal(c.floor.agent(agent.agentId).state, 'signed_out');
    await assert.rejects(send(agent.agentId, { kind: 'set_state', state: 'available' }), /is signed out/);
    await run(16 * 60_000);
    assert.notEqual(c.floor.agent(agent.agentId).state, 'signed_out');
  });

  it('leave_queue and join_queue change the queues an agent has joined', async () => {
    const agent = liveAgents(c, (x) => x.state !== 'signed_out' && x.joined.length > 0)[0]!;
    const queueId = agent.joined[0]!;
    await send(agent.agentId, { kind: 'leave_queue', queueId });
    await run(1_000);
    assert.ok(!c.floor.agent(agent.agentId).joined.includes(queueId));
    await assert.rejects(send(agent.agentId, { kind: 'leave_queue', queueId }), /has not joined/);
    await send(agent.agentId, { kind: 'join_queue', queueId });
    await run(1_000);
    assert.ok(c.floor.agent(agent.agentId).joined.includes(queueId));
  });

  it('monitor puts the supervisor on a connected call, switches mode, and end_monitor leaves', async () => {
    const agent = liveAgents(c, (x) => x.contactState === 'connected')[0]!;
    assert.ok(agent, 'an agent on a call');
    await send(agent.agentId, { kind: 'monitor', callId: agent.callId, mode: 'monitor' }, 's-ava');
    await run(1_000);
    assert.deepEqual(pick(c.floor.agent(agent.agentId).monitoredBy), { supervisorId: 's-ava', mode: 'monitor' });
    await send(agent.agentId, { kind: 'monitor', callId: agent.callId, mode: 'barge' }, 's-ava');
    await run(1_000);
    assert.deepEqual(pick(c.floor.agent(agent.agentId).monitoredBy), { supervisorId: 's-ava', mode: 'barge' });
    await assert.rejects(send(agent.agentId, { kind: 'monitor', callId: agent.callId, mode: 'coach' }, 's-ben'), /already monitored/);
    await send(agent.agentId, { kind: 'end_monitor', callId: agent.callId }, 's-ava');
    await run(1_000);
    assert.equal(c.floor.agent(agent.agentId).monitoredBy, null);
  });

  it('ends monitoring just before the monitored call ends', async () => {
    const agent = liveAgents(c, (x) => x.contactState === 'connected' && x.monitoredBy === null)[0]!;
    const callId = agent.callId!;
    await send(agent.agentId, { kind: 'monitor', callId, mode: 'coach' }, 's-ben');
    await run(1_000);
    assert.equal(c.floor.agent(agent.agentId).monitoredBy?.mode, 'coach');
    for (let i = 0; i < 60 && c.floor.state.calls.get(callId)?.agentId === agent.agentId; i++) await run(60_000);
    const tail = await rows<{ type: string; at: number }>(
      c,
      sql`select type, at from events where (agent_id = ${agent.agentId} and type like 'monitor.%') or call_id = ${callId} order by seq`,
    );
    const ended = tail.findIndex((e) => e.type === 'call.ended' || e.type === 'call.transferred');
    assert.ok(ended > 0, 'the call ended or was transferred');
    assert.equal(tail[ended - 1]!.type, 'monitor.ended');
    assert.equal(tail[ended - 1]!.at, tail[ended]!.at);
    assert.equal(c.floor.agent(agent.agentId).monitoredBy, null);
  });

  it('rejects what the simulated floor cannot do, with a readable message', async () => {
    const idle = liveAgents(c, (x) => x.state !== 'signed_out' && x.contactState === 'idle')[0]!;
    await assert.rejects(send(idle.agentId, { kind: 'monitor', callId: 'c-gone', mode: 'monitor' }), /is not on a call/);
    await assert.rejects(send(idle.agentId, { kind: 'end_monitor', callId: null }), /not monitoring/);
    const unassigned = c.directory.agents.get(idle.agentId)!.queues;
    const other = [...c.directory.queues.keys()].find((q) => !unassigned.includes(q))!;
    await assert.rejects(send(idle.agentId, { kind: 'join_queue', queueId: other }), /is not assigned to/);
  });
});

describe('simulator: adopt after a restart', () => {
  it('takes over the floor and closes the calls and wrap-ups that were open', async () => {
    const START = DAY_START + 2 * HOUR;
    const END = START + 5 * HOUR;
    const first = await openCentre();
    await new Simulator({ directory: first.directory, seed: 5 }).backfill(first.ingest, START, END);
    const openCalls = [...first.floor.state.calls.keys()];
    const wrapping = liveAgents(first, (x) => x.contactState === 'wrapup');
    const signedIn = liveAgents(first, (x) => x.state !== 'signed_out').length;
    assert.ok(openCalls.length > 0 && wrapping.length > 0, 'the floor had open calls and wrap-ups');
    await saveFloor(first.database, first.floor, END);

    // The restart: a new process rebuilds the floor from the database, and a new simulator adopts it.
    const second = await attach(first.database);
    assert.deepEqual([...second.floor.state.calls.keys()].sort(), [...openCalls].sort());
    const sim = new Simulator({ directory: second.directory, seed: 5 });
    sim.adopt(second.floor.state, END);
    const stats = await sim.backfill(second.ingest, END, END + HOUR);

    assert.ok(stats.events > 300, `${stats.events} events`);
    assert.equal(stats.accepted, stats.events, 'the adopted run makes fresh ids');
    for (const callId of openCalls) {
      const call = await one<{ outcome: string | null }>(second, sql`select outcome from calls where id = ${callId}`);
      assert.notEqual(call.outcome, null, `${callId} is still open`);
    }
    for (const w of wrapping) {
      const done = await one<{ n: number }>(
        second,
        sql`select count(*) as n from wrapups where call_id = ${w.callId} and agent_id = ${w.agentId} and completed_at is not null`,
      );
      assert.equal(done.n, 1, `${w.agentId} finished the wrap-up of ${w.callId}`);
    }
    const stale = [...second.floor.state.calls.values()].filter((call) => call.waitingSince !== null && call.waitingSince < END);
    assert.deepEqual(stale, []);
    assert.ok(liveAgents(second, (x) => x.state !== 'signed_out').length > signedIn / 2, 'the centre carries on staffed');
  });
});

function pick(m: { supervisorId: string; mode: string } | null) {
  return m && { supervisorId: m.supervisorId, mode: m.mode };
}
