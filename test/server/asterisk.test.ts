import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AgentRow, QueueRow } from '../../contract/live.js';
import type { PlatformStatus } from '../../contract/platform.js';
import type { FloorSnapshot } from '../../contract/stream.js';
import { AmiTestServer } from '../support/ami-server.js';
import { centre } from '../support/centre.js';
import { waitUntil } from '../support/wait-until.js';
import { startHarness, type Harness } from './harness.js';
import { openSse } from './sse-reader.js';
import { storedValue } from './stored-rows.js';

/** The test centre on a FreePBX: queues named as in queues.conf, agents by their interfaces, Ava's desk phone. */
const mapped = {
  ...centre,
  agents: centre.agents.map((a) => ({
    ...a,
    members: { 'a-1': ['PJSIP/1001'], 'a-2': ['Local/1002@from-queue/n', 'PJSIP/1002'], 'a-3': ['PJSIP/1003'], 'a-4': ['PJSIP/1004'] }[a.id],
  })),
  supervisors: centre.supervisors.map((s) => (s.id === 's-ava' ? { ...s, device: 'PJSIP/2001' } : s)),
};
const AMI = { pingMs: 200, actionTimeoutMs: 5_000, retryMs: 50, maxRetryMs: 400 };

type Json = Record<string, any>;

async function asteriskHarness(pbx: AmiTestServer, url = pbx.url): Promise<Harness> {
  const h = await startHarness({ centre: mapped, ami: AMI, stream: { tickMs: 20 }, env: { FLOORVIEW_PLATFORM: 'asterisk', FLOORVIEW_AMI_URL: url } });
  await h.listen();
  return h;
}

describe('Asterisk over AMI', () => {
  const pbx = new AmiTestServer({
    username: 'floorview',
    secret: 'amp111-secret',
    queues: { 'q-sales': ['PJSIP/1001', 'Local/1002@from-queue/n', 'PJSIP/1004'], 'q-support': ['PJSIP/1003'] },
  });
  let h: Harness;
  let sam: Record<string, string>;
  let ava: Record<string, string>;

  const agent = async (agentId: string) => (await (await h.get(`/api/v1/agents/${agentId}`, sam)).json()) as AgentRow;
  const queue = async (queueId: string) => ((await (await h.get('/api/v1/queues', sam)).json()) as { queues: QueueRow[] }).queues.find((q) => q.queueId === queueId)!;
  const command = (method: string, path: string) => h.app.request(`/api/v1/agents/${path}`, { method, headers: sam });
  // Counted, not read off the last seq: PostgreSQL's sequence moves for a duplicate it then skips.
  const eventCount = async () => Number(await storedValue(h.services.store, 'select count(*) from events'));
  const health = async () => ((await (await h.get('/api/v1/health')).json()) as Json).platform as PlatformStatus;
  const until = async (agentId: string, test: (a: AgentRow) => boolean, what: string) => {
    let last: AgentRow | null = null;
    await waitUntil(async () => test((last = await agent(agentId))), () => `${agentId} ${what} (is ${JSON.stringify(last)})`);
  };

  before(async () => {
    await pbx.listen();
    h = await asteriskHarness(pbx);
    [sam, ava] = await Promise.all([h.login('sam'), h.login('ava')]);
  });
  after(async () => {
    await h.close();
    await pbx.close();
  });

  it('logs in with events on, and reconciles the floor from QueueStatus: members signed in, joined, available', async () => {
    await waitUntil(async () => (await health()).state === 'connected', 'connected');
    assert.deepEqual(pbx.sent('Login'), [{ Action: 'Login', Username: 'floorview', Secret: 'amp111-secret', Events: 'on' }]);
    await until('a-2', (a) => a.state === 'available', 'available from QueueStatus');
    for (const [agentId, queueId] of [['a-1', 'q-sales'], ['a-2', 'q-sales'], ['a-3', 'q-support']] as const) {
      const row = await agent(agentId);
      assert.equal(row.state, 'available', agentId);
      assert.deepEqual(row.queues.filter((q) => q.joined).map((q) => q.queueId), [queueId], agentId);
    }
    assert.ok(pbx.sent('CoreShowChannels').length >= 1, 'asked for the calls in progress too');
  });

  it('follows a call: queued, rung at one agent, not answered, answered by the next (a FreePBX Local member), held, completed', async () => {
    const s = await openSse(`${h.url}/api/v1/stream`, sam);
    await s.next((m) => m.event === 'snapshot');
    const caller = pbx.callerJoins('q-sales');
    await waitUntil(async () => (await queue('q-sales')).waiting === 1, 'one waiting in Sales');
    const ring1 = pbx.agentCalled(caller, 'PJSIP/1001');
    await until('a-1', (a) => a.contactState === 'ringing', 'ringing');
    pbx.agentRingNoAnswer(caller, 'PJSIP/1001', ring1);
    await until('a-1', (a) => a.contactState === 'idle', 'idle after ring-no-answer');
    const a1 = (m: { data: string }) => (JSON.parse(m.data) as FloorSnapshot).agents.find((a) => a.agentId === 'a-1');
    await s.next((m) => m.event === 'delta' && a1(m)?.contactState === 'ringing');
    await s.next((m) => m.event === 'delta' && a1(m)?.contactState === 'idle');
    s.close();

    const leg = pbx.agentCalled(caller, 'Local/1002@from-queue/n');
    pbx.agentConnect(caller, 'Local/1002@from-queue/n', leg);
    await until('a-2', (a) => a.contactState === 'connected' && a.direction === 'inbound', 'connected');
    assert.equal((await queue('q-sales')).waiting, 0);
    pbx.hold(caller);
    await until('a-2', (a) => a.contactState === 'hold', 'on hold');
    pbx.hold(caller, false);
    await until('a-2', (a) => a.contactState === 'connected', 'resumed');

    const stored = await eventCount();
    // Asterisk sending the same event again (a replay) is a duplicate, not a second answer.
    pbx.emit({ Event: 'AgentConnect', Channel: 'PJSIP/trunk-x', Uniqueid: caller, DestChannel: leg, Queue: 'q-sales', Interface: 'Local/1002@from-queue/n', MemberName: 'x', HoldTime: '5', RingTime: '3' });
    pbx.agentComplete(caller, 'Local/1002@from-queue/n', leg, 'caller', 'q-sales');
    await until('a-2', (a) => a.contactState === 'wrapup', 'in wrap-up (the reason is chosen at the desk)');
    assert.equal((await eventCount()) - stored, 2, 'call.ended and wrapup.started; the replayed AgentConnect added nothing');
    await waitUntil(async () => (await queue('q-sales')).answered === 1, 'one answered today in Sales');
  });

  it('completes the wrap-up with a reason the dialplan sends: UserEvent(FloorviewWrapup,Reason: …) on the agent’s channel', async () => {
    await until('a-2', (a) => a.contactState === 'wrapup', 'in wrap-up after the last call');
    const stored = await eventCount();
    // Not ours, and a reason the directory does not list: nothing recorded.
    pbx.emit({ Event: 'UserEvent', UserEvent: 'SomethingElse', Channel: 'PJSIP/1002-0000002a', Uniqueid: '1700000100.1', Reason: 'w-resolved' });
    pbx.emit({ Event: 'UserEvent', UserEvent: 'FloorviewWrapup', Channel: 'PJSIP/1002-0000002a', Uniqueid: '1700000100.1', Reason: 'w-nope' });
    pbx.emit({ Event: 'UserEvent', UserEvent: 'FloorviewWrapup', Channel: 'PJSIP/1002-0000002a', Uniqueid: '1700000100.1', Reason: 'w-followup' });
    await until('a-2', (a) => a.contactState === 'idle', 'wrap-up completed by the dialplan');
    assert.equal((await eventCount()) - stored, 1, 'one wrapup.completed');
    const day = new Date().toISOString().slice(0, 10);
    const stats = (await (await h.get(`/api/v1/stats/wrapups?from=${day}&to=${day}&tz=UTC`, sam)).json()) as Json;
    assert.deepEqual(stats.reasonsByUse.map((r: Json) => [r.reasonId, r.completed]), [['w-followup', 1]]);
  });

  it('counts a caller who hangs up while waiting as abandoned', async () => {
    const caller = pbx.callerJoins('q-support');
    await waitUntil(async () => (await queue('q-support')).waiting === 1, 'waiting in Support');
    pbx.abandon(caller);
    await waitUntil(async () => (await queue('q-support')).abandoned === 1, 'one abandoned today in Support');
    assert.equal((await queue('q-support')).waiting, 0);
  });

  it('follows a member’s own call out until it hangs up', async () => {
    const { channel } = pbx.dialOut('PJSIP/1001');
    await until('a-1', (a) => a.contactState === 'connected' && a.direction === 'outbound', 'on an outbound call');
    pbx.hangup(channel);
    await until('a-1', (a) => a.contactState === 'idle', 'idle after hanging up');
  });

  it('pauses with QueuePause and the reason, and shows it when Asterisk reports the pause', async () => {
    const res = await h.post('/api/v1/agents/a-1/state', { state: 'unavailable', reason: 'Break' }, sam);
    assert.equal(res.status, 202);
    assert.deepEqual(pbx.sent('QueuePause').at(-1), { Action: 'QueuePause', Interface: 'PJSIP/1001', Paused: 'true', Reason: 'Break' });
    await until('a-1', (a) => a.state === 'unavailable' && a.stateReason === 'Break', 'unavailable for a break');
    assert.equal((await h.post('/api/v1/agents/a-1/state', { state: 'available' }, sam)).status, 202);
    assert.deepEqual(pbx.sent('QueuePause').at(-1), { Action: 'QueuePause', Interface: 'PJSIP/1001', Paused: 'false' });
    await until('a-1', (a) => a.state === 'available', 'available again');
  });

  it('joins and leaves queues with QueueAdd and QueueRemove, and signs out by leaving every queue', async () => {
    assert.equal((await command('PUT', 'a-4/queues/q-support')).status, 202);
    assert.deepEqual(pbx.sent('QueueAdd').at(-1), { Action: 'QueueAdd', Queue: 'q-support', Interface: 'PJSIP/1004', MemberName: mapped.agents[3]!.name, Paused: 'false' });
    await until('a-4', (a) => a.queues.every((q) => q.joined), 'in both queues');
    assert.equal((await command('DELETE', 'a-4/queues/q-sales')).status, 202);
    assert.deepEqual(pbx.sent('QueueRemove').at(-1), { Action: 'QueueRemove', Queue: 'q-sales', Interface: 'PJSIP/1004' });
    await until('a-4', (a) => a.queues.find((q) => q.queueId === 'q-sales')?.joined === false, 'out of Sales');
    assert.equal((await h.post('/api/v1/agents/a-4/sign-out', {}, sam)).status, 202);
    assert.deepEqual(pbx.sent('QueueRemove').at(-1), { Action: 'QueueRemove', Queue: 'q-support', Interface: 'PJSIP/1004' });
    await until('a-4', (a) => a.state === 'signed_out', 'signed out once in no queue');
  });

  it('shows a refused action with Asterisk’s reason, and audits it', async () => {
    // The member left Sales at the PBX without Asterisk saying so: QueueRemove finds nobody.
    pbx.queues.get('q-sales')!.delete('PJSIP/1001');
    const res = await command('DELETE', 'a-1/queues/q-sales');
    assert.equal(res.status, 502);
    const { error } = (await res.json()) as { error: { message: string } };
    assert.equal(error.message, 'Asterisk refused QueueRemove: Unable to remove interface: Not there');
    const { entries } = (await (await h.get('/api/v1/audit?agent=a-1', sam)).json()) as { entries: Json[] };
    assert.deepEqual([entries[0]!.action, entries[0]!.queueId, entries[0]!.outcome, entries[0]!.message], ['leave_queue', 'q-sales', 'failed', error.message]);
    pbx.queues.get('q-sales')!.set('PJSIP/1001', { iface: 'PJSIP/1001', name: 'PJSIP/1001', paused: false, reason: '', status: 1 });
  });

  it('monitors by ringing the supervisor’s device into ChanSpy, switches mode by a digit, ends by hanging up', async () => {
    const caller = pbx.callerJoins('q-sales');
    const leg = pbx.agentCalled(caller, 'PJSIP/1001');
    pbx.agentConnect(caller, 'PJSIP/1001', leg);
    await until('a-1', (a) => a.contactState === 'connected', 'on a call');

    assert.equal((await h.post('/api/v1/agents/a-1/monitor', { mode: 'monitor' }, ava)).status, 202);
    const originate = pbx.sent('Originate').at(-1)!;
    assert.deepEqual([originate.Channel, originate.Application, originate.Data, originate.Async], ['PJSIP/2001', 'ChanSpy', `${leg},qdE`, 'true']);
    await until('a-1', (a) => a.monitoredBy?.supervisorId === 's-ava' && a.monitoredBy.mode === 'monitor', 'monitored by Ava');

    assert.equal((await h.post('/api/v1/agents/a-1/monitor', { mode: 'coach' }, ava)).status, 202);
    const spy = [...pbx.channels.values()].find((c) => c.application === 'ChanSpy')!.channel;
    assert.deepEqual(pbx.sent('PlayDTMF').at(-1), { Action: 'PlayDTMF', Channel: spy, Digit: '5', Receive: 'true' });
    await until('a-1', (a) => a.monitoredBy?.mode === 'coach', 'coached');

    assert.equal((await h.app.request('/api/v1/agents/a-1/monitor', { method: 'DELETE', headers: ava })).status, 202);
    assert.deepEqual(pbx.sent('Hangup').at(-1), { Action: 'Hangup', Channel: spy });
    await until('a-1', (a) => a.monitoredBy === null, 'no longer monitored');
    pbx.agentComplete(caller, 'PJSIP/1001', leg, 'agent', 'q-sales');
    await until('a-1', (a) => a.contactState === 'wrapup', 'call over');
  });

  it('reconnects after an outage and puts the floor right: a call ended, a pause and a caller waiting while away', async () => {
    const caller = pbx.callerJoins('q-sales');
    const leg = pbx.agentCalled(caller, 'Local/1002@from-queue/n');
    pbx.agentConnect(caller, 'Local/1002@from-queue/n', leg);
    await until('a-2', (a) => a.contactState === 'connected', 'on a call');
    const logins = pbx.sent('Login').length;

    pbx.down();
    await waitUntil(async () => (await health()).state === 'reconnecting', 'reconnecting');
    assert.match((await health()).lastError!, /127\.0\.0\.1:\d+/);
    // While Floorview is away: the call ends, Li Na pauses at her phone, a new caller queues.
    pbx.channels.delete(leg);
    pbx.channels.delete([...pbx.channels.values()].find((c) => c.uniqueid === caller)!.channel);
    pbx.pauseAtPbx('PJSIP/1001', true, 'Lunch');
    const waiting = pbx.callerJoins('q-support');
    pbx.up();

    await waitUntil(async () => (await health()).state === 'connected', 'connected again');
    assert.equal(pbx.sent('Login').length, logins + 1);
    await until('a-1', (a) => a.state === 'unavailable' && a.stateReason === 'Lunch', 'paused while away');
    await until('a-2', (a) => a.contactState !== 'connected', 'the call that ended while away is over');
    await waitUntil(async () => (await queue('q-support')).waiting === 1, 'the caller who queued while away is waiting');
    pbx.abandon(waiting);
    await waitUntil(async () => (await queue('q-support')).waiting === 0, 'and follows from there');
  });
});

describe('Asterisk with a wrong AMI secret', () => {
  const pbx = new AmiTestServer({ username: 'floorview', secret: 'right-secret', queues: {} });
  let h: Harness;
  before(async () => {
    await pbx.listen();
    h = await asteriskHarness(pbx, pbx.url.replace('right-secret', 'wrong-secret'));
  });
  after(async () => {
    await h.close();
    await pbx.close();
  });

  it('says failed in /health with Asterisk’s reason, and does not retry the login', async () => {
    let status: PlatformStatus | null = null;
    await waitUntil(async () => (status = ((await (await h.get('/api/v1/health')).json()) as Json).platform).state === 'failed', 'failed');
    assert.equal(status!.lastError, 'Asterisk refused the AMI login of user "floorview": Authentication failed');
    assert.equal(pbx.sent('Login').length, 1);
    assert.equal(pbx.connected, 0);
  });
});
